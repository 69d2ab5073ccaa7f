import Foundation
import SamverkanTestSupport
import Testing

/// The server's 304 fast path on the wire (before NIO's HTTP codec): a conditional request of a
/// feed answered moments ago gets a 304 made from bytes, everything else goes the full way. The
/// tests talk HTTP over raw sockets (requests split, pipelined, on one connection across a change
/// of the feed) and tell the ways apart by the server's debug log (`way=wire`, `way=responder`).
@Suite("samverkan serve: 304s answered on the wire, alike the full way's")
struct ServeWireTests {
    /// A client on raw sockets: `ask` sends a request and reads its answer, `answer` reads the
    /// next one; a head's `Date` is masked (`Date: *`) so heads of different seconds compare.
    static let client = #"""
        import json, socket, subprocess, sys, time
        port, token = int(sys.argv[1]), sys.argv[2]
        feed = f"/feeds/{token}.ics"
        def request(method, path, *headers, body=b""):
            return (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode() + body
        class Connection:
            def __init__(self):
                self.sock = socket.create_connection(("127.0.0.1", port))
                self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.sock.settimeout(20)
                self.stream = b""
            def send(self, data):
                self.sock.sendall(data)
            def more(self):
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise EOFError("the server closed the connection")
                self.stream += chunk
            def answer(self, method="GET"):
                while b"\r\n\r\n" not in self.stream:
                    self.more()
                head, self.stream = self.stream.split(b"\r\n\r\n", 1)
                lines = head.decode().split("\r\n")
                status = int(lines[0].split()[1])
                fields = {k.lower(): v for k, v in (l.split(": ", 1) for l in lines[1:])}
                length = 0 if method == "HEAD" or status == 304 else int(fields.get("content-length", "0"))
                while len(self.stream) < length:
                    self.more()
                body, self.stream = self.stream[:length], self.stream[length:]
                masked = "\r\n".join("Date: *" if l.lower().startswith("date:") else l for l in lines)
                return {"status": status, "fields": fields, "head": masked, "body": body.decode("utf-8", "replace")}
            def ask(self, method, path, *headers, body=b""):
                self.send(request(method, path, *headers, body=body))
                return self.answer(method)
        connection = Connection()
        warm = connection.ask("GET", feed)
        etag = warm["fields"]["etag"]
        gzip_etag = etag[:-1] + '-gz"'
        """#

    /// The ways the feed requests of a stopped server's debug log went, in order, for a status.
    static func ways(_ log: String, status: Int) -> [String] {
        log.split(separator: "\n").filter { $0.contains("route=feed") && $0.contains("status=\(status) ") }.compactMap { line in
            line.firstMatch(of: /way=(\S+)/).map { String($0.1) }
        }
    }

    /// A server of a feed of one structure, started (logging each request with `debug`), and its token.
    static func serving(debug: Bool = false) throws -> (ServedFeeds, String) {
        let served = try ServedFeeds(more: debug ? ["LOG_LEVEL": "debug"] : [:])
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        return (served, token)
    }

    static func run(_ script: String, _ served: ServedFeeds, token: String) throws -> [String: Any] {
        let result = try CLIRunner.runTool(
            "/usr/bin/env", ["python3", "-c", client + "\n" + script, String(served.port), token, CLIRunner.binary.path],
            environment: served.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func answers(_ parsed: [String: Any], _ key: String) -> [[String: Any]] {
        parsed[key] as? [[String: Any]] ?? []
    }

    @Test("Answers from the wire are byte for byte the full way's: 304s of GET, HEAD, gzip, a date, a list; 200s")
    func sameBytes() throws {
        let (served, token) = try Self.serving(debug: true)
        let parsed = try Self.run(
            #"""
            since = warm["fields"]["last-modified"]
            variants = [("plain", "GET", [f"If-None-Match: {etag}"]), ("head", "HEAD", [f"If-None-Match: {etag}"]),
                        ("gzip", "GET", ["Accept-Encoding: gzip", f"If-None-Match: {gzip_etag}"]),
                        ("since", "GET", [f"If-Modified-Since: {since}"]), ("list", "GET", [f'If-None-Match: "x", W/{etag}']),
                        ("full", "GET", []), ("full-head", "HEAD", []), ("full-gzip", "GET", ["Accept-Encoding: gzip"]),
                        ("other-tag", "GET", ['If-None-Match: "x"'])]
            result = {"warm": warm}
            for name, method, headers in variants:
                result[name] = []
                for _ in range(3):
                    time.sleep(0.1)  # the feed's moments are over: the first answer goes the full way
                    result[name] += [connection.ask(method, feed, *headers) for _ in range(5)]
            print(json.dumps(result))
            """#, served, token: token)
        let log = try #require(served.stop()).stderr
        let notModifiedWays = Self.ways(log, status: 304)
        let fullWays = Self.ways(log, status: 200)
        try #require(notModifiedWays.count == 75 && fullWays.count == 61, "\(notModifiedWays) \(fullWays)")
        let variants = ["plain", "head", "gzip", "since", "list", "full", "full-head", "full-gzip", "other-tag"]
        var heads: [String: String] = [:]
        for (index, name) in variants.enumerated() {
            let answers = Self.answers(parsed, name)
            let status = index < 5 ? 304 : 200
            #expect(answers.count == 15 && answers.allSatisfy { $0["status"] as? Int == status }, "\(name)")
            let distinct = Set(answers.compactMap { $0["head"] as? String })
            #expect(distinct.count == 1, "\(name): \(distinct)")
            heads[name] = distinct.first
            #expect(Set(answers.compactMap { $0["body"] as? String }).count == 1, "\(name): one body")
            let own = Set(index < 5 ? notModifiedWays[(index * 15)..<(index * 15 + 15)] : fullWays[(index * 15 - 74)..<(index * 15 - 59)])
            #expect(own.contains("responder") && own.contains("wire"), "\(name): \(own)")
        }
        #expect(heads["head"] == heads["plain"] && heads["since"] == heads["plain"] && heads["list"] == heads["plain"])
        let plain = try #require(heads["plain"])
        #expect(plain.hasPrefix("HTTP/1.1 304 Not Modified\r\n") && plain.hasSuffix("\r\nDate: *\r\nServer: samverkan"), "\(plain)")
        #expect(!plain.lowercased().contains("content-length"))
        let warm = try #require(parsed["warm"] as? [String: Any])
        let full = try #require(warm["head"] as? String)
        let etag = try #require(full.split(separator: "\r\n").first { $0.hasPrefix("ETag: ") })
        #expect(plain.contains(etag) && heads["gzip"]?.contains(String(etag.dropLast()) + "-gz\"") == true)
        #expect(heads["full"] == full && heads["full-head"] == full && heads["other-tag"] == full)
        #expect(Self.answers(parsed, "full").first?["body"] as? String == warm["body"] as? String)
        #expect(Self.answers(parsed, "full-head").first?["body"] as? String == "")
        #expect(heads["full-gzip"]?.contains("Content-Encoding: gzip") == true && heads["full-gzip"]?.contains("-gz\"") == true)
        #expect(!log.contains(token), "the log never holds a token")
    }

    @Test("Pipelined in one write: 304s on the wire and requests that go the full way answer in order")
    func pipelined() throws {
        let (served, token) = try Self.serving()
        let parsed = try Self.run(
            #"""
            plan = [("GET", feed, [f"If-None-Match: {etag}"]), ("GET", feed, [f"If-None-Match: {etag}"]),
                    ("HEAD", feed, [f"If-None-Match: {etag}"]), ("GET", "/health", []), ("GET", feed, [f"If-None-Match: {etag}"]),
                    ("POST", feed, ["Content-Length: 2"]), ("GET", feed, [f"If-None-Match: {etag}"]), ("GET", feed, []),
                    ("GET", feed, ["Accept-Encoding: gzip", f"If-None-Match: {gzip_etag}"]), ("GET", "/nowhere", [])]
            connection.send(b"".join(request(m, p, *h, body=b"{}" if m == "POST" else b"") for m, p, h in plan))
            print(json.dumps({"warm": warm, "answers": [connection.answer(m) for m, _, _ in plan]}))
            """#, served, token: token)
        let answers = Self.answers(parsed, "answers")
        #expect(answers.map { $0["status"] as? Int } == [304, 304, 304, 200, 304, 405, 304, 200, 304, 404])
        let heads = answers.map { $0["head"] as? String ?? "" }
        #expect(Set([heads[0], heads[1], heads[2], heads[4], heads[6]]).count == 1, "\(heads)")
        #expect(heads[8] != heads[0] && heads[8].contains("-gz\""))
        #expect((answers[3]["body"] as? String)?.contains("\"status\":\"ok\"") == true)
        let warm = try #require(parsed["warm"] as? [String: Any])
        #expect(answers[7]["body"] as? String == warm["body"] as? String && answers[7]["head"] as? String == warm["head"] as? String)
        let metrics = try served.curl("/metrics").text
        #expect(metrics.contains("samverkan_feed_not_modified_total 6") && metrics.contains("samverkan_feed_full_total 2"), "\(metrics)")
        #expect(served.stop()?.status == 0)
    }

    /// Answers written on the event loop stop once the connection's unsent bytes pass NIO's
    /// high-water mark; the rest go the full way, whose writer waits for the client.
    @Test("A client that reads late: 200 pipelined requests of the feed all get their answers, in order")
    func readsLate() throws {
        let (served, token) = try Self.serving()
        let parsed = try Self.run(
            #"""
            plan = [[f"If-None-Match: {etag}"] if i % 3 == 2 else [] for i in range(200)]
            connection.ask("GET", feed)  # now the feed was answered moments ago: the first answers come from the wire
            connection.send(b"".join(request("GET", feed, *h) for h in plan))
            time.sleep(1)  # answers pile up in the server: its socket stops being writable
            answers = [connection.answer() for _ in plan]
            print(json.dumps({"warm": warm, "answers": [(a["status"], a["body"] == warm["body"]) for a in answers]}))
            """#, served, token: token)
        let answers = (parsed["answers"] as? [[Any]] ?? []).map { ($0.first as? Int ?? 0, $0.last as? Bool ?? false) }
        try #require(answers.count == 200)
        for (index, (status, sameBody)) in answers.enumerated() {
            #expect(index % 3 == 2 ? status == 304 : status == 200 && sameBody, "answer \(index): \(status)")
        }
        #expect(try served.curl("/health").status == 200)
        #expect(served.stop()?.status == 0)
    }

    @Test("A request split over packets (anywhere, byte by byte, across two requests, in a body) is answered right")
    func split() throws {
        let (served, token) = try Self.serving()
        let parsed = try Self.run(
            #"""
            conditional = request("GET", feed, f"If-None-Match: {etag}")
            answers = []
            for cut in (3, 20, len(conditional) // 2, len(conditional) - 2, len(conditional) - 1):
                connection.send(conditional[:cut])
                time.sleep(0.005)
                connection.send(conditional[cut:])
                answers.append(connection.answer())
            for byte in conditional:
                connection.send(bytes([byte]))
            answers.append(connection.answer())
            two = conditional + conditional
            connection.send(two[:len(conditional) + 7])
            time.sleep(0.005)
            connection.send(two[len(conditional) + 7:])
            answers += [connection.answer(), connection.answer()]
            post = request("POST", feed, "Content-Length: 2", body=b"{}")
            connection.send(post[:-1])
            time.sleep(0.005)
            connection.send(post[-1:] + conditional)
            answers += [connection.answer("POST"), connection.answer()]
            answers.append(connection.ask("GET", feed))
            print(json.dumps({"warm": warm, "answers": answers}))
            """#, served, token: token)
        let answers = Self.answers(parsed, "answers")
        #expect(answers.map { $0["status"] as? Int } == [304, 304, 304, 304, 304, 304, 304, 304, 405, 304, 200])
        let notModified = answers.filter { $0["status"] as? Int == 304 }.compactMap { $0["head"] as? String }
        #expect(Set(notModified).count == 1, "\(notModified)")
        let warm = try #require(parsed["warm"] as? [String: Any])
        #expect(answers.last?["body"] as? String == warm["body"] as? String)
        #expect(try served.curl("/health").status == 200)
        #expect(served.stop()?.status == 0)
    }

    @Test("On one connection: a changed feed gives 200 with its new ETag, then 304s of it; a revoked one 404")
    func changedAndRevoked() throws {
        let (served, token) = try Self.serving(debug: true)
        let parsed = try Self.run(
            #"""
            binary = sys.argv[3]
            def samverkan(*arguments):
                subprocess.run([binary, *arguments], check=True, capture_output=True)
            before = [connection.ask("GET", feed, f"If-None-Match: {etag}") for _ in range(20)]
            samverkan("meeting", "cancel", "--config", "Config/halland.yaml", "--structure", "rug", "--date", "2025-09-11",
                      "--reason", "Krock med länsdagen")
            time.sleep(0.1)
            changed = connection.ask("GET", feed, f"If-None-Match: {etag}")
            new = changed["fields"]["etag"]
            after = [connection.ask("GET", feed, f"If-None-Match: {new}") for _ in range(20)]
            old = connection.ask("GET", feed, f"If-None-Match: {etag}")
            samverkan("feeds", "revoke", "1")
            time.sleep(0.1)
            gone = connection.ask("GET", feed, f"If-None-Match: {new}")
            print(json.dumps({"etag": etag, "before": before, "changed": changed, "after": after, "old": old, "gone": gone}))
            """#, served, token: token)
        let etag = try #require(parsed["etag"] as? String)
        let before = Self.answers(parsed, "before")
        #expect(
            before.count == 20 && before.allSatisfy { $0["status"] as? Int == 304 && ($0["fields"] as? [String: String])?["etag"] == etag })
        let changed = try #require(parsed["changed"] as? [String: Any])
        let fields = try #require(changed["fields"] as? [String: String])
        #expect(changed["status"] as? Int == 200 && fields["etag"] != etag)
        #expect((changed["body"] as? String)?.contains("EXDATE;TZID=Europe/Stockholm:20250911T090000") == true)
        let after = Self.answers(parsed, "after")
        #expect(
            after.count == 20
                && after.allSatisfy { $0["status"] as? Int == 304 && ($0["fields"] as? [String: String])?["etag"] == fields["etag"] })
        #expect((parsed["old"] as? [String: Any])?["status"] as? Int == 200)
        #expect((parsed["gone"] as? [String: Any])?["status"] as? Int == 404)
        let log = try #require(served.stop()).stderr
        #expect(Self.ways(log, status: 304).filter { $0 == "wire" }.count >= 2, "\(log.suffix(2000))")
    }
}
