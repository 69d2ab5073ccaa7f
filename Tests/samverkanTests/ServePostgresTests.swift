import Foundation
import SamverkanTestSupport
import Testing

/// `samverkan serve` on a shared PostgreSQL store of a cluster of the test's own, which it stops
/// and starts again under the running server. (The other serve suites run on PostgreSQL too, in
/// `make test`'s second pass.)
@Suite(
    "samverkan serve on a shared PostgreSQL store", .serialized,
    .enabled(if: TestDatabase.isSQLite, "runs once, in the first pass, with a cluster of its own"))
struct ServePostgresTests {
    @Test(
        "Feeds from PostgreSQL: a cancel by another samverkan shows at once; the database stopped gives 503, and the server recovers by itself"
    )
    func sharedStore() throws {
        let cluster = try PostgresCluster(label: "serve")
        defer { try? cluster.stop() }
        let served = try ServedFeeds(more: ["SAMVERKAN_DATABASE": cluster.url(try cluster.createDatabase("serve"))])
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        let path = "/feeds/\(token).ics"
        let health = try served.curl("/health")
        #expect(health.status == 200 && health.text.contains("\"schema\":\"v12-"), "\(health.text)")
        let before = try served.curl(path)
        #expect(before.status == 200)
        let exported = served.folder.path("export.ics")
        try served.run(
            ["calendar", "export", "--config", "Config/halland.yaml", "--structure", "rug"] + ServeEndToEndTests.window
                + ["--output", exported])
        #expect(ServeEndToEndTests.lines(before.text) == ServeEndToEndTests.lines(try String(contentsOfFile: exported, encoding: .utf8)))
        // Another samverkan writes to the shared store: the next fetch has it.
        try served.run([
            "meeting", "cancel", "--config", "Config/halland.yaml", "--structure", "rug", "--date", "2025-09-11", "--reason", "Krock",
        ])
        usleep(50_000)
        let after = try served.curl(path, ["-H", "If-None-Match: \(before.headers["etag"] ?? "")"])
        #expect(after.status == 200 && after.headers["etag"] != before.headers["etag"])
        #expect(after.text.contains("EXDATE;TZID=Europe/Stockholm:20250911T090000"))
        // Sixteen requests at once share the pool's connections.
        let many = try CLIRunner.runTool(
            "/usr/bin/curl",
            [
                "-s", "-o", "/dev/null", "-w", "%{http_code}\n", "--parallel", "--parallel-max", "16", "-H",
                "If-None-Match: \(after.headers["etag"] ?? "")",
            ]
                + Array(repeating: "http://127.0.0.1:\(served.port)\(path)", count: 16))
        #expect(many.stdout.split(separator: "\n") == Array(repeating: "304", count: 16), "\(many.stdout)")
        // The database goes away under the server, and comes back.
        cluster.stopServer()
        usleep(50_000)
        let down = try served.curl("/health")
        #expect(down.status == 503 && down.text.contains("unavailable"), "\(down.text)")
        let unavailable = try served.curl(path)
        #expect(unavailable.status == 503 && unavailable.headers["retry-after"] == "60" && down.headers["retry-after"] == "60")
        try cluster.start()
        #expect(try served.curl("/health").status == 200)
        let back = try served.curl(path, ["-H", "If-None-Match: \(after.headers["etag"] ?? "")"])
        #expect(back.status == 304, "the same calendar as before the database went away")
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(!stopped.stderr.contains(token) && !stopped.stderr.contains(cluster.password), "\(stopped.stderr)")
        // The operators' log names what happened by its code (db.connection-lost, db.refused).
        #expect(stopped.stderr.contains("error=db."), "\(stopped.stderr)")
    }
}

extension ServePostgresTests {
    @Test("A region moving to PostgreSQL: the links people subscribed to keep working, with the same calendar and ETag, and revoke there")
    func linksSurviveTheMove() throws {
        let cluster = try PostgresCluster(label: "move")
        defer { try? cluster.stop() }
        let onFile = try ServedFeeds()
        let token = try onFile.createFeed(["--organisation", "hylte"])
        try onFile.start()
        let path = "/feeds/\(token).ics"
        let before = try onFile.curl(path)
        #expect(before.status == 200)
        #expect(try #require(onFile.stop()).status == 0)
        let url = cluster.url(try cluster.createDatabase("move"))
        try onFile.run(["db", "copy", "--from", try #require(onFile.environment["SAMVERKAN_DATABASE"]), "--to", url])
        let shared = try ServedFeeds(more: ["SAMVERKAN_DATABASE": url])
        try shared.start()
        let after = try shared.curl(path, ["-H", "If-None-Match: \(before.headers["etag"] ?? "")"])
        #expect(after.status == 304, "the same calendar (and SEQUENCEs) from the copy: the subscriber's ETag still matches")
        #expect(ServeEndToEndTests.lines(try shared.curl(path).text) == ServeEndToEndTests.lines(before.text))
        #expect(try shared.run(["feeds", "list"]).stdout.contains("\n1\torganisation"), "the copied feed, by its id")
        try shared.run(["feeds", "revoke", "1"])
        usleep(50_000)
        #expect(try shared.curl(path).status == 404)
        #expect(try #require(shared.stop()).status == 0)
    }
}

extension ServePostgresTests {
    /// The cluster's server processes: the postmaster and its children (the sessions).
    static func serverProcesses(_ cluster: PostgresCluster) throws -> [Int32] {
        let file = try String(contentsOf: cluster.folder.appendingPathComponent("data/postmaster.pid"), encoding: .utf8)
        let postmaster = try #require(file.split(separator: "\n").first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) })
        let children = try CLIRunner.runTool("/usr/bin/pgrep", ["-P", "\(postmaster)"]).stdout
        return [postmaster] + children.split(separator: "\n").compactMap { Int32($0) }
    }

    @Test("A database that stops answering gives 503 after --database-timeout, never a hang; SIGTERM still ends the server in time")
    func frozenDatabase() throws {
        let cluster = try PostgresCluster(label: "frozen")
        var frozen: [Int32] = []
        defer {
            for pid in frozen { kill(pid, SIGCONT) }
            try? cluster.stop()
        }
        let served = try ServedFeeds(more: [
            "SAMVERKAN_DATABASE": cluster.url(try cluster.createDatabase("frozen"), query: "sslmode=disable&connect_timeout=2")
        ])
        let token = try served.createFeed(["--structure", "rug"])
        try served.start(["--database-timeout", "2"])
        let path = "/feeds/\(token).ics"
        #expect(try served.curl(path).status == 200)
        // Frozen (SIGSTOP): connections stay open, nothing answers, as in a network cut.
        frozen = try Self.serverProcesses(cluster)
        for pid in frozen { kill(pid, SIGSTOP) }
        usleep(50_000)
        var started = Date()
        #expect(try served.curl(path, ["-m", "30"]).status == 503)
        #expect(try served.curl("/health", ["-m", "30"]).status == 503)
        #expect(Date().timeIntervalSince(started) < 12, "two answers, each within the 2 s bound (a new connection within connect_timeout)")
        for pid in frozen { kill(pid, SIGCONT) }
        frozen = []
        #expect(try served.curl(path, ["-m", "30"]).status == 200, "it serves again once the database answers")
        // Frozen again with a request waiting: SIGTERM ends the server once the request got its 503.
        frozen = try Self.serverProcesses(cluster)
        for pid in frozen { kill(pid, SIGSTOP) }
        usleep(50_000)
        let waiting = try CLIRunner.startTool(
            "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "30", "http://127.0.0.1:\(served.port)\(path)"])
        usleep(300_000)
        started = Date()
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(Date().timeIntervalSince(started) < 9, "graceful shutdown waits for the bounded request only")
        #expect(try waiting.wait().stdout == "503")
        #expect(stopped.stderr.contains("error=db.request-timeout"), "\(stopped.stderr)")
    }
}
