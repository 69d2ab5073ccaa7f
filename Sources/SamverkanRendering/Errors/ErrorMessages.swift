public import SamverkanDomain
import SamverkanTemplates

/// The messages of errors in one language, read from `Templates/<lang>/errors.txt`.
///
/// Each line is `code: text`, a mustache template like every phrase (`{{name}}` is filled with
/// the error's value of that name, once: a value that itself holds `{{x}}` is left as it is). An
/// error whose code has no message shows its code and values, so a gap is visible and never hides
/// the error.
public struct ErrorMessages: Sendable {
    /// The language code, e.g. `sv`.
    public let language: String
    private let messages: Phrasebook
    /// Every code that has a message.
    public let codes: Set<String>

    public init(language: String, messages: [String: String]) {
        self.language = language
        self.messages = Phrasebook(language: language, phrases: messages)
        codes = Set(messages.keys)
    }

    /// The messages of a language; none (codes are shown) when `errors.txt` cannot be read, since
    /// this is what reports every other failure.
    public static func load(language: String) -> ErrorMessages {
        ErrorMessages(language: language, messages: (try? Templates.errors(language: language)) ?? [:])
    }

    /// The message of an error, its placeholders filled. A value named `holiday` is a holiday's
    /// code (`midsummer-eve`), shown as its name in the language (`holiday.<code>` in phrases.txt);
    /// a listed value (``ListedValues``) is its parts in words of `errors.txt`.
    public func message(for error: any SamverkanError) -> String {
        guard messages.has(error.code) else { return error.debugSummary }
        var values = error.values
        if let holiday = values["holiday"], let name = (try? Templates.phrases(language: language))?["holiday.\(holiday)"] {
            values["holiday"] = name
        }
        if let listing = error as? any ListedValues {
            for (name, parts) in listing.listedValues {
                values[name] = parts.map { messages.text($0.code, $0.values) }.joined(separator: ", ")
            }
        }
        return messages.text(error.code, values)
    }

    /// The message of a code that is not an error value (a command-line mistake the argument
    /// parser reports), its placeholders filled; the code itself when it has no message.
    public func text(_ code: String, _ values: [String: String] = [:]) -> String {
        messages.text(code, values)
    }
}
