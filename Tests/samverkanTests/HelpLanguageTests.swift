import Foundation
import SamverkanTemplates
import SamverkanTestSupport
import Testing

@testable import samverkan

/// The help is Swedish by default and English with `--lang en` (or `--lang=en`): every word of
/// it from `Templates/<lang>/help.txt`, the argument parser's own headings included.
@Suite("Help in the user's language")
struct HelpLanguageTests {
    static func words(_ text: String) -> String { HelpTextTests.words(text) }

    /// A help page, run as a user would (80 columns).
    static func help(_ arguments: [String]) throws -> String {
        let result = try CLIRunner.run(arguments, environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    struct Page: Sendable, CustomTestStringConvertible {
        let path: [String]
        let swedish: [String]
        let english: [String]
        var testDescription: String { (["samverkan"] + path).joined(separator: " ") }
    }

    static let pages = [
        Page(
            path: [],
            swedish: [
                "ÖVERSIKT: Planerar, dokumenterar och följer upp samverkansmöten i Nära vård.", "ANVÄNDNING: samverkan <underkommando>",
                "UNDERKOMMANDON:", "ALTERNATIV:", "Visar hjälpen.", "Se 'samverkan help <underkommando>' för utförlig hjälp.",
            ],
            english: [
                "OVERVIEW: Plan, record and follow up collaboration meetings in Nära vård.", "USAGE: samverkan <subcommand>",
                "SUBCOMMANDS:", "OPTIONS:", "Show help information.", "See 'samverkan help <subcommand>' for detailed help.",
            ]),
        Page(
            path: ["minutes"],
            swedish: ["Skriver, justerar, rättar, läser och exporterar minnesanteckningar", "justeras med `approve`"],
            english: ["Record, approve, correct, read and export minutes", "approved with `approve`"]),
        Page(
            path: ["minutes", "new"],
            swedish: [
                "Skriver minnesanteckningarna för ett möte", "Strukturens id.", "Mötets datum (ÅÅÅÅ-MM-DD).", "Exempel:",
                "Språk för texterna som användarna läser: sv (svenska) eller en (engelska). (värden: sv, en; förval: sv)",
            ],
            english: [
                "Write the minutes of a meeting", "The structure id.", "The meeting date (YYYY-MM-DD).", "Examples:",
                "Language of the text users read: sv (Swedish) or en (English). (values: sv, en; default: sv)",
            ]),
        Page(
            path: ["report", "compliance"],
            swedish: ["Hölls samverkansmötena som beslutat?", "Gruppera per structure (struktur)", "förval: municipality)"],
            english: ["Were the collaboration meetings held as decided?", "Group by structure, municipality", "default: municipality)"]),
        Page(
            path: ["calendar", "invite"],
            swedish: ["Skriver ett e-brev med inbjudan", "ANVÄNDNING: samverkan calendar invite [<alternativ>] --structure <struktur>"],
            english: [
                "Write an invitation (or cancellation) e-mail", "USAGE: samverkan calendar invite [<options>] --structure <structure>",
            ]),
    ]

    @Test("Swedish by default, English with --lang en and --lang=en", arguments: pages)
    func language(page: Page) throws {
        let swedish = Self.words(try Self.help(page.path + ["--help"]))
        for text in page.swedish { #expect(swedish.contains(Self.words(text)), "\(text)") }
        for text in page.english { #expect(!swedish.contains(Self.words(text)), "\(text)") }
        for english in [
            Self.words(try Self.help(page.path + ["--help", "--lang", "en"])),
            Self.words(try Self.help(page.path + ["--lang=en", "--help"])),
        ] {
            for text in page.english { #expect(english.contains(Self.words(text)), "\(text)") }
            for text in page.swedish { #expect(!english.contains(Self.words(text)), "\(text)") }
        }
    }

    @Test("`samverkan help PATH` shows the same page in the same language")
    func helpCommand() throws {
        #expect(try Self.help(["help", "minutes", "new"]) == Self.help(["minutes", "new", "--help"]))
        #expect(
            try Self.help(["help", "report", "compliance", "--lang", "en"])
                == Self.help(["report", "compliance", "--help", "--lang", "en"]))
        #expect(try Self.help(["help", "--lang=en", "minutes"]).hasPrefix("OVERVIEW: Record, approve, correct"))
    }

    @Test(
        "Every command's help in both languages: no line over 80 columns (the usage wrapped too), no key shown for a missing text, no English word of the parser in Swedish"
    )
    func everyCommand() throws {
        let keys = try Set(Templates.help(language: "sv").keys)
        #expect(try Set(Templates.help(language: "en").keys) == keys)
        #expect(keys.count > 150)
        for path in HelpTextTests.commands {
            for language in ["sv", "en"] {
                let page = try Self.help(path + ["--help", "--lang", language])
                let lines = page.split(separator: "\n").map(String.init)
                for line in lines { #expect(line.count <= 80, "\(path) \(language): \(line)") }
                for key in keys where page.contains(key) { Issue.record("\(path) \(language): the key \(key) is shown") }
                if language == "sv" {
                    for english in [
                        "OVERVIEW:", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "Show help", "(default:", "(values:", "<date>",
                        "<file>",
                        "<structure>", "<reason>", "<path>",
                    ] {
                        #expect(!page.contains(english), "\(path): \(english)")
                    }
                }
            }
        }
    }

    @Test("A text of several lines in help.txt keeps its paragraphs and indented examples")
    func multiLineText() throws {
        let text = try #require(try Templates.help(language: "sv")["minutes.new.discussion"])
        #expect(
            text.hasPrefix("Väljer mötet: --date, annars det senaste planerade mötet till och med i dag som saknar\nminnesanteckningar."))
        #expect(
            text.hasSuffix(
                "ifyllt utkast.\n\nExempel:\n  samverkan minutes new --structure rug\n  samverkan minutes new --structure rug --date 2025-03-13 --file minnesanteckningar.md"
            ))
        #expect(try Templates.help(language: "en")["minutes.new.extra"] == "Record an extra meeting on a date that is no planned meeting.")
        // A line ending in ':' keeps the next on a line of its own (a heading such as `Exempel:`):
        // mid-paragraph, it would break a sentence in the terminal.
        for language in ["sv", "en"] {
            for (key, text) in try Templates.help(language: language) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (line, next) in zip(lines, lines.dropFirst()) where line.hasSuffix(":") && !next.isEmpty && !next.hasPrefix(" ") {
                    Issue.record("\(language)/help.txt \(key): a line of prose ends with ':' before \"\(next)\"")
                }
            }
        }
    }

    @Test("A long usage is wrapped between its parts, under its heading; a short one is left as it is")
    func usageWrapped() {
        let usage =
            "ANVÄNDNING: samverkan minutes search [--config <file>] [--database <file>] [--lang <lang>] <words> ... [--format <format>]"
        #expect(
            HelpWords.wrappedUsage(usage, indent: 12, width: 60) == [
                "ANVÄNDNING: samverkan minutes search [--config <file>]",
                "            [--database <file>] [--lang <lang>] <words> ...",
                "            [--format <format>]",
            ])
        #expect(
            HelpWords.wrappedUsage("USAGE: samverkan x --structure <structure> --date <date>", indent: 7, width: 45) == [
                "USAGE: samverkan x --structure <structure>", "       --date <date>",
            ])
        #expect(HelpWords.wrappedUsage("USAGE: samverkan <subcommand>", indent: 7, width: 80) == ["USAGE: samverkan <subcommand>"])
    }

    @Test("The parser's words are replaced where they stand; the usage's next lines stay under it")
    func parserWords() {
        let page =
            "OVERVIEW: x\n\nUSAGE: samverkan a\n       samverkan b\n\nOPTIONS:\n  --format <format>  Output. (values: a, b; default:\n                     a)\n  -h, --help  Show help information."
        #expect(HelpWords.language == .sv)
        #expect(
            HelpWords.translatedPage(page, width: 80)
                == "ÖVERSIKT: x\n\nANVÄNDNING: samverkan a\n            samverkan b\n\nALTERNATIV:\n  --format <format>  Output. (värden: a, b; förval:\n                     a)\n  -h, --help  Visar hjälpen."
        )
    }
}
