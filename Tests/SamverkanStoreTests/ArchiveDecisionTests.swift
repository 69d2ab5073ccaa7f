import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// The minutes archive carries the coordinators' decisions about meetings (version 2), and an
/// archive of version 1 (cancellations only) still imports.
@Suite("Meeting decisions in the minutes archive")
struct ArchiveDecisionTests {
    typealias R = RegisterStoreTests

    /// A version 1 archive as `minutes export` wrote it before meeting decisions were carried:
    /// RUG 2025-03-13 approved and signed, 2025-05-08 cancelled.
    static func versionOne() throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/minutes-archive-v1", withExtension: "json"))
        return try Data(contentsOf: url)
    }

    func decide(_ db: AppDatabase, _ decision: MeetingDecision) throws {
        try db.decide(decision, configuration: R.configuration(), scheduler: Scheduler(), through: R.horizon, now: R.now)
    }

    @Test(
        "A version 1 archive imports: the minutes with approval and signature, the cancellation as a decision",
        arguments: StoreEngine.allCases)
    func versionOneImports(engine: StoreEngine) async throws {
        let archive = try AppDatabase.decodeArchive(try Self.versionOne())
        #expect(archive.schemaVersion == 1 && archive.meetingDecisions == nil)
        try await engine.withEmptyStore { (db: any MeetingStore) async throws in
            #expect(try await db.importArchive(archive) == (1, 1))
            let stored = try await db.exportArchive()
            let intact = stored.minutes.allSatisfy(\.isIntact)
            #expect(intact && stored.minutes.count == 1)
            #expect(stored.minutes.first?.approval?.date == R.day("2025-03-20"))
            #expect(stored.signatures?.map(\.signature.name) == archive.signatures?.map(\.signature.name))
            let decisions = try #require(stored.meetingDecisions)
            #expect(decisions.map(\.action) == [.cancel] && decisions.first?.date == R.day("2025-05-08"))
            #expect(decisions.first?.reason == "Krockar med länsdagen, flyttas inte")
            // Exported again it is version 2, the cancellation among the decisions; importing it adds nothing.
            let again = try AppDatabase.decodeArchive(Data(try await db.exportJSON().utf8))
            #expect(again.schemaVersion == 2 && again.meetingDecisions == decisions)
            #expect(try await db.importArchive(again) == (0, 0))
            #expect(try await db.importArchive(archive) == (0, 0))
            // The same meeting cancelled for another reason is a conflict: nothing is imported.
            var otherwise = archive
            otherwise.cancelled[0].reason = "Annat skäl"
            let refused = otherwise
            let error = await #expect(throws: StoreError.self) { try await db.importArchive(refused) }
            #expect(error?.code == "archive.cancelled-otherwise" && error?.values["date"] == "2025-05-08")
        }
    }

    @Test(
        "Cancel with who, move, add and restore travel in order; the register of the copy applies them as the original's",
        arguments: StoreEngine.allCases)
    func decisionsTravel(engine: StoreEngine) async throws {
        let db = try TestDatabase.inMemory()
        let moved = LocalDateTime(date: R.day("2025-06-11"), time: LocalTime(hour: 13, minute: 0)!)
        let extra = LocalDateTime(date: R.day("2025-08-20"), time: LocalTime(hour: 10, minute: 0)!)
        for decision in [
            R.decision(.cancel, "2025-03-13"), R.decision(.move, "2025-06-12", to: moved), R.decision(.add, "2025-08-20", to: extra),
            R.decision(.cancel, "2025-05-08"), R.decision(.restore, "2025-05-08"),
        ] {
            try decide(db, decision)
        }
        let json = try db.exportJSON()
        #expect(json.contains("\"schemaVersion\" : 2"))
        #expect(json.contains("\"decidedBy\" : \"Samordnaren\"") && json.contains("\"start\" : \"2025-06-11T13:00\""))
        let copy = try await engine.emptyStore(label: "decisions")
        #expect(try await copy.importArchive(try AppDatabase.decodeArchive(Data(json.utf8))) == (0, 5))
        #expect(try await copy.exportArchive().meetingDecisions == db.decisions(structureID: "rug"))
        #expect(try await copy.exportJSON() == json)
        if let copy = copy as? AppDatabase {
            // The register is derived on either engine by the register's own store tests.
            for database in [db, copy] {
                _ = try database.refreshRegister(R.configuration(), scheduler: Scheduler(), through: R.horizon, now: R.now)
            }
            let meetings = { (database: AppDatabase) in
                try database.registeredMeetings(structureIDs: ["rug"], from: R.day("2025-01-01"), through: R.horizon)
            }
            #expect(try meetings(copy) == meetings(db))
            let states = try meetings(copy).filter { $0.state != .planned }.map { "\($0.plannedDate.iso) \($0.state.rawValue)" }
            #expect(states == ["2025-03-13 cancelled", "2025-06-12 moved", "2025-08-20 extra"])
        }
        // Importing again adds nothing; a database that went on deciding gets only what is new.
        #expect(try await copy.importArchive(try AppDatabase.decodeArchive(Data(json.utf8))) == (0, 0))
        try decide(db, R.decision(.restore, "2025-03-13"))
        #expect(try await copy.importArchive(try AppDatabase.decodeArchive(Data(try db.exportJSON().utf8))) == (0, 1))
        #expect(try await copy.exportArchive().meetingDecisions == db.decisions(structureID: "rug"))
        #expect(try await copy.exportJSON() == db.exportJSON())
        await copy.close()
    }

    @Test(
        "A decision without a reason, or a move without a start, is refused by its place in the file; nothing is imported",
        arguments: StoreEngine.allCases)
    func brokenDecision(engine: StoreEngine) async throws {
        let db = try TestDatabase.inMemory()
        try decide(db, R.decision(.cancel, "2025-03-13"))
        let json = try db.exportJSON()
        let copy = try await engine.emptyStore(label: "broken")
        for (broken, path) in [
            (
                json.replacingOccurrences(of: "\"reason\" : \"Krock med krisledning\"", with: "\"reason\" : \"  \""),
                ".meetingDecisions[0].reason"
            ),
            (json.replacingOccurrences(of: "\"action\" : \"cancel\"", with: "\"action\" : \"move\""), ".meetingDecisions[0].start"),
        ] {
            let error = await #expect(throws: StoreError.self) {
                try await copy.importArchive(try AppDatabase.decodeArchive(Data(broken.utf8)))
            }
            #expect(error?.code == "archive.wrong-value" && error?.values["path"] == path)
        }
        let start = json.replacingOccurrences(
            of: "\"action\" : \"cancel\",", with: "\"action\" : \"move\",\n\"start\" : \"2025-06-11 13:00\",")
        #expect(throws: StoreError.self) { try AppDatabase.decodeArchive(Data(start.utf8)) }
        #expect(try await copy.exportArchive().meetingDecisions == [])
        let newer = json.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 3")
        let refused = await #expect(throws: StoreError.self) {
            try await copy.importArchive(try AppDatabase.decodeArchive(Data(newer.utf8)))
        }
        #expect(refused?.code == "archive.schema-version")
        await copy.close()
    }
}
