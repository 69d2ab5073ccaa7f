import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import Testing

/// `minutes export` and `minutes import` on PostgreSQL: the same bytes, checks, refusals and
/// audit rows as on SQLite.
@Suite("PostgreSQL store: archive export and import")
struct PostgresArchiveTests {
    /// The cells of every row of a PostgreSQL query, as text.
    func cells(_ store: PostgresStore, _ sql: String) async throws -> [[String]] {
        try await store.client.rows(sql).map { row in
            row.map { cell in
                switch cell {
                case .null: "NULL"
                case .integer(let number): String(number)
                case .text(let text): text
                default: "?"
                }
            }
        }
    }

    @Test("An archive of every kind of row imports on PostgreSQL; both engines export the source's bytes, audit and chain alike")
    func sameBytes() async throws {
        let source = try ArchiveSource.make()
        let json = try source.exportJSON()
        let archive = try AppDatabase.decodeArchive(Data(json.utf8))
        let embedded = try AppDatabase.inMemory().acting(as: "Samordnaren")
        let store = try await StoreEngine.postgres.emptyStore(label: "archive")
        let shared = try #require(store as? PostgresStore).acting(as: "Samordnaren")
        #expect(try embedded.importArchive(archive) == (4, 1))
        #expect(try await shared.importArchive(archive) == (4, 1))
        #expect(try embedded.exportJSON() == json)
        #expect(try await shared.exportJSON() == json)
        #expect(try await shared.exportArchive() == source.exportArchive())

        // The same audit rows, by the person acting; the database user is PostgreSQL's role.
        let expected = try embedded.auditLog().map { [$0.action, $0.target, $0.detail ?? "NULL", $0.person ?? "NULL"] }
        #expect(
            try await cells(shared, "SELECT action, target, COALESCE(detail, 'NULL'), actor_person FROM audit_log ORDER BY id") == expected)
        #expect(try await cells(shared, "SELECT DISTINCT actor_database_user FROM audit_log") == [["samverkan_test"]])
        // The approval chain links the same facts in the same order: the same head.
        let head = try #require(try embedded.auditApprovals().head)
        #expect(try await cells(shared, "SELECT link_hash FROM approval_chain ORDER BY position DESC LIMIT 1") == [[head]])
        #expect(try await cells(shared, "SELECT count(*) FROM approval_chain") == [["2"]])
        // New rows get ids after the archive's (the counters continued past them).
        let highest = try await cells(shared, "SELECT MAX(id) FROM minutes").first?.first.flatMap { Int64($0) } ?? 0
        let next = try await cells(
            shared, "INSERT INTO minutes (structure_id, meeting_date, created_at) VALUES ('ny', '2030-01-01', 'nu') RETURNING id")
        #expect(next.first?.first.flatMap { Int64($0) } == highest + 1)
        // Importing again adds nothing and writes no audit row.
        #expect(try await shared.importArchive(archive) == (0, 0))
        #expect(try await cells(shared, "SELECT count(*) FROM audit_log") == [[String(expected.count)]])
        await store.close()
    }

    @Test(
        "Refusals on both engines: conflict, change after approval, duplicate meeting, action and §; nothing imported",
        arguments: StoreEngine.allCases)
    func refusals(engine: StoreEngine) async throws {
        let source = try ArchiveSource.make()
        let archive = try source.exportArchive()
        try await engine.withEmptyStore { (store: any MeetingStore) async throws in
            #expect(try await store.importArchive(archive) == (4, 1))
            let before = try await store.exportJSON()
            let unapproved = try #require(archive.minutes.firstIndex { $0.approval == nil && $0.structureID == "rug" })
            let approved = try #require(archive.minutes.firstIndex { $0.approval != nil })
            // A new record beside each wrong one: it is not imported either.
            var fresh = archive.minutes[unapproved]
            fresh.id = 90
            fresh.date = ArchiveSource.day("2025-09-11")
            fresh.plannedDate = fresh.date
            fresh.newActions = []
            fresh.decisions = []
            fresh.actionFollowUps = []
            func refusal(_ change: (inout MinutesArchive) -> Void) async -> StoreError? {
                var wrong = archive
                wrong.minutes.append(fresh)
                change(&wrong)
                let refused = wrong
                return await #expect(throws: StoreError.self) { try await store.importArchive(refused) }
            }
            let conflict = await refusal { $0.minutes[unapproved].place = "Någon annanstans" }
            #expect(conflict?.code == "archive.conflict" && conflict?.values["id"] == String(archive.minutes[unapproved].id ?? 0))
            let changed = await refusal { $0.minutes[approved].chair = "Någon annan" }
            #expect(changed?.code == "archive.changed-after-approval")
            var sameMeeting = fresh
            sameMeeting.id = 91
            sameMeeting.date = archive.minutes[unapproved].date
            let meeting = await refusal { $0.minutes.append(sameMeeting) }
            #expect(meeting?.code == "archive.duplicate-meeting" && meeting?.values["id"] == "91")
            var sameAction = fresh
            sameAction.id = 92
            sameAction.date = ArchiveSource.day("2025-10-09")
            sameAction.newActions = [archive.minutes[unapproved].newActions[0]]
            let action = await refusal { $0.minutes.append(sameAction) }
            #expect(action?.code == "archive.duplicate-action" && action?.values["id"] == "92")
            var sameParagraph = fresh
            sameParagraph.id = 93
            sameParagraph.date = ArchiveSource.day("2025-11-13")
            sameParagraph.decisions = [Decision(number: archive.minutes[approved].decisions[0].number, text: "Samma §")]
            let paragraph = await refusal { $0.minutes.append(sameParagraph) }
            #expect(paragraph?.code == "archive.duplicate-paragraph" && paragraph?.values["id"] == "93")
            var orphan = fresh
            orphan.id = 94
            orphan.amends = 555
            let missing = await refusal { $0.minutes.append(orphan) }
            #expect(missing?.code == "archive.amends-missing")
            var dangling = fresh
            dangling.id = 95
            dangling.date = ArchiveSource.day("2025-12-11")
            dangling.actionFollowUps = [ActionFollowUp(actionID: 77_777, status: .done)]
            let reference = await refusal { $0.minutes.append(dangling) }
            #expect(reference?.code == "archive.dangling-reference" && reference?.values["id"] == "95")
            #expect(try await store.exportJSON() == before)
        }
    }
}
