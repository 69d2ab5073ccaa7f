import Foundation

/// Runs `operation` but waits for it at most `seconds`: for the clean-up after a failure (a
/// ROLLBACK, closing the connection) on a connection the server may already have dropped, so that
/// the command reports its error and ends instead of waiting for an answer that never comes.
func bounded(seconds: Int, _ operation: @escaping @Sendable () async -> Void) async {
    let gate = OnceGate()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        Task {
            await operation()
            if gate.open() { continuation.resume() }
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            if gate.open() { continuation.resume() }
        }
    }
}

/// Lets exactly one caller through.
final class OnceGate: @unchecked Sendable {
    private let lock = NSLock()
    private var opened = false

    /// True for the first caller only.
    func open() -> Bool {
        lock.withLock {
            defer { opened = true }
            return !opened
        }
    }
}
