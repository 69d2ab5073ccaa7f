import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import SamverkanTime
import Testing

/// The two engines read the same database the same way: minutes written on SQLite and copied
/// to PostgreSQL (`db copy`) read back alike through the store API, their approvals verify on
/// PostgreSQL, and writing goes on from there on both alike.
@Suite("PostgreSQL store: the same minutes as SQLite")
struct PostgresMinutesCopyTests {
    typealias Fixture = PostgresMinutesConcurrencyTests

    /// Everything the minutes operations read, for comparison.
    static func reading(_ store: any MeetingStore) async throws -> [String] {
        var lines: [String] = []
        for summary in try await store.listMinutes() {
            lines.append("\(summary)")
            if let id = summary.id {
                lines.append("\(String(describing: try await store.minutes(id: id)))")
                lines.append("\(try await store.signatures(minutesID: id))")
                lines.append("\(try await store.amendments(of: id).map(\.id))")
            }
        }
        lines.append("\(try await store.pendingMinutes())")
        lines.append("\(try await store.pendingCorrectionStructures(through: Fixture.day("2025-12-31")))")
        lines.append("\(try await store.search("regionens").map { [$0.id, $0.replacedBy, $0.pendingCorrection] })")
        lines.append("\(try await store.search("annat").map { [$0.id, $0.replacedBy, $0.pendingCorrection] })")
        lines.append("\(try await store.recordedDates(structureID: "rug").sorted())")
        lines.append("\(String(describing: try await store.previousMinutes(structureID: "rug", before: Fixture.day("2025-12-31"))))")
        let verified = try await store.verifyApproved()
        lines.append("\(verified.checked.map(\.id)) \(verified.changed)")
        let audit = try await store.auditApprovals()
        lines.append("\(audit.problems) \(audit.head ?? "-")")
        return lines
    }

    /// A reading without the times of day of timestamps (`2025-03-14T09:12:03.120Z` → `2025-03-14T`).
    static func timeless(_ line: String) -> String {
        line.replacingOccurrences(of: #"T[0-9:.]+Z"#, with: "T", options: .regularExpression)
    }

    @Test("Minutes written on SQLite and copied read the same on PostgreSQL; approvals verify; approving goes on alike")
    func copied() async throws {
        let folder = try TemporaryFolder("pgcopy")
        let sqlite = try TestDatabase.file(in: folder)
        for (index, date) in ["2025-02-13", "2025-03-13", "2025-04-10", "2025-05-08"].enumerated() {
            _ = try await sqlite.save(Fixture.minutes(on: date, decisions: ["Beslut \(index)", "Till \(index)"]))
        }
        _ = try sqlite.approve(id: 1, by: ["Cia Carlsson"], date: Fixture.day("2025-02-20"))
        _ = try sqlite.sign(
            id: 2, names: ["Anna Andersson"], date: Fixture.day("2025-03-14"), required: ["Cia Carlsson", "Anna Andersson"])
        var correction = try #require(try sqlite.minutes(id: 1))
        correction.id = nil
        correction.approval = nil
        correction.amends = 1
        correction.place = "Annat hus"
        correction.decisions = correction.decisions.map { Decision(number: $0.number, text: $0.text, inherited: true) }
        correction.newActions = correction.newActions.map {
            ActionItem(text: $0.text, responsible: $0.responsible, due: $0.due, continues: $0.number)
        }
        let corrected = try await sqlite.save(correction)
        try sqlite.cancel(structureID: "rug", date: Fixture.day("2025-06-12"), reason: "Semester")

        let url = try PostgresURL(try await StoreEngine.emptyPostgresDatabase("copy"), environment: [:])
        let source = SQLiteEndpoint(path: TestDatabase.path(in: folder))
        let target = PostgresEndpoint(url: url)
        _ = try await DatabaseCopier.copy(from: source, to: target, replace: false)
        await target.close()
        await source.close()
        let correctedID = try #require(corrected.id)
        let postgres = try await PostgresStore.open(url)
        do {
            // The copied tables are analysed (and vacuumed) after the copy: never-analysed tables
            // have no row estimate (-1), and the first reports would be planned blind.
            let estimates = try await postgres.client.rows(
                """
                SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'minutes'), (SELECT COUNT(*) FROM minutes),
                       (SELECT reltuples::bigint FROM pg_class WHERE relname = 'action_items'), (SELECT COUNT(*) FROM action_items)
                """)
            #expect(estimates == [[.integer(5), .integer(5), .integer(5), .integer(5)]])
            try await Self.writeOn(sqlite: sqlite, postgres: postgres, corrected: correctedID)
        } catch {
            await postgres.close()
            throw error
        }
        await postgres.close()
    }

    /// The comparisons after the copy, and the same writes on both engines.
    static func writeOn(sqlite: AppDatabase, postgres: PostgresStore, corrected: Int64) async throws {
        let expected = try await reading(sqlite)
        #expect(try await reading(postgres) == expected)
        #expect(try await postgres.auditApprovals().isSound)

        // The same writes on both go on alike: the correction approved (§ kept), the partly signed minutes signed.
        for store in [sqlite as any MeetingStore, postgres] {
            _ = try await store.approve(id: corrected, by: ["Cia Carlsson"], date: Fixture.day("2025-04-01"))
            _ = try await store.sign(
                id: 2, names: ["Cia Carlsson"], date: Fixture.day("2025-03-15"), required: ["Cia Carlsson", "Anna Andersson"])
            _ = try await store.approve(id: 4, by: ["Cia Carlsson"], date: Fixture.day("2025-05-09"))
            _ = try await store.save(Fixture.minutes(on: "2025-09-11"))
        }
        // Only the times of the writes made since differ.
        let after = try await reading(sqlite).map(timeless)
        #expect(try await reading(postgres).map(timeless) == after)
        #expect(try await postgres.minutes(id: 2)?.decisions.map(\.number) == [3, 4])
        #expect(try await postgres.minutes(id: 4)?.decisions.map(\.number) == [5, 6])
        #expect(try await postgres.auditApprovals().isSound)
    }
}
