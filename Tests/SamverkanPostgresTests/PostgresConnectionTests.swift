import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanTestSupport
import Testing

@Suite("PostgreSQL connections")
struct PostgresConnectionTests {
    /// The error connecting to a URL gives, or nil when it connects.
    func connectError(_ url: String, environment: [String: String] = [:]) async throws -> DatabaseAdminError? {
        do {
            let client = try await PostgresClient.connect(try PostgresURL(url, environment: environment))
            await client.close()
            return nil
        } catch let error as DatabaseAdminError {
            return error
        }
    }

    @Test("connects with the password from the URL or from PGPASSWORD")
    func connects() async throws {
        let database = try PostgresTestDatabase("connect")
        #expect(try await connectError(database.url) == nil)
        let withoutPassword = "postgres://\(database.cluster.role)@127.0.0.1:\(database.cluster.port)/\(database.name)?sslmode=prefer"
        #expect(try await connectError(withoutPassword, environment: ["PGPASSWORD": database.cluster.password]) == nil)
        #expect(try await connectError(withoutPassword)?.code == "db.password-missing")
    }

    @Test("a wrong password, an unknown database and sslmode=require without TLS each give their own message")
    func refusals() async throws {
        let database = try PostgresTestDatabase("refusals")
        let cluster = database.cluster
        let wrong = try await connectError(cluster.url(database.name, password: "fel-losen"))
        #expect(wrong?.code == "db.authentication-failed")
        #expect(wrong?.category == .store)
        #expect(wrong.map { !$0.values.values.contains { $0.contains("fel-losen") } } == true)
        #expect(try await connectError(cluster.url("finns_inte"))?.code == "db.no-such-database")
        #expect(try await connectError(cluster.url(database.name, query: "sslmode=require"))?.code == "db.tls-not-offered")
    }

    @Test("a server that never answers times out after connect_timeout; a closed port is refused")
    func timeout() async throws {
        let silent = try SilentListener()
        let error = try await connectError("postgres://anna:x@127.0.0.1:\(silent.port)/db?connect_timeout=1&sslmode=disable")
        #expect(error?.code == "db.timeout")
        #expect(error?.values["seconds"] == "1")
        let refused = try await connectError("postgres://anna:x@127.0.0.1:1/db?connect_timeout=2")
        #expect(refused?.code == "db.refused")
        // A host that does not exist (the reserved `.invalid` domain) is named, in words.
        let unknown = try await connectError("postgres://anna:x@ingen-sadan-vard.invalid:5432/db?connect_timeout=5")
        #expect(unknown?.code == "db.unknown-host", "\(String(describing: unknown))")
    }

    @Test("a port where something else answers (a web server, a listener that hangs up) is said to be no PostgreSQL server")
    func notPostgres() async throws {
        let program = """
            import socket, sys
            server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(8)
            print(server.getsockname()[1], flush=True)
            while True:
                connection, _ = server.accept()
                if sys.argv[1] == "http":
                    connection.recv(4096)
                    connection.sendall(b"HTTP/1.1 400 Bad Request\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n")
                connection.close()
            """
        for behaviour in ["http", "close"] {
            let listener = try CLIRunner.startTool("/usr/bin/python3", ["-c", program, behaviour])
            defer { listener.kill() }
            var port = 0
            for _ in 0..<200 where port == 0 {
                port = Int(listener.standardOutputSoFar().trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                usleep(20_000)
            }
            for mode in ["disable", "prefer"] {
                let error = try await connectError("postgres://anna:hemligt@127.0.0.1:\(port)/db?connect_timeout=5&sslmode=\(mode)")
                #expect(error?.code == "db.not-postgres", "\(behaviour) \(mode): \(String(describing: error))")
            }
        }
    }
}
