import ArgumentParser

/// `--lang`: the language of everything users read, Swedish by default.
enum Language: String, CaseIterable, ExpressibleByArgument, Sendable {
    case sv, en

    /// How an error line starts: `Fel:` or `Error:`.
    var errorPrefix: String { self == .sv ? "Fel: " : "Error: " }

    /// The language of this process's command line (see ``guess(from:)``), for texts made
    /// before or outside a command's run, such as a usage mistake found while parsing.
    static var current: Language { guess(from: Array(CommandLine.arguments.dropFirst())) }

    /// The language of a command line, read before (and whatever the outcome of) parsing it, so
    /// that even a parse error is reported in the user's language: the last valid `--lang X` or
    /// `--lang=X` before a `--`, else Swedish.
    static func guess(from arguments: [String]) -> Language {
        var found = Language.sv
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.endIndex, let language = Language(rawValue: arguments[index + 1]) {
                found = language
            } else if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
                found = language
            }
            index += 1
        }
        return found
    }
}
