public import Foundation

/// A throwaway PostgreSQL server of the tests' own: Debian's `initdb` into a temporary folder,
/// listening on 127.0.0.1 at a free port (and on a socket in that folder), with a login role
/// that has a password, and stopped (by the process id it started) with the folder removed when
/// the test process exits.
///
/// The server refuses to run as root, so as root it runs as the unprivileged `postgres` system
/// user (`runuser -u postgres --`). ``shared()`` is the one cluster of a test process; each test
/// takes a database of its own with ``createDatabase(_:)``. A test that stops the server makes a
/// cluster of its own with ``init(label:)``.
public final class PostgresCluster: @unchecked Sendable {
    /// The login role the tests connect as (not a superuser: the owner of its databases).
    public let role = "samverkan_test"
    /// The role's password.
    public let password = "pw-" + UUID().uuidString.prefix(12).lowercased()
    /// The TCP port on 127.0.0.1.
    public private(set) var port: Int
    /// The folder holding the data, the socket and the server's log.
    public let folder: URL
    let binaries: URL
    private let lock = NSLock()
    private var postmaster: Int32 = 0

    /// The cluster of this test process, started on first use.
    public static func shared() throws -> PostgresCluster {
        try sharedCluster.get()
    }

    private static let sharedCluster: Result<PostgresCluster, any Error> = Result {
        let cluster = try PostgresCluster(label: "shared")
        atexit { try? PostgresCluster.sharedCluster.get().stop() }
        return cluster
    }

    /// Makes and starts a cluster of its own.
    public init(label: String = "pg") throws {
        binaries = try Self.findBinaries()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-pg-\(label)-\(UUID().uuidString.prefix(8))")
        port = try Self.freePort()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("socket"), withIntermediateDirectories: true)
        try Self.giveToServerUser(folder)
        try serverCommand(
            "initdb",
            [
                "-D", dataPath, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
                "--no-sync",
            ])
        let settings = """
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '\(folder.appendingPathComponent("socket").path)'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 300
            password_encryption = 'scram-sha-256'
            """
        let configuration = folder.appendingPathComponent("data/postgresql.conf")
        let handle = try FileHandle(forWritingTo: configuration)
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + settings + "\n").utf8))
        try handle.close()
        try start()
        watch()
        _ = try psql("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
    }

    deinit { try? stop() }

    /// The data folder.
    var dataPath: String { folder.appendingPathComponent("data").path }

    /// Starts the server (again, after ``stopServer()``) on the same port and data.
    public func start() throws {
        try serverCommand(
            "pg_ctl",
            ["-D", dataPath, "-o", "-p \(port)", "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "30", "start"])
        let pidFile = try String(contentsOfFile: dataPath + "/postmaster.pid", encoding: .utf8)
        guard let pid = pidFile.split(separator: "\n").first.flatMap({ Int32($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw ClusterError("no process id in postmaster.pid")
        }
        lock.withLock { postmaster = pid }
    }

    /// Stops the server (fast shutdown: open sessions end, open transactions roll back) and
    /// waits until its process is gone; the data stay for ``start()``.
    public func stopServer() {
        let pid = lock.withLock {
            let pid = postmaster
            postmaster = 0
            return pid
        }
        guard pid > 0 else { return }
        kill(pid, SIGINT)
        for _ in 0..<300 where kill(pid, 0) == 0 { usleep(50_000) }
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    /// Stops the server and removes the folder.
    public func stop() throws {
        stopServer()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new, empty database owned by ``role`` (UTF-8); returns its name.
    public func createDatabase(_ label: String = "test") throws -> String {
        let name = "\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try psql("CREATE DATABASE \(name) OWNER \(role) ENCODING 'UTF8' TEMPLATE template0")
        return name
    }

    /// The URL of a database, as the role with its password (or `password`), with extra query items.
    public func url(_ database: String, password: String? = nil, query: String = "sslmode=disable") -> String {
        "postgres://\(role):\(password ?? self.password)@127.0.0.1:\(port)/\(database)" + (query.isEmpty ? "" : "?\(query)")
    }

    /// Runs SQL as the superuser over the socket (`psql`, stops at the first error); returns what it printed.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        let result = try CLIRunner.runTool(
            binaries.appendingPathComponent("psql").path,
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder.appendingPathComponent("socket").path, "-p", String(port),
                "-U", "postgres",
                "-d", database, "-c", sql,
            ], in: folder)
        guard result.status == 0 else { throw ClusterError("psql: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts `psql` running SQL and returns at once (to hold a lock while a test runs something).
    public func startPsql(_ sql: String, database: String) throws -> RunningProcess {
        try CLIRunner.startTool(
            binaries.appendingPathComponent("psql").path,
            [
                "-X", "-q", "-h", folder.appendingPathComponent("socket").path, "-p", String(port), "-U", "postgres", "-d", database, "-c",
                sql,
            ],
            in: folder)
    }
}

/// A cluster that could not be made or used.
public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
