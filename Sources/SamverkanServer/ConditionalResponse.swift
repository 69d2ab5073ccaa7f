import Foundation
import Hummingbird
import NIOCore

/// The answer to a GET or HEAD of a rendered feed: 304 when `If-None-Match` (or, without it,
/// `If-Modified-Since`) shows the client has this content, else 200, gzip when the client accepts it.
struct ConditionalResponse {
    let feed: RenderedFeed
    /// The request's `If-None-Match`, `If-Modified-Since` and `Accept-Encoding` (each field's
    /// values joined, as `HTTPFields` gives them).
    let ifNoneMatch: String?
    let ifModifiedSince: String?
    let acceptEncoding: String?

    init(feed: RenderedFeed, ifNoneMatch: String?, ifModifiedSince: String?, acceptEncoding: String?) {
        self.feed = feed
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
        self.acceptEncoding = acceptEncoding
    }

    /// The answer to a request with these header fields.
    init(feed: RenderedFeed, headers: HTTPFields) {
        self.init(
            feed: feed, ifNoneMatch: headers[.ifNoneMatch], ifModifiedSince: headers[.ifModifiedSince],
            acceptEncoding: headers[.acceptEncoding])
    }

    /// Whether the client accepts gzip (`Accept-Encoding: gzip`, not `gzip;q=0`).
    var acceptsGzip: Bool {
        guard let header = acceptEncoding else { return false }
        return header.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard pieces.first == "gzip" || pieces.first == "x-gzip" else { return false }
            guard let quality = pieces.dropFirst().first(where: { $0.hasPrefix("q=") }) else { return true }
            return (Double(quality.dropFirst(2)) ?? 0) > 0
        }
    }

    /// Whether the request's validators match this content (either representation).
    var notModified: Bool {
        if let match = ifNoneMatch { return feed.headers.matches(ifNoneMatch: match) }
        if let since = ifModifiedSince, let date = HTTPDate.parse(since) {
            return feed.lastModified <= date
        }
        return false
    }

    /// The answer's status, header fields (as made with the rendering: a 304 builds no new ones)
    /// and body (none for a 304).
    func answer() -> (status: HTTPResponse.Status, fields: HTTPFields, body: ByteBuffer?) {
        let headers = feed.headers
        let gzip = servesGzip
        if notModified { return (.notModified, gzip ? headers.gzipNotModified : headers.plainNotModified, nil) }
        if gzip, let body = feed.gzipped, let fields = headers.gzip { return (.ok, fields, body) }
        return (.ok, headers.plain, feed.body)
    }

    /// Whether the answer is the gzip representation: the client accepts it and the feed has one.
    var servesGzip: Bool { acceptsGzip && feed.gzipped != nil && feed.headers.gzip != nil }

    /// ``answer()`` as Hummingbird's response.
    func response() -> Response {
        let (status, fields, body) = answer()
        guard let body else {
            // Made with fields that have a length (else an empty body adds `Content-Length: 0`),
            // then given the 304's, which tell none.
            var response = Response(status: status, headers: feed.headers.plain)
            response.headers = fields
            return response
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func format(_ date: Date) -> String { formatter().string(from: date) }

    static func parse(_ text: String) -> Date? { formatter().date(from: text.trimmingCharacters(in: .whitespaces)) }
}
