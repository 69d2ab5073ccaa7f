public import Foundation

/// A program started by ``CLIRunner/start(_:in:environment:stdin:)`` or ``CLIRunner/startTool(_:_:in:environment:stdin:)``: it runs until it ends or a
/// test stops or kills it; ``wait()`` then returns what it printed and how it ended.
///
/// Its output goes to files, so a large output can never fill a pipe and block the program.
public final class RunningProcess: @unchecked Sendable {
    private let process = Process()
    private let output: TemporaryFolder
    private let out: FileHandle
    private let err: FileHandle

    init(executable: URL, arguments: [String], directory: URL, environment: [String: String], stdin: String?) throws {
        output = try TemporaryFolder("process")
        _ = FileManager.default.createFile(atPath: output.path("stdout"), contents: nil)
        _ = FileManager.default.createFile(atPath: output.path("stderr"), contents: nil)
        out = try FileHandle(forWritingTo: output.url("stdout"))
        err = try FileHandle(forWritingTo: output.url("stderr"))
        let input = Pipe()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        _ = Self.ignoreBrokenPipes
        try process.run()
        // Returns once the program has read all but what fits in the pipe's buffer. A program that
        // ends without reading it all is no error here: its exit status tells.
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
    }

    /// Writing to a program that has closed its standard input is an error to return, not a
    /// SIGPIPE that ends the test process.
    private static let ignoreBrokenPipes: Void = ignoreSIGPIPE()

    /// The program's process id.
    public var pid: Int32 { process.processIdentifier }

    /// What the program has printed on standard output so far (it keeps running).
    public func standardOutputSoFar() -> String {
        String(decoding: (try? Data(contentsOf: output.url("stdout"))) ?? Data(), as: UTF8.self)
    }

    /// What the program has printed on standard error so far (it keeps running).
    public func standardErrorSoFar() -> String {
        String(decoding: (try? Data(contentsOf: output.url("stderr"))) ?? Data(), as: UTF8.self)
    }

    /// Whether the program still runs (a stopped program counts as running).
    public var isRunning: Bool { process.isRunning }

    /// Sends a signal to the program.
    public func signal(_ signal: Int32) {
        send(signal, to: pid)
    }

    /// Kills the program with SIGKILL: it ends at once, wherever it was, without cleaning up.
    public func kill() {
        signal(SIGKILL)
    }

    /// Stops the program with SIGSTOP and returns once it no longer runs an instruction, so what a
    /// test observes next (a lock it holds, a file it wrote) stays as it is until ``kill()`` or
    /// SIGCONT. Returns false when the program ended before it could be stopped.
    @discardableResult
    public func stop(timeout: TimeInterval = 10) -> Bool {
        signal(SIGSTOP)
        #if os(Linux)
            // The signal is delivered asynchronously: wait until the kernel reports the process stopped.
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { return false }
                let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
                if state == "T" || state == "t" { return true }
                if state == "Z" || state == "X" { return false }
                usleep(100)
            }
            return false
        #else
            // Without /proc, give the signal ample time to arrive.
            usleep(200_000)
            return isRunning
        #endif
    }

    /// Waits until the program has ended and returns what it printed and how it ended.
    public func wait() throws -> CLIRunner.Result {
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CLIRunner.Result(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: try Data(contentsOf: output.url("stdout")), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: output.url("stderr")), as: UTF8.self))
    }
}

/// `kill(2)`, out of reach of ``RunningProcess/kill()``'s name.
private func send(_ signal: Int32, to pid: Int32) {
    _ = kill(pid, signal)
}

/// Sets SIGPIPE to be ignored in this process.
private func ignoreSIGPIPE() {
    _ = signal(SIGPIPE, SIG_IGN)
}
