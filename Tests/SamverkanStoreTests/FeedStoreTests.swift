import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// Secret subscription feeds (`samverkan feeds`) and the schema version, on both engines.
@Suite("Feeds and schema version")
struct FeedStoreTests {
    static let tokenA = String(repeating: "a1", count: 32)
    static let tokenB = String(repeating: "b2", count: 32)

    @Test(
        "A feed is found by its token's hash until revoked; revoking twice says so; all are listed oldest first",
        arguments: StoreEngine.allCases)
    func feeds(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { (store: any MeetingStore) async throws in
            let first = try await store.createFeed(tokenHash: Self.tokenA, selectionKind: "structure", selectionValue: "rug")
            let second = try await store.createFeed(tokenHash: Self.tokenB, selectionKind: "all", selectionValue: "")
            #expect(second > first)
            let active = try #require(try await store.activeFeed(tokenHash: Self.tokenA))
            #expect(active.id == first && active.selectionKind == "structure" && active.selectionValue == "rug" && active.revokedAt == nil)
            #expect(active.createdAt.count == 20 && active.createdAt.hasSuffix("Z"))
            #expect(try await store.activeFeed(tokenHash: String(repeating: "c3", count: 32)) == nil)
            #expect(try await store.revokeFeed(id: first))
            #expect(try await store.revokeFeed(id: first) == false)
            #expect(try await store.revokeFeed(id: 9999) == false)
            #expect(try await store.activeFeed(tokenHash: Self.tokenA) == nil)
            let all = try await store.feeds()
            #expect(all.map(\.id) == [first, second])
            #expect(all.map { $0.revokedAt != nil } == [true, false])
        }
    }

    @Test("The schema version is the latest migration, by its number", arguments: StoreEngine.allCases)
    func schemaVersion(engine: StoreEngine) async throws {
        #expect(try await engine.withEmptyStore { try await $0.schemaVersion() } == "v12-audit")
        #expect(AppDatabase.latestMigration(["v9-a", "v12-b", "v2-c"]) == "v12-b")
        #expect(AppDatabase.latestMigration([]) == "")
    }
}
