import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// The day a meeting decision is recorded follows the same "today" as everything else
/// (`SAMVERKAN_TODAY`, which tests and the demonstration run on), not the machine's clock.
@Suite("decision dates end to end")
struct DecisionDateEndToEndTests {
    let folder: TemporaryFolder
    var database: String { folder.path("samverkan.sqlite") }

    init() throws { folder = try TemporaryFolder("decision-dates") }

    @discardableResult
    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(
            arguments + ["--config", "Config/halland.yaml", "--database", database], environment: ["SAMVERKAN_TODAY": "2025-03-01"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    @Test("meeting cancel, move, add, restore and minutes cancel record the day SAMVERKAN_TODAY names")
    func recordedOnToday() throws {
        try run(["meeting", "cancel", "--structure", "rug", "--date", "2025-05-08", "--reason", "Krock med övning"])
        try run(["meeting", "move", "--structure", "rug", "--date", "2025-06-12", "--to", "2025-06-11T13:00", "--reason", "Lokalen"])
        try run(["meeting", "add", "--structure", "rug", "--date", "2025-08-21", "--time", "10:00", "--reason", "Extra"])
        try run(["meeting", "restore", "--structure", "rug", "--date", "2025-05-08", "--reason", "Övningen flyttades"])
        try run(["minutes", "cancel", "--structure", "rug", "--date", "2025-09-11", "--reason", "För få deltagare"])
        let rows = try AppDatabase.open(path: try TestDatabase.sqliteFile(of: database)).unsafeRawRead(
            "SELECT action, substr(decided_at, 1, 10) FROM meeting_decisions ORDER BY id")
        #expect(rows.map { $0[0] } == ["cancel", "move", "add", "restore", "cancel"], "\(rows)")
        #expect(rows.allSatisfy { $0[1] == "2025-03-01" }, "\(rows)")
        // The schedule says when the cancellation was decided.
        let schedule = try run(["schedule", "--structure", "rug", "--from", "2025-09-01", "--to", "2025-09-30"]).stdout
        #expect(schedule.contains("För få deltagare (2025-03-01)"), "\(schedule)")
    }
}
