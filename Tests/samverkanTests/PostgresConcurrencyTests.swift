import Foundation
import SamverkanTestSupport
import Testing

/// One region, many secretaries, one PostgreSQL database: 16 `samverkan` processes recording,
/// approving and correcting minutes of the same and of different meetings at once. Nothing is
/// lost, no § number is given twice or skipped, and every refusal is a clear message.
@Suite("PostgreSQL: 16 processes at once", .serialized)
struct PostgresConcurrencyTests {
    /// RUG's planned meetings of 2025 (July is a summer break).
    static let dates = [
        "2025-01-09", "2025-02-13", "2025-03-13", "2025-04-10", "2025-05-08", "2025-06-12", "2025-08-14", "2025-09-11",
        "2025-10-09", "2025-11-13", "2025-12-11",
    ]

    @Test("16 processes record, approve and correct minutes at once: nothing lost, § numbers 1…N, clear refusals")
    func sixteenProcesses() async throws {
        let w = try MinutesEndToEndTests.Workspace()
        let url = try await StoreEngine.emptyPostgresDatabase("concurrency")
        var environment = w.environment(today: "2025-12-20", database: url)
        environment["SAMVERKAN_TODAY"] = "2025-12-20"
        // Drafts written before anything is stored (as 16 secretaries would have them).
        var drafts: [String: String] = [:]
        for date in Self.dates { drafts[date] = try w.filledDraft(date: date) }

        // 1. Eleven meetings recorded, five of them twice, all at once.
        let recordings = Self.dates + Self.dates.prefix(5)
        let recorded = try Self.all(
            recordings.map { date in
                try CLIRunner.start(["minutes", "new", "--structure", "rug", "--file", "-"], environment: environment, stdin: drafts[date])
            })
        #expect(recorded.filter { $0.status == 0 }.count == Self.dates.count, "\(recorded.map(\.stderr))")
        for refused in recorded where refused.status != 0 {
            #expect(refused.status == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("Fel: det finns redan minnesanteckningar #"), "\(refused.stderr)")
            // Running the same command again cannot help: the error names the correction instead.
            #expect(!refused.stderr.contains("kör samma kommando") && !refused.stderr.contains("Rätta det och kör"), "\(refused.stderr)")
            Self.expectNoCrash(refused)
        }
        let ids = try Self.minutes(environment)
        #expect(ids.count == Self.dates.count)

        // 2. Every one approved at once by its chair and justerare: one § per decision, 1…11.
        let approvals = try Self.all(
            ids.keys.sorted().map { id in
                try CLIRunner.start(
                    ["minutes", "approve", String(id), "--by", "bitr-hs-direktor"],
                    environment: environment)
            })
        for approval in approvals {
            #expect(approval.status == 0, "\(approval.stderr)")
            Self.expectNoCrash(approval)
        }
        let numbers = try Self.paragraphs(environment)
        #expect(numbers.sorted() == Array(1...Int64(Self.dates.count)), "§ numbers \(numbers.sorted())")

        // 3. Corrections at once: each of five minutes corrected twice at the same moment (one
        // wins, the other is told the minutes are corrected already), and six once.
        let corrected = ids.keys.sorted()
        let jobs = corrected.map { ($0, "Rättelse A") } + corrected.prefix(5).map { ($0, "Rättelse B") }
        let correctionDrafts = try jobs.map { id, text in try Self.correction(of: id, saying: text, environment) }
        let corrections = try Self.all(
            zip(jobs, correctionDrafts).map { job, draft in
                try CLIRunner.start(["minutes", "amend", String(job.0), "--file", "-"], environment: environment, stdin: draft)
            })
        #expect(corrections.filter { $0.status == 0 }.count == corrected.count, "\(corrections.map(\.stderr))")
        for refused in corrections where refused.status != 0 {
            #expect(refused.stderr.contains("är redan rättade genom #"), "\(refused.stderr)")
            Self.expectNoCrash(refused)
        }
        let verify = try CLIRunner.run(["minutes", "verify"], environment: environment)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(try Self.minutes(environment).count == 2 * Self.dates.count)
    }

    /// Starts every process before waiting for any; their results in order.
    static func all(_ processes: [RunningProcess]) throws -> [CLIRunner.Result] {
        try processes.map { try $0.wait() }
    }

    /// A refusal is a message, not a crash.
    static func expectNoCrash(_ result: CLIRunner.Result) {
        #expect(!result.signalled)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(result.stderr)")
    }

    /// Stored minutes by id, with their structure (`minutes export`).
    static func minutes(_ environment: [String: String]) throws -> [Int64: String] {
        let exported = try CLIRunner.run(["minutes", "export", "--format", "json"], environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
        let records = object?["minutes"] as? [[String: Any]] ?? []
        return Dictionary(
            uniqueKeysWithValues: records.compactMap { record in
                (record["id"] as? NSNumber).map { ($0.int64Value, record["structureID"] as? String ?? "") }
            })
    }

    /// The § numbers of the original (not inherited) decisions (`minutes export`).
    static func paragraphs(_ environment: [String: String]) throws -> [Int64] {
        let exported = try CLIRunner.run(["minutes", "export", "--format", "json"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
        let records = object?["minutes"] as? [[String: Any]] ?? []
        return records.filter { $0["amends"] == nil }.flatMap { record in
            (record["decisions"] as? [[String: Any]] ?? []).compactMap { ($0["number"] as? NSNumber)?.int64Value }
        }
    }

    /// A correction draft of minutes: the minutes as `minutes show` prints them, with the notes
    /// of an agenda item changed.
    static func correction(of id: Int64, saying text: String, _ environment: [String: String]) throws -> String {
        let shown = try CLIRunner.run(["minutes", "show", String(id)], environment: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Planen följs enligt tidplan."))
        return shown.stdout.replacingOccurrences(of: "Planen följs enligt tidplan.", with: "Planen följs enligt tidplan. \(text).")
    }
}
