import Foundation
import Hummingbird
import SamverkanCalendar

/// The header fields of a rendered feed's answers, made once per rendering instead of at every
/// request: the 200 of each representation (plain and gzip, with its `Content-Length`) and the
/// 304 of each (the same validators, no length).
struct FeedHeaders: Sendable {
    /// `Cache-Control` of a feed: as long as its REFRESH-INTERVAL / X-PUBLISHED-TTL.
    static let cacheControl = "private, max-age=\(CalendarExporter.refreshMinutes * 60)"

    /// The strong ETag of the plain body and of the gzip one (`"<digest>-gz"`).
    let plainETag: String
    let gzipETag: String
    let plain: HTTPFields
    let gzip: HTTPFields?
    let plainNotModified: HTTPFields
    let gzipNotModified: HTTPFields

    init(etag: String, lastModified: String, plainLength: Int, gzipLength: Int?) {
        plainETag = etag
        let gzipETag = String(etag.dropLast()) + "-gz\""
        self.gzipETag = gzipETag
        let plainNotModified = Self.fields(etag: etag, lastModified: lastModified)
        let gzipNotModified = Self.fields(etag: gzipETag, lastModified: lastModified)
        self.plainNotModified = plainNotModified
        self.gzipNotModified = gzipNotModified
        var plain = plainNotModified
        plain[.contentLength] = String(plainLength)
        self.plain = plain
        gzip = gzipLength.map { length in
            var gzip = gzipNotModified
            gzip[.contentEncoding] = "gzip"
            gzip[.contentLength] = String(length)
            return gzip
        }
    }

    /// The fields every answer of a representation has.
    static func fields(etag: String, lastModified: String) -> HTTPFields {
        [
            .contentType: "text/calendar; charset=utf-8", .eTag: etag, .lastModified: lastModified,
            .cacheControl: cacheControl, .vary: "Accept-Encoding",
        ]
    }

    /// Whether an `If-None-Match` value names either representation (or `*`); weak tags match
    /// too (weak comparison, RFC 9110 §13.1.2).
    func matches(ifNoneMatch value: String) -> Bool {
        // The common case, a client sending back the one tag it was given, without splitting.
        if value == plainETag || value == gzipETag { return true }
        return value.split(separator: ",").contains { part in
            var tag = part.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == plainETag || tag == gzipETag
        }
    }
}
