import SamverkanDomain
public import SamverkanStore

/// The server's connections to a shared store (PostgreSQL): a request borrows one for its reads
/// and gives it back; at most ``limit`` are open, opened when first needed. A connection whose
/// use failed is closed and left out, and the next request opens a new one — so while the
/// database is away the server answers 503, and it recovers by itself once the database is back.
/// A use that takes longer than ``timeout`` (a database that stopped answering, a network cut)
/// fails with `db.timeout` and its connection is closed, so no request — and no graceful
/// shutdown waiting for it — hangs on the database.
public actor StorePool {
    /// Opens one more connection to the store.
    public typealias Opener = @Sendable () async throws -> any MeetingStore

    /// How many connections may be open at once.
    public let limit: Int
    /// How long one use of a connection may take.
    public let timeout: Duration
    private let open: Opener
    private var idle: [any MeetingStore]
    private var opened: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// - Parameters:
    ///   - first: a connection already open (the one `serve` checked the store with), or nil.
    ///   - limit: connections open at most.
    ///   - timeout: how long one use of a connection may take.
    ///   - open: opens a new connection.
    public init(first: (any MeetingStore)?, limit: Int = 4, timeout: Duration = .seconds(30), open: @escaping Opener) {
        self.limit = max(1, limit)
        self.timeout = timeout
        self.open = open
        idle = first.map { [$0] } ?? []
        opened = idle.count
    }

    /// Runs `body` with a connection of its own: given back afterwards, or closed when `body`
    /// threw (its connection may be broken). A connection that waited in the pool and turns out
    /// lost (the database restarted meanwhile) is replaced and `body` run once more.
    /// - Throws: what `body` threw; `db.timeout` (a ``FeedError``) after ``timeout``.
    public nonisolated func withStore<T: Sendable>(_ body: @escaping @Sendable (any MeetingStore) async throws -> T) async throws -> T {
        var retried = false
        while true {
            let (store, waited) = try await borrow()
            do {
                let value = try await bounded(store, body)
                await giveBack(store)
                return value
            } catch {
                await discard(store)
                guard waited, !retried, (error as? any SamverkanError)?.code == "db.connection-lost" else { throw error }
                retried = true
            }
        }
    }

    /// `body` on `store`, or `db.timeout` once ``timeout`` has passed: the connection is closed
    /// then, which ends the statement waiting on it.
    private nonisolated func bounded<T: Sendable>(
        _ store: any MeetingStore, _ body: @escaping @Sendable (any MeetingStore) async throws -> T
    ) async throws -> T {
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body(store) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            if let value = try await group.next() ?? nil { return value }
            await store.close()
            throw FeedError("db.timeout", ["seconds": "\(timeout.components.seconds)", "url": "-"])
        }
    }

    /// Closes the connections not in use (at the end of `serve`, when every request is answered).
    public func close() async {
        let all = idle
        idle = []
        opened -= all.count
        for store in all { await store.close() }
    }

    /// An idle connection (`waited`), or a new one while fewer than ``limit`` are open, or the
    /// next one given back.
    private func borrow() async throws -> (store: any MeetingStore, waited: Bool) {
        while true {
            if let store = idle.popLast() { return (store, true) }
            if opened < limit {
                opened += 1
                do {
                    return (try await open(), false)
                } catch {
                    opened -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    private func giveBack(_ store: any MeetingStore) {
        idle.append(store)
        wakeOne()
    }

    private func discard(_ store: any MeetingStore) async {
        opened -= 1
        wakeOne()
        await store.close()
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
