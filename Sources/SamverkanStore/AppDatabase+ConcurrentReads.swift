import Foundation
internal import GRDB

extension AppDatabase {
    /// Two reads that see the same committed state of the database, run at once on two reader
    /// connections of the pool (one after the other on an in-memory queue): as consistent as one
    /// read transaction, in the time of the longer read on a machine with two cores.
    ///
    /// The writer's queue is held only while both reads establish their snapshot, never while
    /// they run; no SQLite lock is taken.
    func concurrentReads<A: Sendable, B: Sendable>(_ first: @escaping @Sendable (Database) throws -> A,
                                                   _ second: @escaping @Sendable (Database) throws -> B) throws -> (A, B) {
        let group = DispatchGroup()
        let a = ReadResult<A>(), b = ReadResult<B>()
        try writer.writeWithoutTransaction { _ in
            group.enter()
            writer.spawnConcurrentRead { result in
                a.set(Result { try first(try result.get()) })
                group.leave()
            }
            group.enter()
            writer.spawnConcurrentRead { result in
                b.set(Result { try second(try result.get()) })
                group.leave()
            }
        }
        group.wait()
        return (try a.get(), try b.get())
    }
}

/// The result of a read run on another thread, handed over under a lock.
private final class ReadResult<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) {
        lock.lock()
        self.result = result
        lock.unlock()
    }

    func get() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        guard let result else { throw StoreError("store.internal", ["what": "a concurrent read ended without a result"]) }
        return try result.get()
    }
}
