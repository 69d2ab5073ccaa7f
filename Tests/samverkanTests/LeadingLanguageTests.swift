import ArgumentParser
import Testing

@testable import samverkan

/// `--lang` before the command is moved behind the command's words, where its option takes it.
@Suite("--lang before the command")
struct LeadingLanguageTests {
    @Test(
        "A leading --lang X or --lang=X goes behind the command's words; none before it leaves the line as it is",
        arguments: [
            (["--lang", "en", "minutes", "pending"], ["minutes", "pending", "--lang", "en"]),
            (["--lang=en", "schedule", "--from", "2025-06-01"], ["schedule", "--lang=en", "--from", "2025-06-01"]),
            (
                ["--lang", "en", "minutes", "show", "12", "--format", "html"],
                ["minutes", "show", "12", "--lang", "en", "--format", "html"]
            ),
            (["--lang", "en", "help", "minutes"], ["help", "minutes"]),
            (["--lang", "en", "--help"], ["--help"]),
            (["minutes", "pending", "--lang", "en"], ["minutes", "pending", "--lang", "en"]),
            (["--lang"], ["--lang"]),
        ])
    func moved(arguments: [String], expected: [String]) {
        #expect(HelpWords.parsedArguments(arguments) == expected)
    }

    @Test("The moved command line parses")
    func parses() throws {
        let command = try Samverkan.parseAsRoot(HelpWords.parsedArguments(["--lang", "en", "minutes", "pending"]))
        #expect(command is MinutesCommand.Pending)
    }
}
