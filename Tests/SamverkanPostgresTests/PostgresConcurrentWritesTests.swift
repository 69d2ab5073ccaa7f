import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import Testing

/// Several connections writing the same rows at once: the calendar series' SEQUENCE and the
/// mail log's claims, which PostgreSQL must keep apart as SQLite's one writer does.
@Suite("PostgreSQL store: writers at once")
struct PostgresConcurrentWritesTests {
    /// `count` stores on one new database, one connection each.
    func stores(_ count: Int) async throws -> [PostgresStore] {
        let url = try PostgresURL(try await StoreEngine.emptyPostgresDatabase("concurrent"), environment: [:])
        var stores: [PostgresStore] = []
        for _ in 0..<count { stores.append(try await PostgresStore.open(url)) }
        return stores
    }

    @Test("Exports at once of changed content each get a SEQUENCE of their own")
    func sequences() async throws {
        let stores = try await stores(4)
        _ = try await stores[0].sequence(uid: "s@x", structureID: "s", contentHash: "h0", bump: false)
        let sequences = try await withThrowingTaskGroup(of: [Int].self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    var seen: [Int] = []
                    for round in 0..<5 {
                        seen.append(try await store.sequence(uid: "s@x", structureID: "s", contentHash: "h\(index)-\(round)", bump: false))
                    }
                    return seen
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        for store in stores { await store.close() }
        #expect(sequences.sorted() == Array(1...20))
    }

    @Test("A new series exported by several at once with the same content starts at 0 for all of them")
    func firstExports() async throws {
        let stores = try await stores(4)
        let sequences = try await withThrowingTaskGroup(of: Int.self) { group in
            for store in stores {
                group.addTask { try await store.sequence(uid: "ny@x", structureID: "s", contentHash: "h", bump: false) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for store in stores { await store.close() }
        #expect(sequences == [0, 0, 0, 0])
    }

    @Test("Senders at once never both claim one message, new or failed")
    func claims() async throws {
        let stores = try await stores(4)
        let messages = (0..<40).map { index in
            MailSending(kind: .notice, key: "k\(index)", recipient: "anna@example.se", messageID: "m\(index)@samverkan")
        }
        // Half of them failed before: they are claimed again, once.
        _ = try await stores[0].claimMail(Array(messages[0..<20]), now: "2025-05-01T06:00:00Z", staleBefore: "2025-05-01T05:50:00Z")
        for message in messages[0..<20] {
            try await stores[0].finishMail(key: message.key, sent: false, error: "refused", now: "2025-05-01T06:00:01Z")
        }
        let claimed = try await withThrowingTaskGroup(of: [MailSending].self) { group in
            for (index, store) in stores.enumerated() {
                // Each sender its own order of the same messages.
                let order = index.isMultiple(of: 2) ? messages : messages.reversed()
                group.addTask { try await store.claimMail(order, now: "2025-05-02T06:00:00Z", staleBefore: "2025-05-02T05:50:00Z") }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let log = try await stores[0].mailLog(status: nil)
        for store in stores { await store.close() }
        #expect(claimed.map(\.key).sorted() == messages.map(\.key).sorted())
        #expect(claimed.filter { $0.attempts == 2 }.map(\.messageID).sorted() == messages[0..<20].map(\.messageID).sorted())
        #expect(log.count == 40)
        #expect(log.allSatisfy { $0.status == .sending })
        let attempts = log.map(\.attempts).reduce(0, +)
        #expect(attempts == 60)
    }
}
