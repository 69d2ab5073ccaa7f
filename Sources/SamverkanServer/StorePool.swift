import SamverkanDomain
public import SamverkanStore

/// The server's connections to a shared store (PostgreSQL): a request borrows one for its reads
/// and gives it back; at most ``limit`` are open, opened when first needed. A connection whose
/// use failed is closed and left out, and the next request opens a new one — so while the
/// database is away the server answers 503, and it recovers by itself once the database is back.
///
/// A use that takes longer than ``timeout`` (a database that stopped answering, a network cut)
/// fails with `db.request-timeout` and its connection is closed, which ends the statement waiting
/// on it. (A request's own wait, queueing included, is bounded by ``RequestDeadline``.) A
/// connection unused for ``maximumIdle`` is closed rather than used: firewalls drop idle
/// connections without a word.
public actor StorePool {
    /// Opens one more connection to the store.
    public typealias Opener = @Sendable () async throws -> any MeetingStore

    /// How many connections may be open at once.
    public let limit: Int
    /// How long one use of a connection may take.
    public let timeout: Duration
    /// How long a connection may wait unused and still be used.
    public let maximumIdle: Duration
    private let open: Opener
    private var idle: [(store: any MeetingStore, since: ContinuousClock.Instant)]
    private var opened: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var closed = false

    /// - Parameters:
    ///   - first: a connection already open (the one `serve` checked the store with), or nil.
    ///   - limit: connections open at most.
    ///   - timeout: how long one use of a connection may take.
    ///   - maximumIdle: how long a connection may wait unused and still be used.
    ///   - open: opens a new connection.
    public init(
        first: (any MeetingStore)?, limit: Int = 4, timeout: Duration = .seconds(30), maximumIdle: Duration = .seconds(300),
        open: @escaping Opener
    ) {
        self.limit = max(1, limit)
        self.timeout = timeout
        self.maximumIdle = maximumIdle
        self.open = open
        idle = first.map { [($0, ContinuousClock.now)] } ?? []
        opened = idle.count
    }

    /// Runs `body` with a connection of its own: given back afterwards, or closed when `body`
    /// threw (its connection may be broken). When a connection that waited in the pool turns
    /// out lost (the database restarted meanwhile), every waiting connection is closed (they are
    /// lost too) and `body` runs once more, on a new one.
    /// - Throws: what `body` threw; `db.request-timeout` (a ``FeedError``) after ``timeout``.
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
                await dropIdle()
                retried = true
            }
        }
    }

    /// `body` on `store`, or `db.request-timeout` once ``timeout`` has passed: the connection is
    /// closed then, which ends the statement waiting on it.
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
            throw RequestDeadline.timedOut(timeout)
        }
    }

    /// Closes the connections not in use, and each one in use when it is given back (at the end
    /// of `serve`).
    public func close() async {
        closed = true
        await dropIdle()
    }

    /// An idle connection (`waited`), or a new one while fewer than ``limit`` are open, or the
    /// next one given back.
    private func borrow() async throws -> (store: any MeetingStore, waited: Bool) {
        while true {
            while let (store, since) = idle.popLast() {
                if ContinuousClock.now - since < maximumIdle { return (store, true) }
                opened -= 1
                await store.close()
            }
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

    private func giveBack(_ store: any MeetingStore) async {
        guard !closed else { return await discard(store) }
        idle.append((store, ContinuousClock.now))
        wakeOne()
    }

    private func discard(_ store: any MeetingStore) async {
        opened -= 1
        wakeOne()
        await store.close()
    }

    /// Closes every idle connection, making room for new ones.
    private func dropIdle() async {
        let all = idle
        idle = []
        opened -= all.count
        for _ in all { wakeOne() }
        for (store, _) in all { await store.close() }
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
