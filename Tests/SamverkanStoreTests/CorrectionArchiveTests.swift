import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// `minutes import` of an archive exported before `v9-action-identity`: its corrections' action
/// items keep no number, and import links them as the migration does.
@Suite("Importing corrections from before v9")
struct CorrectionArchiveTests {
    @Test(
        "A correction's items from a pre-v9 archive get the original's numbers; follow-ups stay; importing twice is harmless",
        arguments: StoreEngine.allCases)
    func preV9Archive(engine: StoreEngine) async throws {
        let db = try TestDatabase.inMemory()
        let (original, numbers) = try CorrectionStoreTests.seeded(db)
        var correction = CorrectionStoreTests.correction(of: original)
        correction.newActions[1].due = CorrectionStoreTests.day("2025-05-31")
        correction.newActions.append(
            ActionItem(text: "Ny rutin", responsible: correction.newActions[0].responsible, due: CorrectionStoreTests.day("2025-06-30")))
        let saved = try await db.save(correction)
        _ = try db.approve(id: saved.id!, by: ["Cia"], date: CorrectionStoreTests.day("2025-04-20"))

        // As exported before v9: no item keeps a number, no signatures (kept since v10).
        var archive = try db.exportArchive()
        archive.signatures = nil
        for index in archive.minutes.indices {
            for item in archive.minutes[index].newActions.indices { archive.minutes[index].newActions[item].continues = nil }
        }
        // The reference copy on SQLite, whose actions the reports read; the engine's copy exports the same bytes.
        let reference = try TestDatabase.inMemory()
        #expect(try reference.importArchive(archive).minutes == 3)
        let all = try await reference.allActions(structureID: "rug")
        let newItem = try #require(saved.newActions.last?.id)
        #expect(all.map(\.item.id) == numbers + [newItem])
        #expect(all.map(\.status) == [.done, .partly, .notStarted])
        #expect(all[1].item.due == CorrectionStoreTests.day("2025-05-31"))
        #expect(try reference.verifyApproved().changed.isEmpty)
        try await engine.withEmptyStore { (copy: any MeetingStore) async throws in
            #expect(try await copy.importArchive(archive).minutes == 3)
            let stored = try await copy.exportArchive()
            #expect(stored.minutes.first { $0.id == saved.id }?.newActions.map(\.continues) == [numbers[0], numbers[1], nil])
            let intact = stored.minutes.filter { $0.approval != nil }.allSatisfy(\.isIntact)
            #expect(intact)
            #expect(try await copy.exportJSON() == reference.exportJSON())
            // The same archive again: nothing added, no conflict; an archive of today too.
            #expect(try await copy.importArchive(archive).minutes == 0)
            #expect(try await copy.importArchive(try db.exportArchive()).minutes == 0)
        }
        // An archive of today whose correction keeps no number leaves its items as they are.
        var today = try db.exportArchive()
        for index in today.minutes.indices {
            for item in today.minutes[index].newActions.indices { today.minutes[index].newActions[item].continues = nil }
        }
        try await engine.withEmptyStore { (other: any MeetingStore) async throws in
            _ = try await other.importArchive(today)
            #expect(try await other.exportArchive().minutes.first { $0.id == saved.id }?.newActions.map(\.continues) == [nil, nil, nil])
        }
    }
}
