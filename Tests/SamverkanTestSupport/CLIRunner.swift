public import Foundation

/// Runs programs as a user would and captures what they print: the built `samverkan` binary
/// (``run(_:in:environment:stdin:)``), any other program such as a peer checker
/// (``runTool(_:_:in:environment:stdin:)``), or a program to signal while it runs (``start(_:in:environment:stdin:)``).
///
/// Every run starts in the package root (so `Config/halland.yaml` resolves), inherits the test's
/// environment without `SAMVERKAN_CONFIG`, `SAMVERKAN_DATABASE` and `SAMVERKAN_TODAY`, and gets
/// the variables passed in `environment` on top.
public enum CLIRunner {
    /// What a run printed, and how it ended.
    public struct Result: Sendable {
        /// The exit status, or the number of the signal that ended the program.
        public var status: Int32
        /// Whether a signal ended the program (then ``status`` is the signal's number).
        public var signalled: Bool
        /// Everything the program wrote to standard output.
        public var stdout: String
        /// Everything the program wrote to standard error.
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

    /// Runs `python3` from the `PATH` (the system's; the peers' venv is `.venv/bin/python`).
    static let python3 = "/usr/bin/env"

    /// Runs `samverkan` with arguments in a folder, with extra environment variables, and waits for it.
    public static func run(
        _ arguments: [String], in directory: URL = packageRoot,
        environment: [String: String] = [:], stdin: String? = nil
    ) throws -> Result {
        try runTool(binary.path, arguments, in: directory, environment: environment, stdin: stdin)
    }

    /// Runs any program (a peer checker, `python3`) the same way and waits for it.
    public static func runTool(
        _ executable: String, _ arguments: [String], in directory: URL = packageRoot,
        environment: [String: String] = [:], stdin: String? = nil
    ) throws -> Result {
        try startTool(executable, arguments, in: directory, environment: environment, stdin: stdin).wait()
    }

    /// Runs a Python 3 program given as text (`python3 -c`), with arguments, and waits for it.
    public static func runPython(_ program: String, _ arguments: [String] = [], stdin: String? = nil) throws -> Result {
        try runTool(python3, ["python3", "-c", program] + arguments, stdin: stdin)
    }

    /// Starts `samverkan` and returns at once, so a test can signal it while it runs, or run
    /// several at the same time; ``RunningProcess/wait()`` collects what it printed.
    public static func start(
        _ arguments: [String], in directory: URL = packageRoot,
        environment: [String: String] = [:], stdin: String? = nil
    ) throws -> RunningProcess {
        try startTool(binary.path, arguments, in: directory, environment: environment, stdin: stdin)
    }

    /// Starts any program the same way and returns at once.
    public static func startTool(
        _ executable: String, _ arguments: [String], in directory: URL = packageRoot,
        environment: [String: String] = [:], stdin: String? = nil
    ) throws -> RunningProcess {
        var inherited = ProcessInfo.processInfo.environment
        inherited["SAMVERKAN_CONFIG"] = nil
        inherited["SAMVERKAN_DATABASE"] = nil
        inherited["SAMVERKAN_TODAY"] = nil
        // The default database (`$XDG_DATA_HOME/samverkan/`) of a test run is its own, never
        // the user's: a test that gives no --database writes into a folder of the test process.
        inherited["XDG_DATA_HOME"] = defaultDataHome.appendingPathComponent(TemporaryFolder.uniqueName()).path
        return try RunningProcess(
            executable: URL(fileURLWithPath: executable), arguments: arguments, directory: directory,
            environment: inherited.merging(environment) { $1 }, stdin: stdin)
    }

    /// The parent of `XDG_DATA_HOME` of every program a test starts (unless the test sets its
    /// own): each run gets a folder of its own inside it, and it is removed when the test
    /// process exits.
    public static let defaultDataHome: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-tests-\(getpid())")
            try? FileManager.default.removeItem(at: folder)
        }
        return url
    }()

    /// A fixture of the configuration tests.
    public static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/SamverkanConfigTests/Fixtures/\(name)").path
    }
}
