import Foundation

/// Work started on its own thread now and waited for later, so reading the database overlaps
/// with expanding the schedules (the two take similar time on large data).
final class Background<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            let outcome = Result { try body() }
            condition.lock()
            result = outcome
            condition.signal()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once the work is done; rethrows its error.
    func wait() throws -> Value {
        condition.lock()
        while result == nil { condition.wait() }
        let outcome = result!
        condition.unlock()
        return try outcome.get()
    }
}
