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
        return text(error.code, values)
    }

    /// libyaml's English words for a syntax problem (`did not find expected key`) or its context
    /// (`while parsing a block mapping`) in the language, from the `yaml.*` keys of `errors.txt`
    /// (``libyamlKey(_:)``); a text with no key stays as libyaml wrote it.
    func libyamlWords(_ text: String) -> String {
        let key = Self.libyamlKey(text)
        return messages.has(key) ? messages.text(key) : text
    }

    /// The key of a libyaml text: `yaml.` and its words joined by `-`, its quoted punctuation
    /// named (`did not find expected ',' or ']'` → `yaml.did-not-find-expected-comma-or-bracket`).
    public static func libyamlKey(_ text: String) -> String {
        let names: [Character: String] = [
            ",": "comma", "]": "bracket", "}": "brace", "-": "dash", ":": "colon", "%": "percent", "<": "", ">": "",
        ]
        var words: [String] = []
        for word in text.lowercased().split(separator: " ") {
            let bare = word.filter { $0 != "'" && $0 != "\"" }
            let named = bare.count == 1 ? names[bare.first!] ?? String(bare) : String(bare.filter { $0.isLetter || $0.isNumber })
            if !named.isEmpty { words.append(named) }
        }
        return "yaml." + words.joined(separator: "-")
    }

    /// The message of a code that is not an error value (a command-line mistake the argument
    /// parser reports), its placeholders filled; the code itself when it has no message.
    public func text(_ code: String, _ values: [String: String] = [:]) -> String {
        guard code == "config.yaml-syntax" else { return messages.text(code, values) }
        var values = values
        for name in ["detail", "context"] { values[name] = values[name].map(libyamlWords) }
        return messages.text(code, values)
    }
}
