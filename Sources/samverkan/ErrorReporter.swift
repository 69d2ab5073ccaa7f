import ArgumentParser
import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanPostgres
import SamverkanRendering

/// The one place that turns an error into what the user sees and the exit status.
///
/// - A ``SamverkanError`` prints `Fel: <message>` (`Error:` with `--lang en`), its message from
///   `Templates/<lang>/errors.txt`, after the lines it carries (configuration or draft problems),
///   and exits with the status of its category (``ExitStatus``).
/// - A command-line mistake prints the argument parser's message and usage, exit 64.
/// - `ExitCode` is a status a command chose after printing what it had to say.
/// - Nothing printed here ever holds an identity number (``IdentityNumberGuard/redacted(_:mask:)``).
/// - Anything else is unexpected: one line naming it (`internal.unexpected`), exit 70. Never a
///   stack trace.
enum ErrorReporter {
    /// Parses the command line, runs the command, and exits.
    static func main(arguments: [String]) async -> Never {
        let language = Language.guess(from: arguments)
        var command: any ParsableCommand
        do {
            command = try Samverkan.parseAsRoot(HelpWords.parsedArguments(arguments))
        } catch {
            if !(error is any SamverkanError), Samverkan.exitCode(for: error) != .success,
                let unknown = UnknownCommand.find(in: arguments)
            {
                write(unknown, language: language)
                exit(ExitStatus.usage.rawValue)
            }
            exit(reportParseError(error, language: language))
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            await PostgresStore.closeAll()
            exit(report(error, language: language))
        }
        await PostgresStore.closeAll()
        exit(ExitStatus.success.rawValue)
    }

    /// Prints an error of a command's run; returns the exit status.
    static func report(_ error: any Error, language: Language) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let error as any SamverkanError:
            write(error, language: language)
            return ExitStatus(error.category).rawValue
        case let error as ValidationError:
            // A mistake found while the command runs (an `--as` nobody configured, say): its
            // message alone; the parser's usage line here would be the root command's.
            TerminalOutput.writeError(language.errorPrefix + error.message + "\n")
            return ExitStatus.usage.rawValue
        case is CleanExit:
            return reportParseError(error, language: language)
        case _ where Samverkan.exitCode(for: error) == .success:
            // `samverkan --help` parses as the parser's help command, whose run asks for help.
            return reportParseError(error, language: language)
        default:
            let unexpected = CLIError("internal.unexpected", ["detail": String(describing: error)], category: .internal)
            write(unexpected, language: language)
            return ExitStatus.internal.rawValue
        }
    }

    /// Prints a parse error (or help, or the version); returns the exit status.
    static func reportParseError(_ error: any Error, language: Language) -> Int32 {
        if let error = error as? any SamverkanError {
            write(error, language: language)
            return ExitStatus(error.category).rawValue
        }
        let status = Samverkan.exitCode(for: error)
        if status == .success {
            // Help (or the version): the parser's page, its own words in the help's language.
            print(HelpWords.translatedPage(Samverkan.fullMessage(for: error)))
            return ExitStatus.success.rawValue
        }
        var text = ParserMessageWords(language: language).translated(Samverkan.fullMessage(for: error))
        if text.hasPrefix("Error: ") { text = language.errorPrefix + text.dropFirst("Error: ".count) }
        TerminalOutput.writeError((text + "\n"))
        return status == .validationFailure ? ExitStatus.usage.rawValue : status.rawValue
    }

    /// Prints the lines an error carries, then `Fel: <message>`, on standard error.
    ///
    /// An identity number in any of them (a value quoted from a file or an argument) is replaced
    /// by ``IdentityNumberGuard/mask``: the program never repeats one.
    static func write(_ error: any SamverkanError, language: Language) {
        let lines = details(of: error, language: language) + [language.errorPrefix + message(for: error, language: language)]
        TerminalOutput.writeError(lines.map { $0 + "\n" }.joined())
    }

    /// The message of an error in a language, from `errors.txt`.
    static func message(for error: any SamverkanError, language: Language) -> String {
        ErrorMessages.load(language: language.rawValue).message(for: error)
    }

    /// The problems a configuration or draft error lists, one `FILE:LINE:COLUMN: message` or
    /// `LINE: message` each.
    static func details(of error: any SamverkanError, language: Language) -> [String] {
        switch error {
        case let error as ConfigError:
            let messages = ErrorMessages.load(language: language.rawValue)
            return error.problems.map { $0.rendered(messages.text) }
        case let error as MinutesDraftError: return error.problems.map(\.description)
        default: return []
        }
    }
}
