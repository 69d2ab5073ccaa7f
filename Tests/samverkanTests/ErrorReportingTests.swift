import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanStore
import SamverkanTestSupport
import Testing

@testable import samverkan

/// Every error reaches the user the same way: `Fel: <message>` (`Error:` with --lang en) on
/// standard error, and the documented exit status (README, "Exit codes"); never a stack trace or
/// a type name.
@Suite("Errors end to end", .serialized)
struct ErrorReportingTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Runs with the Halland configuration and an empty database of this test.
    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(
            arguments + ["--config", "Config/halland.yaml", "--database", folder.appendingPathComponent("db.sqlite").path],
            environment: ["SAMVERKAN_TODAY": "2025-06-01"])
    }

    /// One line (or the parser's message), the expected start, no trace of Swift.
    func expectClean(_ result: CLIRunner.Result, status: Int32, prefix: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)", sourceLocation: sourceLocation)
        for trace in ["UserError(", "StoreError(", "CLIError(", "LookupError(", "Fatal error", "Stack dump", "samverkan.", "Swift."] {
            #expect(!result.stderr.contains(trace), "\(trace) in \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test("A mistake in the input: Fel in Swedish, Error with --lang en, exit 1")
    func input() throws {
        expectClean(
            try run(["schedule", "--structure", "rugg"]), status: 1,
            prefix: "Fel: strukturen \"rugg\" finns inte (menade du \"rug\"?); `samverkan structures` visar alla\n")
        expectClean(
            try run(["schedule", "--structure", "rugg", "--lang", "en"]), status: 1,
            prefix: "Error: unknown structure \"rugg\" (did you mean \"rug\"?); `samverkan structures` lists them\n")
        expectClean(
            try run(["minutes", "show", "7"]), status: 1,
            prefix: "Fel: minnesanteckningar #7 finns inte; `samverkan minutes list` visar dem som finns\n")
        expectClean(
            try run(["minutes", "show", "7", "--lang", "en"]), status: 1,
            prefix: "Error: there are no minutes #7; `samverkan minutes list` shows them\n")
        expectClean(
            try run(["report", "compliance", "--municipality", "goteborg", "--lang", "en"]), status: 1,
            prefix: "Error: there is no municipality \"goteborg\"; choose from: ")
    }

    @Test("A command-line mistake is the parser's message, in the user's language's frame, exit 64")
    func usage() throws {
        expectClean(
            try run(["schedule", "--from", "2025-02-30"]), status: 64,
            prefix: "Fel: värdet '2025-02-30' passar inte för '--from <datum>': ett datum skrivs ÅÅÅÅ-MM-DD, t.ex. 2025-03-13")
        expectClean(
            try run(["schedule", "--from", "2025-02-30", "--lang", "en"]), status: 64,
            prefix: "Error: the value '2025-02-30' is invalid for '--from <date>': a date is written YYYY-MM-DD")
        expectClean(
            try run(["report", "grants", "--format", "html"]), status: 64,
            prefix: "Fel: värdet 'html' passar inte för '--format <format>'; ange 'table', 'csv', 'json' eller 'md'\n")
        expectClean(
            try run(["report", "grants", "--format", "html", "--lang", "en"]), status: 64,
            prefix: "Error: the value 'html' is invalid for '--format <format>'; give 'table', 'csv', 'json' or 'md'\n")
        let unknown = try run(["schedule", "--frm", "2025-01-01"])
        expectClean(unknown, status: 64, prefix: "Fel: okänt alternativ '--frm'. Menade du '--from'?\n")
        #expect(
            unknown.stderr.contains("\nAnvändning: samverkan schedule ")
                && unknown.stderr.contains("  Se 'samverkan schedule --help' för mer information.\n"))
        let english = try run(["schedule", "--frm", "2025-01-01", "--lang", "en"])
        expectClean(english, status: 64, prefix: "Error: unknown option '--frm'. Did you mean '--from'?\n")
        #expect(
            english.stderr.contains("\nUsage: samverkan schedule ")
                && english.stderr.contains("  See 'samverkan schedule --help' for more information.\n"))
        expectClean(try run(["holidays", "extra"]), status: 64, prefix: "Fel: oväntat argument 'extra'\n")
        expectClean(try run(["minutes", "approve"]), status: 64, prefix: "Fel: '<id>' saknas\n")
    }

    @Test("A database that cannot be opened: exit 4")
    func store() throws {
        let result = try CLIRunner.run([
            "minutes", "list", "--config", "Config/halland.yaml", "--database", "/proc/nope/db.sqlite", "--lang", "en",
        ])
        expectClean(result, status: 4, prefix: "Error: cannot create the folder for the database /proc/nope/db.sqlite: ")
        let sv = try CLIRunner.run(["minutes", "list", "--config", "Config/halland.yaml", "--database", "/proc/nope/db.sqlite"])
        expectClean(sv, status: 4, prefix: "Fel: mappen för databasen /proc/nope/db.sqlite kan inte skapas: ")
    }

    @Test("A file that cannot be written or read: exit 5")
    func files() throws {
        expectClean(
            try run(["report", "actions", "--output", "/proc/nope/plan.csv", "--format", "csv"]), status: 5,
            prefix: "Fel: mappen /proc/nope kan inte skapas: ")
        expectClean(
            try run(["minutes", "import", folder.appendingPathComponent("missing.json").path, "--lang", "en"]), status: 5,
            prefix: "Error: cannot read \(folder.appendingPathComponent("missing.json").path): no such file, or not readable\n")
    }

    @Test("The exit statuses are the documented ones, in one place")
    func statuses() {
        #expect(ExitStatus(.input) == .invalidInput && ExitStatus.invalidInput.rawValue == 1)
        #expect(ExitStatus(.store).rawValue == 4)
        #expect(ExitStatus(.io).rawValue == 5)
        #expect(ExitStatus(.internal).rawValue == 70)
        #expect(ExitStatus.usage.rawValue == 64 && ExitStatus.belowLimit.rawValue == 3)
        #expect(StoreError("store.unopenable").category == .store)
        #expect(StoreError("minutes.not-found").category == .input)
    }

    @Test("An unexpected error is one clear line and exit 70, and ExitCode keeps its status")
    func unexpected() {
        struct Surprise: Error {}
        #expect(ErrorReporter.report(Surprise(), language: .en) == 70)
        let message = ErrorReporter.message(for: CLIError("internal.unexpected", ["detail": "Surprise()"]), language: .en)
        #expect(message == "something unexpected went wrong (Surprise()). Please report it, with the command you ran")
        #expect(ErrorReporter.report(ExitCode(3), language: .sv) == 3)
    }
}
