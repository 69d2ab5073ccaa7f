import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// `samverkan serve` started for real on a free loopback port and checked with real clients:
/// curl (conditional GETs, gzip, HEAD), python icalendar + recurring-ical-events through HTTP,
/// before and after `meeting cancel`; bad tokens and paths; SIGTERM.
@Suite("samverkan serve: subscription feeds over HTTP", .serialized)
struct ServeEndToEndTests {
    static let python = CLIRunner.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let checker = CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/check_ics.py").path
    /// The default window around SAMVERKAN_TODAY=2025-06-01: 3 months back, 12 ahead.
    static let window = ["--from", "2025-03-01", "--to", "2026-06-01"]

    /// The content lines without DTSTAMP.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") }
    }

    @Test("A feed is the calendar `calendar export` writes: text/calendar, ETag, Last-Modified, Cache-Control; 304, HEAD, gzip")
    func feedOverHTTP() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        let path = "/feeds/\(token).ics"
        let full = try served.curl(path)
        #expect(full.status == 200)
        #expect(full.headers["content-type"] == "text/calendar; charset=utf-8")
        #expect(full.headers["cache-control"] == "private, max-age=43200")
        #expect(full.text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H"))
        let etag = try #require(full.headers["etag"])
        let modified = try #require(full.headers["last-modified"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
        // The same calendar as calendar export over the same window (but for DTSTAMP).
        let exported = served.folder.path("export.ics")
        try served.run(
            ["calendar", "export", "--config", "Config/halland.yaml", "--structure", "rug"] + Self.window + ["--output", exported])
        #expect(Self.lines(full.text) == Self.lines(try String(contentsOfFile: exported, encoding: .utf8)))
        // Unchanged content: the same validators.
        let again = try served.curl(path)
        #expect(again.headers["etag"] == etag && again.headers["last-modified"] == modified)
        let conditional = try served.curl(path, ["-H", "If-None-Match: \(etag)"])
        #expect(conditional.status == 304 && conditional.body.isEmpty)
        #expect(conditional.headers["etag"] == etag)
        #expect(try served.curl(path, ["-H", "If-None-Match: \"other\", \(etag)"]).status == 304)
        #expect(try served.curl(path, ["-H", "If-None-Match: \"other\""]).status == 200)
        #expect(try served.curl(path, ["-H", "If-Modified-Since: \(modified)"]).status == 304)
        #expect(try served.curl(path, ["-H", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"]).status == 200)
        let head = try served.curl(path, ["-I"])
        #expect(head.status == 200 && !head.text.contains("BEGIN:VCALENDAR"), "HEAD sends no body")
        #expect(head.headers["content-length"] == String(full.body.count))
        #expect(head.headers["etag"] == etag)
        let gzip = try served.curl(path, ["-H", "Accept-Encoding: gzip"])
        #expect(gzip.headers["content-encoding"] == "gzip")
        #expect(gzip.body.count < full.body.count && gzip.body.starts(with: [0x1f, 0x8b]))
        let inflated = try served.curl(path, ["--compressed"])
        #expect(inflated.headers["content-encoding"] == "gzip")
        #expect(Self.lines(inflated.text) == Self.lines(full.text))
        let gzipTag = try #require(gzip.headers["etag"])
        #expect(gzipTag != etag)
        #expect(try served.curl(path, ["--compressed", "-H", "If-None-Match: \(gzipTag)"]).status == 304)
        #expect(try served.curl(path, ["-H", "Accept-Encoding: gzip;q=0"]).headers["content-encoding"] == nil)
        let metrics = try served.curl("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("samverkan_feed_not_modified_total 4"), "\(metrics.text)")
        #expect(metrics.text.contains("samverkan_feed_render_seconds_count 1"), "a refresh storm renders once: \(metrics.text)")
        let health = try served.curl("/health")
        #expect(health.status == 200 && health.text.contains("\"schema\":\"\(AppDatabase.migrationNames.last ?? "")\""), "\(health.text)")
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0 && !stopped.signalled, "\(stopped.stderr)")
        #expect(!stopped.stderr.contains(token) && !stopped.stdout.contains(token), "no token in the logs")
    }

    /// The held meetings of `schedule --format json` over the feed's window, written to a file.
    func schedule(_ served: ServedFeeds, _ selection: [String]) throws -> String {
        let result = try served.run(["schedule", "--config", "Config/halland.yaml"] + selection + Self.window + ["--format", "json"])
        let path = served.folder.path("schedule-\(UUID().uuidString).json")
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// check_ics.py (icalendar + recurring-ical-events, vobject) on a fetched feed, against the
    /// schedule of the structures whose UIDs the feed holds.
    func expectPeersAgree(_ served: ServedFeeds, body: String) throws -> [String: Any] {
        let ics = served.folder.path("feed-\(UUID().uuidString).ics")
        try body.write(toFile: ics, atomically: true, encoding: .utf8)
        let structures = Set(
            Self.lines(body).filter { $0.hasPrefix("UID:") }.compactMap { line in
                line.dropFirst(4).split(separator: ".").first.map { String($0.split(separator: "-extra-").first ?? $0) }
            }
        ).sorted()
        #expect(structures.count >= 2, "\(structures)")
        let check = try CLIRunner.runTool(
            Self.python,
            [Self.checker, ics, try schedule(served, structures.flatMap { ["--structure", $0] })]
                + structures.flatMap { ["--structure", $0] })
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any],
            "\(check.stdout)\n\(check.stderr)")
        #expect(report["ok"] as? Bool == true, "\(check.stdout)")
        return report
    }

    @Test("Through HTTP the peers expand exactly `schedule`; after `meeting cancel` the meeting is gone at the next fetch")
    func cancellationReachesSubscribers() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--organisation", "hylte"])
        try served.start()
        let path = "/feeds/\(token).ics"
        let before = try served.curl(path)
        #expect(before.status == 200)
        let first = try expectPeersAgree(served, body: before.text)
        #expect(before.text.contains("X-WR-CALNAME;VALUE=TEXT:Samverkansmöten – Region Halland"), "\(before.text.prefix(400))")
        try served.run([
            "meeting", "cancel", "--config", "Config/halland.yaml", "--structure", "rug", "--date", "2025-09-11",
            "--reason", "Krock med länsdagen",
        ])
        let after = try served.curl(path, ["-H", "If-None-Match: \(before.headers["etag"] ?? "")"])
        #expect(after.status == 200, "the cancellation changes the content, so the old ETag no longer matches")
        #expect(after.headers["etag"] != before.headers["etag"])
        #expect(after.text.contains("EXDATE;TZID=Europe/Stockholm:20250911T090000"))
        let second = try expectPeersAgree(served, body: after.text)
        #expect((second["expanded"] as? Int ?? 0) == (first["expanded"] as? Int ?? 0) - 1, "\(first) \(second)")
    }

    @Test("Revoked, unknown and malformed tokens, odd paths: the same 404; wrong methods 405; the server keeps serving")
    func badRequests() throws {
        let served = try ServedFeeds()
        let good = try served.createFeed(["--structure", "rug"])
        let revoked = try served.createFeed(["--person", "socialchef@halmstad.example"])
        try served.start()
        #expect(try served.curl("/feeds/\(revoked).ics").status == 200)
        let listed = try served.run(["feeds", "list"]).stdout
        #expect(!listed.contains(good) && !listed.contains(revoked) && listed.contains("person socialchef@halmstad.example"))
        try served.run(["feeds", "revoke", "2"])
        #expect(try served.run(["feeds", "list"]).stdout.contains("\n2\tperson"))
        let reference = try served.curl("/feeds/\(String(repeating: "a", count: 32)).ics")
        #expect(reference.status == 404)
        let odd = [
            "/feeds/\(revoked).ics", "/feeds/../", "/feeds/..%2f..%2fetc%2fpasswd", "/feeds/\(good)", "/feeds/\(good).ics/x",
            "/feeds/\(good.uppercased()).ics", "/feeds/\(good)a.ics", "/feeds/\(String(repeating: "a", count: 5000)).ics",
            "/feeds/%00\(good.dropFirst()).ics", "/feeds/\(good.dropLast())%C3%A5.ics", "/feeds/", "/feeds", "/", "/x/../feeds/\(good).ics",
            "/feeds/\(good).ics%00",
        ]
        for path in odd {
            let reply = try served.curl(path)
            #expect(reply.status == 404 && reply.body == reference.body, "\(path.prefix(80)): \(reply.status)")
            #expect(reply.headers["content-length"] == reference.headers["content-length"])
        }
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            #expect(try served.curl("/feeds/\(good).ics", ["-X", method]).status == 405, "\(method)")
            #expect(try served.curl("/health", ["-X", method]).status == 405, "\(method)")
        }
        #expect(try served.curl("/feeds/\(good).ics").status == 200)
        #expect(try served.curl("/health").status == 200)
        let bad = try CLIRunner.run(["feeds", "revoke", "99"], environment: served.environment)
        #expect(bad.status == 1 && bad.stderr.contains("99"), "\(bad.stderr)")
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0 && !stopped.signalled)
        for secret in [good, revoked, "socialchef@"] { #expect(!stopped.stderr.contains(secret), "logs leak \(secret)") }
    }

    @Test("SIGINT stops the server cleanly too; a token is stored only as its hash; the progress line is Swedish by default")
    func sigintAndHashOnly() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--all"])
        try served.start()
        let started = try #require(served.server).standardOutputSoFar()
        #expect(started.hasPrefix("lyssnar på http://127.0.0.1:\(served.port)\n"), "\(started)")
        #expect(!started.contains(token))
        #expect(try served.curl("/feeds/\(token).ics").status == 200)
        let server = try #require(served.server)
        server.signal(SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while server.isRunning, Date() < deadline { usleep(20_000) }
        #expect(!server.isRunning)
        // (On PostgreSQL: every row, through a copy to a file.)
        let database = try Data(
            contentsOf: URL(fileURLWithPath: try TestDatabase.sqliteFile(of: served.environment["SAMVERKAN_DATABASE"]!)))
        #expect(database.range(of: Data(token.utf8)) == nil, "the token itself is never stored")
        served.stop()
    }
}

extension ServeEndToEndTests {
    @Test("With --lang en the server says it is listening in English, with the public address and never a token")
    func listeningInEnglish() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--all"])
        try served.start(["--lang", "en", "--base-url", "https://kalender.example.se"])
        let started = try #require(served.server).standardOutputSoFar()
        #expect(
            started.hasPrefix("listening on http://127.0.0.1:\(served.port) (public address https://kalender.example.se)\n"),
            "\(started)")
        #expect(!started.contains(token) && !started.contains("lyssnar"))
        served.stop()
    }

    @Test(
        "A store that goes away gives 503 on /health and feeds, and the server recovers by itself when it is back",
        .enabled(if: TestDatabase.isSQLite, "the file moved away (PostgreSQL: ServePostgresTests stops its server)"))
    func storeGoesAway() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        #expect(try served.curl("/feeds/\(token).ics").status == 200)
        let path = try #require(served.environment["SAMVERKAN_DATABASE"])
        let aside = path + ".aside"
        try FileManager.default.moveItem(atPath: path, toPath: aside)
        let health = try served.curl("/health")
        #expect(health.status == 503 && health.text.contains("unavailable"), "\(health.text)")
        #expect(try served.curl("/feeds/\(token).ics").status == 503)
        try FileManager.default.moveItem(atPath: aside, toPath: path)
        #expect(try served.curl("/health").status == 200)
        #expect(try served.curl("/feeds/\(token).ics").status == 200)
        // A new, empty store in its place: the old token is unknown there.
        try FileManager.default.removeItem(atPath: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let other = try served.createFeed(["--all"])
        #expect(try served.curl("/health").status == 200)
        #expect(try served.curl("/feeds/\(token).ics").status == 404)
        #expect(try served.curl("/feeds/\(other).ics").status == 200)
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0, "\(stopped.stderr)")
    }

    @Test("1,000 requests with bad tokens neither crash the server nor slow a good one down")
    func badTokenFlood() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        let good = "/feeds/\(token).ics"
        #expect(try served.curl(good).status == 200)
        func timed() throws -> TimeInterval {
            let start = Date()
            for _ in 0..<20 { #expect(try served.curl(good).status == 200) }
            return Date().timeIntervalSince(start)
        }
        let before = try timed()
        // One curl, many URLs: 1,000 requests over reused connections.
        let bad = (0..<1000).map { _ in "/feeds/\(FeedTokenShape.random()).ics" }
        for chunk in stride(from: 0, to: bad.count, by: 250) {
            let reply = try served.curl(Array(bad[chunk..<chunk + 250]))
            #expect(reply.status == 404)
        }
        let after = try timed()
        #expect(after < max(before * 3, 2), "good requests took \(after) s after the flood, \(before) s before")
        let metrics = try served.curl("/metrics").text
        #expect(metrics.contains("samverkan_http_requests_total{route=\"feed\",status=\"404\"} 1000"), "\(metrics)")
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0)
    }
}

/// Random strings of a token's shape (32 base32 letters) that no feed has.
enum FeedTokenShape {
    static func random() -> String {
        let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyz234567")
        var text = ""
        for _ in 0..<32 { text.append(letters.randomElement() ?? "a") }
        return text
    }
}
