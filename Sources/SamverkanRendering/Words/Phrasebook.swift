/// Short user-facing phrases in one language, read from `Templates/<lang>/phrases.txt`.
///
/// The domain only fills in phrases; it never reads files. A missing key shows as the key itself,
/// so a gap in a translation is visible rather than silent.
public struct Phrasebook: Sendable {
    /// The language code, e.g. `sv`.
    public let language: String
    private let phrases: [String: String]

    public init(language: String, phrases: [String: String]) {
        self.language = language
        self.phrases = phrases
    }

    /// The phrase for a key with `{name}` placeholders filled in.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var result = phrases[key] ?? key
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }

    /// Whether the phrasebook has a key.
    public func has(_ key: String) -> Bool { phrases[key] != nil }

    /// A list joined the way the language does it: "a, b och c" / "a, b and c".
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + text("list.and") + " " + items.last!
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
