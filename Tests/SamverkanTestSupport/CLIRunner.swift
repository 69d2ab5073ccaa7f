public import Foundation

/// Runs the built `samverkan` binary, as a user would, and captures what it prints.
public struct CLIRunner {
    /// What a run printed, and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The package root (for the shipped configurations and fixtures).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: next to the test bundle in the build products folder.
    public static let binary: URL = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("samverkan"))
            candidates.append(executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samverkan"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("samverkan"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/samverkan"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Runs `samverkan` with arguments in a folder, with extra environment variables.
    public static func run(_ arguments: [String], in directory: URL = packageRoot,
                    environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        try runTool(binary.path, arguments, in: directory, environment: environment, stdin: stdin)
    }

    /// Runs any program (a peer checker) the same way.
    public static func runTool(_ executable: String, _ arguments: [String], in directory: URL = packageRoot,
                        environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SAMVERKAN_CONFIG"] = nil
        env["SAMVERKAN_DATABASE"] = nil
        env["SAMVERKAN_TODAY"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so a large output can never fill a pipe and block the process.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fixture of the configuration tests.
    public static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/SamverkanConfigTests/Fixtures/\(name)").path
    }
}
