import Foundation
import SamverkanFuzzing

/// Keeps the input being checked so that a crash (a signal) or a hang (one input over
/// ``FuzzPass/hangLimit`` seconds) leaves it on disk, and ends the run with status 1.
enum Watchdog {
    nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 200_001)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var started = Date.distantFuture
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
    static let lock = NSLock()

    /// Installs the signal handlers and the hang timer.
    static func start(crashFile: String) {
        path = strdup(crashFile)
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            Foundation.signal(signal) { number in
                Watchdog.dump()
                let text = "samverkan-fuzz: crash (signal \(number)), input kept\n"
                _ = text.withCString { write(2, $0, strlen($0)) }
                _exit(1)
            }
        }
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                lock.lock()
                let elapsed = Date().timeIntervalSince(started)
                lock.unlock()
                if elapsed > FuzzPass.hangLimit {
                    dump()
                    FileHandle.standardError.write(Data("samverkan-fuzz: hang (one input over \(FuzzPass.hangLimit) s), input kept\n".utf8))
                    _exit(1)
                }
            }
        }
        thread.start()
    }

    /// Notes the input about to be checked.
    static func begin(_ input: [UInt8]) {
        lock.lock()
        length = min(input.count, 200_000)
        input.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: length) }
        started = Date()
        lock.unlock()
    }

    /// Writes the current input with plain system calls (safe in a signal handler).
    static func dump() {
        guard let path else { return }
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        _ = write(descriptor, buffer, length)
        close(descriptor)
    }
}
