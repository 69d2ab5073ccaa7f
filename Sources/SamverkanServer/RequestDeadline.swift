import SamverkanDomain
import Synchronization

/// A request's wait for a shared store, bounded as a whole (waiting for a connection or for the
/// render gate included): the caller gets the work's result, or `db.request-timeout` once the
/// deadline passes — at once, without waiting for the work, which is cancelled and ends on its
/// own (each use of a connection is bounded by ``StorePool``).
enum RequestDeadline {
    /// The error of a wait that outlasted its limit (only logged, by its code).
    static func timedOut(_ limit: Duration) -> FeedError {
        FeedError("db.request-timeout", ["seconds": "\(limit.components.seconds)"])
    }

    /// `body`'s result, or ``timedOut(_:)`` after `limit`.
    static func run<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.waiting(continuation)
            let timer = Task {
                try await Task.sleep(for: limit)
                outcome.finish(.failure(timedOut(limit)))
            }
            let work = Task {
                let result = await Result(catching: { try await body() })
                timer.cancel()
                outcome.finish(result)
            }
            outcome.onTimeout { work.cancel() }
        }
    }

    /// The continuation a caller waits on, resumed once: by the work or by the timer.
    final class Outcome<T: Sendable>: Sendable {
        private let state = Mutex<(continuation: CheckedContinuation<T, any Error>?, cancel: (@Sendable () -> Void)?)>((nil, nil))

        func waiting(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        func onTimeout(_ cancel: @escaping @Sendable () -> Void) {
            state.withLock { $0.cancel = cancel }
        }

        func finish(_ result: Result<T, any Error>) {
            let (continuation, cancel) = state.withLock { state in
                defer { state = (nil, nil) }
                return state
            }
            guard let continuation else { return }
            continuation.resume(with: result)
            if case .failure(let error) = result, (error as? FeedError)?.code == "db.request-timeout" { cancel?() }
        }
    }
}

extension Result where Failure == any Error {
    /// The result of an async throwing body.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
