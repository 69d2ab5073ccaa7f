/// A plain-text template from `Templates/` with `{name}` placeholders.
///
/// A line whose placeholders are all empty is left out, so optional facts (a missing video
/// link, no secretary) leave no dangling label. Multi-line values are inserted as they are.
public struct TextTemplate: Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The text with placeholders filled in.
    public func render(_ values: [String: String]) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let names = Self.placeholders(in: line)
            if !names.isEmpty, names.allSatisfy({ (values[$0] ?? "").isEmpty }) { continue }
            var result = String(line)
            for name in names { result = result.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "") }
            lines.append(result)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func placeholders(in line: Substring) -> [String] {
        var names: [String] = []
        var rest = line[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
