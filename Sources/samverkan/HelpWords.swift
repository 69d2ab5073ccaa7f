import ArgumentParser
import SamverkanRendering
import SamverkanTemplates

/// The words of `samverkan --help` and of every command's help, from `Templates/<lang>/help.txt`.
///
/// The argument parser asks for a command's configuration and its options' help while it
/// builds the help, before (or without) a command being parsed; so the help's language is
/// decided once, from the command line (`--lang en` or `--lang=en`, see ``Language/guess(from:)``),
/// Swedish by default. A key missing from `help.txt` shows as the key itself, so a gap is visible.
enum HelpWords {
    /// The language of the help, read from this process's command line.
    static let language = Language.current

    /// The help texts of ``language``; none (keys shown) when `help.txt` cannot be read.
    static let phrases = Phrasebook(
        language: language.rawValue, phrases: (try? Templates.help(language: language.rawValue)) ?? [:])

    /// A short text: a command's abstract, an option's help.
    static func text(_ key: String) -> String { phrases.text(key) }

    /// A command's discussion, its paragraphs reflowed for the terminal (``HelpText/reflowed(_:)``).
    static func discussion(_ key: String) -> String { HelpText.reflowed(phrases.text(key)) }

    /// The help of an option, flag or argument.
    static func help(_ key: String) -> ArgumentHelp { ArgumentHelp(phrases.text(key)) }

    /// The help of an option or argument with a value, and the value's name in the usage
    /// (`--from <datum>`), from the `value.*` keys.
    static func help(_ key: String, value: String) -> ArgumentHelp {
        ArgumentHelp(phrases.text(key), valueName: Self.value(value))
    }

    /// The name of an option's value in the usage and in the parser's messages (`value.date`:
    /// `datum`).
    static func value(_ key: String) -> String { phrases.text("value.\(key)") }
}
