public import SamverkanDomain
import SamverkanTemplates

/// The messages of errors in one language, read from `Templates/<lang>/errors.txt`.
///
/// Each line is `code: text`; `{name}` in the text is filled with the error's value of that name,
/// in one pass (a value that itself holds `{x}` is left as it is). An error whose code has no
/// message shows its code and values, so a gap is visible and never hides the error.
public struct ErrorMessages: Sendable {
    /// The language code, e.g. `sv`.
    public let language: String
    private let messages: [String: String]

    public init(language: String, messages: [String: String]) {
        self.language = language
        self.messages = messages
    }

    /// The messages of a language; none (codes are shown) when `errors.txt` cannot be read, since
    /// this is what reports every other failure.
    public static func load(language: String) -> ErrorMessages {
        ErrorMessages(language: language, messages: (try? Templates.errors(language: language)) ?? [:])
    }

    /// Every code that has a message.
    public var codes: Set<String> { Set(messages.keys) }

    /// The message of an error, its placeholders filled.
    public func message(for error: any SamverkanError) -> String {
        guard let text = messages[error.code] else { return error.debugSummary }
        return Self.fill(text, with: error.values)
    }

    /// `{name}` replaced by `values[name]` in one pass; unknown names stay as written.
    static func fill(_ text: String, with values: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
