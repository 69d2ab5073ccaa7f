import Testing

@testable import SamverkanServer

/// The reading of request heads off the wire that the server's 304 fast path relies on: where a
/// request ends, its body's length, and refusing (handing to NIO's decoder) whatever it does not
/// vouch for.
@Suite("Request heads read off the wire")
struct WireRequestTests {
    static let feed = "/feeds/k6dd3wpru5zosradp4kngy2kvp75hioq.ics"
    static let etag = "\"0123456789abcdef0123456789abcdef\""
    /// What `wrk -H "If-None-Match: …"` sends.
    static let conditional = "GET \(feed) HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nIf-None-Match: \(etag)\r\n\r\n"

    static func read(_ text: String) -> WireRequest.Reading {
        Array(text.utf8).withUnsafeBytes { WireRequest.read($0) }
    }

    static func request(_ text: String) -> WireRequest? {
        guard case .request(let request) = read(text) else { return nil }
        return request
    }

    static func text(_ range: Range<Int>?, in text: String) -> String? {
        range.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
    }

    @Test("A conditional GET: its target, its If-None-Match, its length; no body")
    func conditionalGet() throws {
        let request = try #require(Self.request(Self.conditional))
        #expect(request.method == .get)
        #expect(Self.text(request.target, in: Self.conditional) == Self.feed)
        #expect(Self.text(request.ifNoneMatch, in: Self.conditional) == Self.etag)
        #expect(request.headLength == Self.conditional.utf8.count)
        #expect(request.contentLength == nil && request.ifModifiedSince == nil && request.acceptEncoding == nil)
        #expect(!request.hasConnection && !request.repeated)
    }

    @Test("Every part of a request split anywhere is incomplete; two in a row end where the first ends")
    func splitAndPipelined() throws {
        let bytes = Array(Self.conditional.utf8)
        for cut in 0..<bytes.count {
            let reading = Array(bytes[..<cut]).withUnsafeBytes { WireRequest.read($0) }
            #expect(reading == .incomplete, "cut at \(cut)")
        }
        let two = Self.conditional + "HEAD / HTTP/1.1\r\n\r\n"
        #expect(try #require(Self.request(two)).headLength == bytes.count)
        #expect(Self.request("HEAD / HTTP/1.1\r\n\r\n")?.method == .head)
    }

    @Test("Field names in any case, spaces around values, a body's length, repeated validators")
    func fields() throws {
        let text =
            "POST /feeds/x.ics?a=1 HTTP/1.1\r\nif-none-match:  W/\"a\" , \"b\"\t\r\nACCEPT-ENCODING: gzip\r\n"
            + "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0012\r\nConnection: Keep-Alive\r\n\r\n"
        let request = try #require(Self.request(text))
        #expect(request.method == .other)
        #expect(Self.text(request.target, in: text) == "/feeds/x.ics?a=1")
        #expect(Self.text(request.ifNoneMatch, in: text) == "W/\"a\" , \"b\"")
        #expect(Self.text(request.acceptEncoding, in: text) == "gzip")
        #expect(Self.text(request.ifModifiedSince, in: text) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(request.contentLength == 12 && request.hasConnection && !request.repeated)
        let twice = "GET / HTTP/1.1\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\n\r\n"
        #expect(Self.request(twice)?.repeated == true)
    }

    @Test(
        "What the decoder is to judge is foreign: other versions, framings, odd bytes, unknown methods",
        arguments: [
            "GET / HTTP/1.0\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "GET /\r\n\r\n", "get / HTTP/1.1\r\n\r\n", "FOO / HTTP/1.1\r\n\r\n",
            "CONNECT host:443 HTTP/1.1\r\n\r\n", "GET x HTTP/1.1\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET /a#b HTTP/1.1\r\n\r\n",
            "GET /\"a\" HTTP/1.1\r\n\r\n", "\r\nGET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\nHost: a\n\n", "GET / HTTP/1.1\r\nHost: a\n\r\n",
            "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", "GET / HTTP/1.1\r\n: a\r\n\r\n",
            "GET / HTTP/1.1\r\nNo-Colon\r\n\r\n", "GET / HTTP/1.1\r\nX: a\u{7F}\r\n\r\n", "GET / HTTP/1.1\r\nX: å\r\n\r\n",
            "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n", "POST / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
            "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "GET / HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 1234567890\r\n\r\n",
            "\u{16}\u{03}\u{01}",
        ])
    func foreign(_ text: String) {
        #expect(Self.read(text) == .foreign)
    }

    @Test("A head longer than read here, or with too many fields, is foreign once that shows")
    func limits() {
        let long = "GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: WireRequest.maximumHead)
        #expect(Self.read(long) == .foreign)
        #expect(Self.read(String(long.prefix(WireRequest.maximumHead - 10))) == .incomplete)
        let many = (0..<(WireRequest.maximumFields + 1)).map { "X-\($0): a\r\n" }.joined()
        #expect(Self.read("GET / HTTP/1.1\r\n\(many)\r\n") == .foreign)
        #expect(Self.request("GET / HTTP/1.1\r\n\(many.dropFirst("X-0: a\r\n".count))\r\n") != nil)
    }
}
