import Foundation
import SamverkanDomain

/// Hands RFC 5322 messages to a sendmail-compatible command (`msmtp -t -i`, `/usr/sbin/sendmail
/// -t -i`): the message on standard input, the recipients read from its headers. The command is
/// split into words and run without a shell. With a dry-run folder, messages are written there as
/// `.eml` files instead and nothing is sent.
struct MailDelivery {
    /// The command's words (program first).
    let arguments: [String]
    /// Where `--dry-run` writes `.eml` files; nil: send.
    let dryRunFolder: String?

    /// Delivers one message.
    /// - Parameter name: the `.eml` file name of a dry run.
    /// - Throws: ``CLIError`` `mail.command-failed` (non-zero exit, with what the command said)
    ///   or `mail.command-missing`; a dry run's file errors.
    func deliver(_ message: String, name: String) throws {
        if let dryRunFolder {
            try AtomicFile.createFolder(dryRunFolder)
            try AtomicFile.write(message, to: (dryRunFolder as NSString).appendingPathComponent(name))
            return
        }
        let command = arguments.joined(separator: " ")
        guard let program = arguments.first, let path = Self.resolve(program) else {
            throw CLIError("mail.command-missing", ["command": command], category: .io)
        }
        // A command that ends without reading the whole message is a failed delivery (its exit
        // status tells), not a SIGPIPE that ends samverkan.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(arguments.dropFirst())
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = errors
        process.standardError = errors
        do { try process.run() } catch {
            throw CLIError("mail.command-missing", ["command": command], category: .io)
        }
        // What the command says is read on another thread, so neither side can fill a pipe and wait.
        let said = Said()
        let reader = Thread { said.data = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        while !said.done { usleep(1000) }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let detail = String(decoding: said.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CLIError(
                "mail.command-failed",
                [
                    "command": command, "status": String(process.terminationStatus),
                    "detail": detail.isEmpty ? "-" : String(detail.prefix(500)),
                ], category: .io)
        }
    }

    /// The program's path: as given when it holds a `/`, else the first match on `PATH`.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The output of the command, filled in by the reading thread.
    private final class Said: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Data?
        var data: Data {
            get { lock.withLock { stored ?? Data() } }
            set { lock.withLock { stored = newValue } }
        }
        var done: Bool { lock.withLock { stored != nil } }
    }
}
