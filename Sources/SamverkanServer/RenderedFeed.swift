import CompressNIO
public import Foundation
public import NIOCore

/// One rendered calendar, ready to send: its body (plain and gzip), a strong ETag from the body
/// without DTSTAMP lines, and when that content was first seen. A class: every answer hands it on
/// with one reference count, not one for each of its buffers and header fields.
public final class RenderedFeed: Sendable {
    public let body: ByteBuffer
    public let gzipped: ByteBuffer?
    /// A strong validator: `"<sha-256 prefix>"` of the body without its DTSTAMP lines.
    public let etag: String
    /// When this content was first rendered (kept while the ETag stays the same).
    public let lastModified: Date
    /// ``lastModified`` as an HTTP date, formatted once.
    public let lastModifiedText: String
    /// How long it took to render, in seconds.
    public let renderSeconds: Double
    /// The header fields of its answers, made once.
    let headers: FeedHeaders

    /// Prepares a rendered calendar text for sending.
    /// - Parameter previous: the last rendering of the same selection, whose Last-Modified is
    ///   kept when the content did not change.
    public init(text: String, previous: RenderedFeed?, now: Date, renderSeconds: Double) {
        let body = ByteBuffer(string: text)
        let etag = "\"" + Self.contentDigest(text) + "\""
        self.body = body
        self.etag = etag
        if let previous, previous.etag == etag {
            lastModified = previous.lastModified
        } else {
            lastModified = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        }
        lastModifiedText = HTTPDate.format(lastModified)
        var plain = body
        let gzipped = try? plain.compress(with: .gzip())
        self.gzipped = gzipped
        self.renderSeconds = renderSeconds
        headers = FeedHeaders(
            etag: etag, lastModified: lastModifiedText, plainLength: body.readableBytes, gzipLength: gzipped?.readableBytes)
    }

    /// The digest of a calendar without its DTSTAMP lines (which change at every rendering).
    public static func contentDigest(_ text: String) -> String {
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("DTSTAMP") }
        return String(FeedToken.sha256Hex(lines.joined(separator: "\r\n")).prefix(32))
    }
}
