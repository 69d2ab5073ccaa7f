import ArgumentParser
import Foundation
import SamverkanTestSupport
import Testing

@testable import samverkan

/// `samverkan … --help` reads as whole sentences in an 80-column terminal: every line break in
/// the overview and discussion is the parser's (a word would not have fitted), never one kept
/// from the source in the middle of a sentence, and no text of the help is cut off.
@Suite("Help texts")
struct HelpTextTests {
    /// Every command path: `[]`, `["minutes"]`, `["minutes", "new"]`, …
    static let commands: [[String]] = {
        func walk(_ command: any ParsableCommand.Type, _ path: [String]) -> [[String]] {
            [path] + command.configuration.subcommands.flatMap { walk($0, path + [$0._commandName]) }
        }
        return walk(Samverkan.self, [])
    }()

    static func command(_ path: [String]) -> any ParsableCommand.Type {
        var command: any ParsableCommand.Type = Samverkan.self
        for name in path { command = command.configuration.subcommands.first { $0._commandName == name }! }
        return command
    }

    /// The lines of prose before `ANVÄNDNING:` (`USAGE:`) broken although the next word would have fitted (the
    /// parser keeps lines shorter than the width).
    static func brokenLines(_ help: String, width: Int = 80) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).prefix {
            !$0.hasPrefix("USAGE:") && !$0.hasPrefix("ANVÄNDNING:")
        }.map(String.init)
        var broken: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" "), !line.hasSuffix(":"),
                let word = next.split(separator: " ").first
            else { continue }
            if line.count + 1 + word.count < width { broken.append(line + " ⏎ " + next) }
        }
        return broken
    }

    static func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test("The helper joins the lines of a paragraph and keeps headings, examples and blank lines")
    func reflowed() {
        let text = "Picks the meeting: --date, or\nelse the latest.\n\nExamples:\n  samverkan a\n  samverkan b\nExample: c\nand d"
        #expect(
            HelpText.reflowed(text)
                == "Picks the meeting: --date, or else the latest.\n\nExamples:\n  samverkan a\n  samverkan b\nExample: c and d")
        #expect(Self.brokenLines("The draft is checked when you close the editor; each mistake is shown\nas LINE").count == 1)
    }

    @Test("Every command's --help: exit 0, no sentence broken before the terminal's edge, the whole overview and discussion shown")
    func everyCommand() throws {
        #expect(Self.commands.count > 20)
        for path in Self.commands {
            let result = try CLIRunner.run(path + ["--help"], environment: ["COLUMNS": "80"])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            #expect(Self.brokenLines(result.stdout).isEmpty, "\(path): \(Self.brokenLines(result.stdout))")
            let configuration = Self.command(path).configuration
            let shown = Self.words(result.stdout)
            #expect(shown.contains(Self.words(configuration.abstract)), "\(path): abstract")
            if !configuration.discussion.isEmpty {
                #expect(shown.contains(Self.words(configuration.discussion)), "\(path): discussion")
            }
            for line in result.stdout.split(separator: "\n") where !line.hasPrefix("ANVÄNDNING:") && !line.contains("samverkan ") {
                #expect(line.count <= 80, "\(path): \(line)")
            }
        }
    }
}
