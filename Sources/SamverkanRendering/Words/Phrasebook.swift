/// Short user-facing phrases in one language, read from `Templates/<lang>/phrases.txt`.
///
/// Each phrase is a mustache template (`{{name}}` placeholders, sections), compiled once when the
/// phrasebook is made; a phrase without placeholders is kept as plain text and costs a dictionary
/// look-up. Phrases are text: values are inserted as they are (never HTML-escaped) in one pass,
/// so a value containing `{{x}}` is never expanded again.
///
/// The domain only fills in phrases; it never reads files. A missing key shows as the key itself,
/// so a gap in a translation is visible rather than silent.
public struct Phrasebook: Sendable {
    /// The language code, e.g. `sv`.
    public let language: String
    private let phrases: [String: Phrase]

    /// One phrase: plain text, or a compiled template when it has `{{…}}` tags.
    private enum Phrase: Sendable {
        case plain(String)
        case template(TextTemplate)
    }

    /// A phrasebook of `key: text` phrases. A phrase with a syntax error is shown as it is
    /// written; use ``TemplateLibrary/phrasebook()`` to have such a phrase reported as an error.
    public init(language: String, phrases: [String: String]) {
        self.language = language
        self.phrases = phrases.reduce(into: [:]) { result, entry in
            result[entry.key] = (try? Self.compile(entry.value, key: entry.key, name: language)) ?? .plain(entry.value)
        }
    }

    /// A phrasebook whose phrases must all compile.
    /// - Throws: ``TemplateError`` naming the file and key of a phrase with a syntax error.
    init(checking phrases: [String: String], language: String, file: String) throws {
        self.language = language
        self.phrases = try phrases.reduce(into: [:]) { result, entry in
            result[entry.key] = try Self.compile(entry.value, key: entry.key, name: "\(language)/\(file)")
        }
    }

    private static func compile(_ text: String, key: String, name: String) throws -> Phrase {
        guard text.contains("{{") else { return .plain(text) }
        return .template(try TextTemplate(text, name: "\(name) (phrase \"\(key)\")", format: .text))
    }

    /// The phrase for a key with `{{name}}` placeholders filled in.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        switch phrases[key] {
        case .plain(let text): text
        case .template(let template): template.renderPhrase(values)
        case nil: key
        }
    }

    /// Whether the phrasebook has a key.
    public func has(_ key: String) -> Bool { phrases[key] != nil }

    /// A list joined the way the language does it: "a, b och c" / "a, b and c".
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + text("list.and") + " " + items.last!
    }

    /// Alternatives joined the way the language does it: "a, b eller c" / "a, b or c".
    public func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + text("list.or") + " " + items.last!
    }
}
