import Foundation
import SamverkanTestSupport
import Testing

/// A real SMTP server on loopback (`Tests/Peers/smtp_sink.py`, PyPI aiosmtpd) started by a test,
/// and the `msmtp` configuration that sends to it. ``stop()`` ends it by its pid; tests call it
/// in a `defer`, so it stops even when an assertion fails.
final class SMTPSink {
    /// One message as Python's e-mail parser and `icalendar` read it (`Tests/Peers/check_mail.py`).
    struct Received: Decodable {
        var rcpt: [String]
        var from: [String]
        var to: [String]
        var reply_to: [String]
        var subject: String
        var message_id: String
        var text: String
        var content_method: String?
        var ical_method: String?
        var uids: [String]
        var defects: [String]
    }

    let folder: TemporaryFolder
    private(set) var process: RunningProcess?
    private(set) var port = 0

    static let python = CLIRunner.packageRoot.appendingPathComponent(".venv/bin/python").path

    init() throws { folder = try TemporaryFolder("smtp") }

    /// Starts the server (again, on a new port, after ``stop()``) and waits until it listens.
    func start() throws {
        try? FileManager.default.removeItem(atPath: folder.path("port"))
        process = try CLIRunner.startTool(Self.python, ["Tests/Peers/smtp_sink.py", folder.path])
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: folder.path("port"), encoding: .utf8), let number = Int(text) {
                port = number
                return
            }
            if process?.isRunning == false { break }
            usleep(50_000)
        }
        stop()
        throw SinkError(description: "the SMTP server did not start: \((try? process?.wait().stderr) ?? "")")
    }

    /// Stops the server by its pid and waits for it to end.
    func stop() {
        guard let process else { return }
        if process.isRunning { process.signal(SIGTERM) }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { process.kill() }
        _ = try? process.wait()
        self.process = nil
    }

    /// An `msmtp` configuration file for the server on ``port`` (or on a port where nothing listens).
    func msmtpConfig(port: Int? = nil) throws -> String {
        let path = try folder.write(
            """
            account default
            host 127.0.0.1
            port \(port ?? self.port)
            from samverkan@regionhalland.example
            auth off
            tls off
            timeout 10
            """ + "\n", to: "msmtprc-\(port ?? self.port)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    /// The `--sendmail` command: Debian's msmtp against this server.
    func sendmail(port: Int? = nil) throws -> String { "msmtp -C \(try msmtpConfig(port: port)) -t -i" }

    /// Every message received so far.
    func received() throws -> [Received] {
        let result = try CLIRunner.runTool(Self.python, ["Tests/Peers/check_mail.py", folder.path])
        guard result.status == 0 else { throw SinkError(description: result.stderr) }
        return try JSONDecoder().decode([Received].self, from: Data(result.stdout.utf8))
    }

    /// A port on loopback where nothing listens (the server down).
    static func closedPort() -> Int {
        let result = try? CLIRunner.runTool(
            python, ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        return Int(result?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 9
    }

    struct SinkError: Error, CustomStringConvertible {
        var description: String
    }
}
