public import SamverkanStore

/// The server's connections to a shared store (PostgreSQL): a request borrows one for its reads
/// and gives it back; at most ``limit`` are open, opened when first needed. A connection whose
/// use failed is closed and left out, and the next request opens a new one — so while the
/// database is away the server answers 503, and it recovers by itself once the database is back.
public actor StorePool {
    /// Opens one more connection to the store.
    public typealias Opener = @Sendable () async throws -> any MeetingStore

    /// How many connections may be open at once.
    public let limit: Int
    private let open: Opener
    private var idle: [any MeetingStore]
    private var opened: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// - Parameters:
    ///   - first: a connection already open (the one `serve` checked the store with), or nil.
    ///   - limit: connections open at most.
    ///   - open: opens a new connection.
    public init(first: (any MeetingStore)?, limit: Int = 4, open: @escaping Opener) {
        self.limit = max(1, limit)
        self.open = open
        idle = first.map { [$0] } ?? []
        opened = idle.count
    }

    /// Runs `body` with a connection of its own: given back afterwards, or closed when `body`
    /// threw (its connection may be broken).
    public nonisolated func withStore<T: Sendable>(_ body: (any MeetingStore) async throws -> T) async throws -> T {
        let store = try await borrow()
        let value: T
        do {
            value = try await body(store)
        } catch {
            await discard(store)
            throw error
        }
        await giveBack(store)
        return value
    }

    /// Closes the connections not in use (at the end of `serve`, when every request is answered).
    public func close() async {
        let all = idle
        idle = []
        opened -= all.count
        for store in all { await store.close() }
    }

    /// An idle connection, or a new one while fewer than ``limit`` are open, or the next one
    /// given back.
    private func borrow() async throws -> any MeetingStore {
        while true {
            if let store = idle.popLast() { return store }
            if opened < limit {
                opened += 1
                do {
                    return try await open()
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
