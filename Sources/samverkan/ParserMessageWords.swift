import Foundation
import SamverkanRendering
import SamverkanTemplates

/// The argument parser's messages in the user's language.
///
/// swift-argument-parser writes its own English sentences (`Unknown option '--frm'`, `Usage:` …);
/// each known form is recognised here and written again with the words of
/// `Templates/<lang>/errors.txt` (`usage.*`), the values it names kept. A form not known here is
/// left as the parser wrote it.
struct ParserMessageWords {
    let messages: ErrorMessages
    let phrases: Phrasebook

    init(language: Language) {
        messages = ErrorMessages.load(language: language.rawValue)
        phrases = Phrasebook(language: language.rawValue, phrases: (try? Templates.phrases(language: language.rawValue)) ?? [:])
    }

    /// The parser's full message (`Error: …`, `Help: …`, `Usage: …`, `See '…' for more information.`) translated line by line.
    func translated(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { translatedLine(String($0)) }.joined(separator: "\n")
    }

    private func translatedLine(_ line: String) -> String {
        if line.hasPrefix("Error: ") { return "Error: " + sentence(String(line.dropFirst("Error: ".count))) }
        if line.hasPrefix("Help:  ") { return messages.text("usage.help", ["help": String(line.dropFirst("Help:  ".count))]) }
        if line.hasPrefix("Usage: ") { return messages.text("usage.usage", ["usage": String(line.dropFirst("Usage: ".count))]) }
        if let match = line.wholeMatch(of: /\ \ See '(.+)' for more information\./) {
            return "  " + messages.text("usage.see-help", ["command": String(match.1)])
        }
        return line
    }

    /// One of the parser's sentences, in the language's words when its form is known.
    func sentence(_ text: String) -> String {
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+)': (.*)/) {
            return messages.text("usage.invalid-value-because", ["value": String(m.1), "option": String(m.2), "reason": String(m.3)])
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./) {
            let choices = String(m.3).matches(of: /'([^']*)'/).map { "'\($0.1)'" }
            return messages.text(
                "usage.invalid-value-choices", ["value": String(m.1), "option": String(m.2), "choices": phrases.alternatives(choices)])
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'/) {
            return messages.text("usage.invalid-value", ["value": String(m.1), "option": String(m.2)])
        }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return messages.text("usage.unknown-option-close", ["option": String(m.1), "close": String(m.2)])
        }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'/) { return messages.text("usage.unknown-option", ["option": String(m.1)]) }
        if let m = text.wholeMatch(of: /Missing value for '(.+)'/) { return messages.text("usage.missing-value", ["option": String(m.1)]) }
        if let m = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return messages.text("usage.missing-argument", ["option": String(m.1)])
        }
        if let m = text.wholeMatch(of: /Unexpected argument '(.+)'/) {
            return messages.text("usage.unexpected-argument", ["value": String(m.1)])
        }
        return text
    }
}
