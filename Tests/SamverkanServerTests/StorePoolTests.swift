import Foundation
import SamverkanStore
import Synchronization
import Testing

@testable import SamverkanServer

/// The server's pool of shared-store connections and its render gate, with real (in-memory)
/// stores standing in for PostgreSQL connections.
@Suite("StorePool and RenderGate: connections borrowed, limited, replaced; renders one at a time")
struct StorePoolTests {
    /// Counts what a test's opener and bodies did.
    final class Tally: Sendable {
        let opened = Mutex(0)
        let running = Mutex((now: 0, most: 0))
        let failNextOpen = Mutex(false)
        let done = Mutex(0)

        func open() throws -> any MeetingStore {
            if failNextOpen.withLock({ fail in
                defer { fail = false }
                return fail
            }) {
                throw StoreError("db.refused")
            }
            opened.withLock { $0 += 1 }
            return try AppDatabase.inMemory()
        }

        func enter() {
            running.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
        }
        func leave() { running.withLock { $0.now -= 1 } }

        /// Waits (10 s at most) until `count` bodies have been inside at once.
        func together(_ count: Int) async {
            for _ in 0..<2_000 {
                if running.withLock({ $0.most }) >= count { return }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    /// Two connections open and back in the pool.
    static func twoIdle(_ pool: StorePool, _ tally: Tally) async throws -> [ObjectIdentifier] {
        try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await pool.withStore { store in
                        tally.enter()
                        defer { tally.leave() }
                        await tally.together(2)
                        return ObjectIdentifier(store as AnyObject)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("Sixteen requests at once use at most `limit` connections, each by one request at a time, and reuse them")
    func limitAndReuse() async throws {
        let tally = Tally()
        let pool = StorePool(first: nil, limit: 3) { try tally.open() }
        try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await pool.withStore { store in
                        tally.enter()
                        defer { tally.leave() }
                        await tally.together(3)
                        return try await store.registerRevision()
                    }
                }
            }
            for try await revision in group { #expect(revision == 0) }
        }
        #expect(tally.opened.withLock { $0 } == 3)
        #expect(tally.running.withLock { $0.most } == 3)
        _ = try await pool.withStore { try await $0.schemaVersion() }
        #expect(tally.opened.withLock { $0 } == 3, "an idle connection is reused, not a new one opened")
        await pool.close()
    }

    @Test("A failed use closes its connection; a lost one that waited in the pool is retried once on a new one; a failed open leaves room")
    func failuresReplaceConnections() async throws {
        let tally = Tally()
        let pool = StorePool(first: try AppDatabase.inMemory(), limit: 1) { try tally.open() }
        // Not a lost connection: no retry, but the connection is closed and replaced.
        await #expect(throws: StoreError.self) { try await pool.withStore { _ -> Int in throw StoreError("store.internal") } }
        #expect(tally.opened.withLock { $0 } == 0)
        #expect(try await pool.withStore { try await $0.registerRevision() } == 0)
        #expect(tally.opened.withLock { $0 } == 1)
        // The database restarted while the connection waited: one more try on a new connection.
        let attempts = Mutex(0)
        let value = try await pool.withStore { store -> Int64 in
            if attempts.withLock({ count in
                defer { count += 1 }
                return count
            }) == 0 {
                throw StoreError("db.connection-lost")
            }
            return try await store.registerRevision()
        }
        #expect(value == 0 && attempts.withLock { $0 } == 2 && tally.opened.withLock { $0 } == 2)
        // Lost again on the new one: said, not retried for ever.
        let lost = await #expect(throws: StoreError.self) {
            try await pool.withStore { _ -> Int in throw StoreError("db.connection-lost") }
        }
        #expect(lost?.code == "db.connection-lost" && tally.opened.withLock { $0 } == 3)
        tally.failNextOpen.withLock { $0 = true }
        let refused = await #expect(throws: StoreError.self) { try await pool.withStore { try await $0.registerRevision() } }
        #expect(refused?.code == "db.refused")
        // The failed open gave its place back: with a limit of 1, the next request still gets one.
        #expect(try await pool.withStore { try await $0.registerRevision() } == 0)
        #expect(tally.opened.withLock { $0 } == 4)
        await pool.close()
    }

    @Test("A use that outlasts the timeout fails with db.request-timeout at once, and its connection is replaced")
    func timeoutBoundsAUse() async throws {
        let tally = Tally()
        let pool = StorePool(first: nil, limit: 1, timeout: .milliseconds(200)) { try tally.open() }
        let finished = Mutex(false)
        let error = await #expect(throws: FeedError.self) {
            try await pool.withStore { _ -> Int in
                try await Task.sleep(for: .seconds(60))
                finished.withLock { $0 = true }
                return 1
            }
        }
        #expect(error?.code == "db.request-timeout")
        #expect(!finished.withLock { $0 }, "the waiting use was cancelled, not waited for")
        #expect(try await pool.withStore { try await $0.registerRevision() } == 0)
        #expect(tally.opened.withLock { $0 } == 2)
        await pool.close()
    }

    @Test("After a restart every waiting connection is lost: the retry opens a new one instead of taking the next old one")
    func restartDropsEveryIdleConnection() async throws {
        let tally = Tally()
        let pool = StorePool(first: nil, limit: 2) { try tally.open() }
        let old = Set(try await Self.twoIdle(pool, tally))
        #expect(old.count == 2 && tally.opened.withLock { $0 } == 2)
        let value = try await pool.withStore { store -> Int64 in
            if old.contains(ObjectIdentifier(store as AnyObject)) { throw StoreError("db.connection-lost") }
            return try await store.registerRevision()
        }
        #expect(value == 0 && tally.opened.withLock { $0 } == 3)
        await pool.close()
    }

    @Test("A connection unused for longer than maximumIdle is closed, not used; after close() a connection given back is closed")
    func idleAgeAndClose() async throws {
        let tally = Tally()
        let pool = StorePool(first: nil, limit: 2, maximumIdle: .milliseconds(50)) { try tally.open() }
        let first = try await pool.withStore { ObjectIdentifier($0 as AnyObject) }
        try await Task.sleep(for: .milliseconds(120))
        let second = try await pool.withStore { ObjectIdentifier($0 as AnyObject) }
        #expect(first != second && tally.opened.withLock { $0 } == 2)
        let fresh = try await pool.withStore { ObjectIdentifier($0 as AnyObject) }
        #expect(fresh == second, "a connection used just now is used again")
        await pool.close()
        _ = try await pool.withStore { try await $0.registerRevision() }
        #expect(tally.opened.withLock { $0 } == 3, "closed: nothing waits in the pool any more")
    }

    @Test("A request's deadline answers at once when it passes, even when the work does not give up; otherwise the work's result")
    func requestDeadline() async throws {
        #expect(try await RequestDeadline.run(.seconds(30)) { 7 } == 7)
        await #expect(throws: StoreError.self) { try await RequestDeadline.run(.seconds(30)) { () -> Int in throw StoreError("x") } }
        let finished = Mutex(false)
        let error = await #expect(throws: FeedError.self) {
            try await RequestDeadline.run(.milliseconds(200)) { () -> Int in
                // Work that ignores cancellation (a statement waiting on a frozen database): five
                // seconds in a task of its own, which the request's cancellation does not reach.
                await Task.detached { for _ in 0..<100 { try? await Task.sleep(for: .milliseconds(50)) } }.value
                finished.withLock { $0 = true }
                return 1
            }
        }
        #expect(error?.code == "db.request-timeout")
        #expect(!finished.withLock { $0 }, "answered at the deadline, while the work still ran")
    }

    @Test("The render gate lets one task through at a time, in turn, also when a body throws")
    func gateSerialises() async throws {
        let gate = RenderGate()
        let tally = Tally()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask {
                    do {
                        try await gate.run {
                            tally.enter()
                            defer { tally.leave() }
                            try await Task.sleep(for: .milliseconds(2))
                            if index % 4 == 0 { throw CancellationError() }
                            tally.done.withLock { $0 += 1 }
                        }
                    } catch is CancellationError {}
                }
            }
            try await group.waitForAll()
        }
        #expect(tally.running.withLock { $0.most } == 1)
        #expect(tally.done.withLock { $0 } == 9)
    }
}
