import ArgumentParser
import SamverkanDomain
import SamverkanTime
import Testing

@testable import samverkan

/// Dates, periods, languages and formats are typed arguments: parsed once, by the parser, which
/// refuses a bad value itself and says what is expected.
@Suite("Typed command-line arguments")
struct ArgumentParsingTests {
    /// The parser's message for a command line it refuses; nil when it accepts it.
    func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Samverkan.parseAsRoot(arguments)
            return nil
        } catch {
            #expect(Samverkan.exitCode(for: error) == .validationFailure, "\(arguments): a usage error exits 64")
            return Samverkan.message(for: error)
        }
    }

    @Test(
        "A date that is not YYYY-MM-DD, or no day of the calendar, is refused by the parser",
        arguments: [
            (["schedule", "--from", "2025-02-30"], "--from"),
            (["holidays", "--to", "31.12.2025"], "--to"),
            (["minutes", "cancel", "--structure", "rug", "--date", "13/3", "--reason", "Sjukdom"], "--date"),
            (["minutes", "approve", "1", "--by", "ordf", "--date", "2025-13-01"], "--date"),
            (["minutes", "list", "--from", "2025-1-1"], "--from"),
            (["report", "actions", "--as-of", "idag"], "--as-of"),
            (["report", "compliance", "--from", "2025-00-10"], "--from"),
            (["calendar", "invite", "--structure", "rug", "--output", "x.eml", "--cancel", "--occurrence", "2025-03-32"], "--occurrence"),
        ])
    func badDate(arguments: [String], option: String) throws {
        let message = try #require(refusal(arguments), "\(arguments) was accepted")
        #expect(message.contains("is invalid for '\(option) <datum>'"), "\(message)")
        // The reason in the language of the command line (Swedish here: no --lang); the frame is
        // the parser's until ErrorReporter writes it again (ErrorReportingTests).
        #expect(message.contains("ett datum skrivs ÅÅÅÅ-MM-DD, t.ex. 2025-03-13, och måste finnas i kalendern"), "\(message)")
    }

    @Test(
        "A period that is no year, half-year, quarter or month is refused by the parser",
        arguments: [
            "2025-H3", "2025-Q5", "2025-13", "25", "2025-03-01", "H1-2025",
        ])
    func badPeriod(period: String) throws {
        for command in [["report", "compliance"], ["report", "grants"]] {
            let message = try #require(refusal(command + ["--period", period]), "\(period) was accepted")
            #expect(message.contains("The value '\(period)' is invalid for '--period <period>'"), "\(message)")
            #expect(message.contains("en period är ett år (2025), ett halvår (2025-H1), ett kvartal (2025-Q2) eller en månad (2025-03)"))
        }
    }

    @Test("Dates and periods are parsed once, into values")
    func parsedOnce() throws {
        let schedule = try #require(
            try Samverkan.parseAsRoot(["schedule", "--from", "2025-03-01", "--to", "2025-03-31"])
                as? Samverkan.ScheduleCommand)
        #expect(schedule.period.from == LocalDate(year: 2025, month: 3, day: 1))
        #expect(schedule.period.to == LocalDate(year: 2025, month: 3, day: 31))
        let report = try #require(try Samverkan.parseAsRoot(["report", "compliance", "--period", "2025-q2"]) as? ReportCommand.Compliance)
        #expect(report.period.period == ReportPeriod(parsing: "2025-Q2"))
        #expect(report.period.period?.from == LocalDate(year: 2025, month: 4, day: 1))
        #expect(report.period.period?.to == LocalDate(year: 2025, month: 6, day: 30))
        let cancel = try #require(
            try Samverkan.parseAsRoot([
                "minutes", "cancel", "--structure", "rug", "--date", "2025-05-08",
                "--reason", "Påsklov",
            ]) as? MinutesCommand.Cancel)
        #expect(cancel.date == LocalDate(year: 2025, month: 5, day: 8))
    }

    @Test(
        "Each command's --format has only the formats it writes; the parser lists them",
        arguments: [
            (["report", "grants"], "html", "'table', 'csv', 'json' or 'md'"),
            (["report", "actions"], "html", "'table', 'csv', 'json' or 'md'"),
            (["actions"], "md", "'table' and 'json'"),
            (["structures"], "html", "'table' and 'json'"),
            (["schedule"], "csv", "'table' and 'json'"),
            (["holidays"], "html", "'table' and 'json'"),
            (["minutes", "list"], "html", "'table' and 'json'"),
            (["minutes", "search", "rutin"], "md", "'table' and 'json'"),
            (["minutes", "show", "1"], "table", "'md', 'html' or 'json'"),
            (["report", "compliance"], "xml", "'table', 'csv', 'json', 'md' or 'html'"),
        ])
    func formats(command: [String], format: String, valid: String) throws {
        let message = try #require(refusal(command + ["--format", format]), "\(command) accepted --format \(format)")
        #expect(message.contains("The value '\(format)' is invalid for '--format <format>'. Please provide one of \(valid)."), "\(message)")
    }

    @Test("The formats a command writes are accepted")
    func goodFormats() {
        #expect(refusal(["report", "compliance", "--format", "html"]) == nil)
        #expect(refusal(["report", "grants", "--format", "csv"]) == nil)
        #expect(refusal(["minutes", "show", "1", "--format", "html"]) == nil)
        #expect(refusal(["actions", "--format", "json"]) == nil)
    }

    @Test("--lang is sv or en; the language of an error is read from the arguments before parsing")
    func language() throws {
        let message = try #require(refusal(["validate", "--lang", "fi"]))
        #expect(message.contains("Please provide one of 'sv' and 'en'"))
        #expect(Language.guess(from: ["validate", "--lang", "en"]) == .en)
        #expect(Language.guess(from: ["validate", "--lang=en", "--from", "x"]) == .en)
        #expect(Language.guess(from: ["validate", "--lang", "fi"]) == .sv)
        #expect(Language.guess(from: ["minutes", "search", "--", "--lang", "en"]) == .sv)
        #expect(Language.guess(from: []) == .sv)
    }
}
