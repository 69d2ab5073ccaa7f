import Foundation
import SamverkanTestSupport

extension ReportEndToEndTests.Sample {
    /// The files the independent recomputation reads, made from this database for 2025.
    struct PeerInput {
        let structures: String
        let schedule: String
        let json: String
        let csv: String
    }

    /// Saves the structures, the 2025 schedule and the 2025 compliance report (JSON and CSV).
    func peerInput() throws -> PeerInput {
        PeerInput(
            structures: try save(["structures", "--format", "json"], as: "structures.json"),
            schedule: try save(["schedule", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json"], as: "schedule.json"),
            json: try save(["report", "compliance", "--period", "2025", "--format", "json"], as: "report.json"),
            csv: try save(["report", "compliance", "--period", "2025", "--format", "csv"], as: "report.csv"))
    }

    /// Runs `Tests/Peers/check_report.py` on the database and the input, judged as of `today`.
    func peerCheck(_ input: PeerInput, today: String = ReportEndToEndTests.today) throws -> CLIRunner.Result {
        try CLIRunner.runTool(
            ReportEndToEndTests.python,
            [
                CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/check_report.py").path,
                try TestDatabase.sqliteFile(of: database), input.structures, input.schedule, input.json, input.csv, today,
            ])
    }
}
