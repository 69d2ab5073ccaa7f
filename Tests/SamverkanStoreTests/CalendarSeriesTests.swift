import Foundation
import SamverkanTestSupport
import Testing

@testable import SamverkanStore

@Suite("Calendar series sequence")
struct CalendarSeriesTests {
    @Test("SEQUENCE stays while content is unchanged and rises when it changes", arguments: StoreEngine.allCases)
    func sequence(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { (db: any MeetingStore) async throws in
            #expect(try await db.sequence(uid: "a@x", structureID: "a", contentHash: "h1") == 0)
            #expect(try await db.sequence(uid: "a@x", structureID: "a", contentHash: "h1") == 0)
            #expect(try await db.sequence(uid: "a@x", structureID: "a", contentHash: "h2") == 1)
            #expect(try await db.sequence(uid: "a@x", structureID: "a", contentHash: "h2") == 1)
            #expect(try await db.sequence(uid: "a@x", structureID: "a", contentHash: "h2", bump: true) == 2)
            #expect(try await db.sequence(uid: "b@x", structureID: "b", contentHash: "h1") == 0)
            #expect(try await db.sequence(uid: "a@x", structureID: "a", contentHash: "h1") == 3)
        }
    }

    @Test("A database file is created with its folders and keeps what was stored")
    func file() throws {
        let folder = try TemporaryFolder("store")
        let path = TestDatabase.path(in: folder, name: "nested/db.sqlite")
        do {
            let db = try AppDatabase.open(path: path)
            #expect(try db.sequence(uid: "a@x", structureID: "a", contentHash: "h1") == 0)
            #expect(try db.sequence(uid: "a@x", structureID: "a", contentHash: "h2") == 1)
        }
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.sequence(uid: "a@x", structureID: "a", contentHash: "h2") == 1)
    }

    @Test("A database path that cannot be created is a clear error")
    func badPath() {
        #expect(throws: StoreError.self) { try AppDatabase.open(path: "/proc/nope/db.sqlite") }
    }
}
