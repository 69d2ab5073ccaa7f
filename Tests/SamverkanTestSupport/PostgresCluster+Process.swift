import Foundation

extension PostgresCluster {
    /// The folder of Debian's server programs: the newest `/usr/lib/postgresql/*/bin` with `initdb`
    /// (`scripts/install-deps.sh test` installs the `postgresql` package).
    static func findBinaries() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).compactMap(Int.init).sorted(by: >)
        for version in versions {
            let bin = root.appendingPathComponent("\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        throw ClusterError("no PostgreSQL server under /usr/lib/postgresql/*/bin: run scripts/install-deps.sh test")
    }

    /// Whether this process is root (then the server runs as the `postgres` user).
    static var isRoot: Bool { getuid() == 0 }

    /// Hands the folder to the `postgres` user when root (the server's files must be its own).
    static func giveToServerUser(_ folder: URL) throws {
        guard isRoot else { return }
        guard let user = getpwnam("postgres") else { throw ClusterError("no `postgres` system user: install Debian's postgresql package") }
        for path in [folder.path, folder.appendingPathComponent("socket").path] {
            guard chown(path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else { throw ClusterError("cannot chown \(path)") }
        }
        chmod(folder.path, 0o755)
    }

    /// Runs one of the server's programs, as `postgres` when root; throws with its output if it fails.
    ///
    /// The server that `pg_ctl start` leaves running must not keep any descriptor of this
    /// process: Foundation learns that a program ended when a socket it gave the program closes,
    /// so a server holding it would make the wait last as long as the server. ``detached`` closes
    /// every descriptor above 2 before the program starts.
    func serverCommand(_ program: String, _ arguments: [String]) throws {
        let command = (Self.isRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + [binariesPath(program)] + arguments
        let result = try CLIRunner.runTool("/bin/bash", ["-c", Self.detached, "bash"] + command, in: folder)
        guard result.status == 0 else { throw ClusterError("\(program) failed: \(result.stdout)\(result.stderr)") }
    }

    /// A bash script that closes every descriptor above 2, then runs its arguments.
    static let detached = """
        for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
        exec "$@"
        """

    /// A free TCP port on 127.0.0.1 (the kernel's choice for a socket bound to port 0).
    static func freePort() throws -> Int {
        let (socket, port) = try SilentListener.bindLoopback()
        close(socket)
        return port
    }

    /// Starts a watchdog shell that stops the server and removes the folder should this test
    /// process end without doing so (a crash, a kill): the server never outlives its tests.
    func watch() {
        // The watchdog runs in a background subshell, so the shell Foundation starts ends at once
        // (and is reaped); the subshell closes every descriptor it inherited from this process.
        let script = """
            (
            for fd in $(ls /proc/$BASHPID/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            pid=$(head -n 1 '\(dataPath)/postmaster.pid' 2>/dev/null)
            [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null
            sleep 3
            rm -rf '\(folder.path)'
            ) </dev/null >/dev/null 2>&1 &
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
    }

    /// The path of a server program.
    func binariesPath(_ program: String) -> String {
        binaries.appendingPathComponent(program).path
    }
}
