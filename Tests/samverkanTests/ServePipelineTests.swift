import Foundation
import SamverkanTestSupport
import Testing

/// Feeds asked again within moments are answered on the connection's event loop (the server's
/// fast path); everything else by the async responder. Eight requests sent in one write on one
/// connection (HTTP/1.1 pipelining) mix both: the answers come back in order, and a feed answered
/// the fast way is byte for byte the answer of the full way (but for `Date`).
@Suite("samverkan serve: pipelined requests, fast and full answers alike")
struct ServePipelineTests {
    /// Sends the requests in one write and reads the answers in order (HEAD and 304 have no body).
    static let client = #"""
        import gzip, json, socket, sys
        port, token = int(sys.argv[1]), sys.argv[2]
        feed = f"/feeds/{token}.ics"
        def request(method, path, *headers):
            return (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode()
        warm = socket.create_connection(("127.0.0.1", port))
        warm.sendall(request("GET", feed))
        first = b""
        while b"END:VCALENDAR" not in first:
            first += warm.recv(65536)
        warm_fields = {k.lower(): v for k, v in (l.split(": ", 1) for l in first.split(b"\r\n\r\n")[0].decode().split("\r\n")[1:])}
        warm_fields.pop("date", None)
        etag = warm_fields["etag"]
        plan = [("GET", feed, ()), ("GET", feed, (f"If-None-Match: {etag}",)),
                ("GET", feed, ("Accept-Encoding: gzip", "If-None-Match: " + etag[:-1] + '-gz"')), ("HEAD", feed, ()),
                ("GET", "/health", ()), ("GET", feed, ("Accept-Encoding: gzip",)), ("POST", feed, ("Content-Length: 2",)),
                ("GET", feed, ())]
        wire = b"".join(request(m, p, *h) + (b"{}" if m == "POST" else b"") for m, p, h in plan)
        warm.sendall(wire)
        stream, answers = b"", []
        warm.settimeout(20)
        for method, path, _ in plan:
            while b"\r\n\r\n" not in stream:
                stream += warm.recv(65536)
            head, stream = stream.split(b"\r\n\r\n", 1)
            lines = head.decode().split("\r\n")
            status = int(lines[0].split()[1])
            fields = {k.lower(): v for k, v in (l.split(": ", 1) for l in lines[1:])}
            length = 0 if method == "HEAD" or status == 304 else int(fields.get("content-length", "0"))
            while len(stream) < length:
                stream += warm.recv(65536)
            body, stream = stream[:length], stream[length:]
            if fields.get("content-encoding") == "gzip":
                body = gzip.decompress(body)
            fields.pop("date", None)
            answers.append({"status": status, "fields": fields, "body": body.decode("utf-8", "replace")})
        print(json.dumps({"etag": etag, "warm": warm_fields, "answers": answers}))
        """#

    @Test("Eight pipelined requests: answered in order; fast answers equal full ones; HEAD, 304, gzip, 405 alike")
    func pipelined() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        let full = try served.curl("/feeds/\(token).ics")
        let result = try CLIRunner.runPython(Self.client, [String(served.port), token])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let answers = try #require(parsed["answers"] as? [[String: Any]])
        try #require(answers.count == 8)
        #expect(answers.map { $0["status"] as? Int } == [200, 304, 304, 200, 200, 200, 405, 200])
        let fields = answers.map { $0["fields"] as? [String: String] ?? [:] }
        let bodies = answers.map { $0["body"] as? String ?? "" }
        // The warm-up was answered the full way (the server had not answered this feed within the
        // last moments); the pipelined ones right after it the fast way.
        #expect(fields[0] == parsed["warm"] as? [String: String] && fields[0] == fields[7])
        #expect(fields[0]["server"] == "samverkan" && fields[0]["content-type"] == "text/calendar; charset=utf-8")
        #expect(ServeEndToEndTests.lines(bodies[0]) == ServeEndToEndTests.lines(full.text))
        #expect(bodies[7] == bodies[0])
        #expect(fields[1]["etag"] == fields[0]["etag"] && fields[1]["content-length"] == nil && bodies[1].isEmpty)
        // A 304 of the gzip representation right after one of the plain: each with its own ETag.
        #expect(fields[2]["etag"] == fields[5]["etag"] && fields[2]["etag"] != fields[1]["etag"] && bodies[2].isEmpty)
        #expect(fields[3] == fields[0], "HEAD: the GET's fields, no body")
        #expect(bodies[4].contains("\"status\":\"ok\""))
        #expect(fields[5]["content-encoding"] == "gzip" && bodies[5] == bodies[0])
        #expect(fields[6]["allow"] == "GET, HEAD")
        // Every answer counted, whichever way it went: curl, the warm-up and 4 full feeds; 2 not modified.
        let metrics = try served.curl("/metrics").text
        #expect(metrics.contains("samverkan_feed_not_modified_total 2") && metrics.contains("samverkan_feed_full_total 6"), "\(metrics)")
        #expect(served.stop()?.status == 0)
    }
}
