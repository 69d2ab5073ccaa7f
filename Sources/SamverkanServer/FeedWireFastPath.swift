import Foundation
import HTTPTypes
import Logging
import NIOCore

/// The hottest path of a refresh storm: a GET or HEAD of a feed answered moments ago (within
/// ``FeedService/recheck``) is answered from the request's bytes — `304 Not Modified` or the
/// calendar — with the answer's head made once a second, before NIO's HTTP decoder, the
/// conversion to HTTP types and ``FeedFastPath``. The bytes are those the full way writes (the
/// same fields in the same order, the same `Date` and `Server`, the same body), and the answer is
/// counted in the same metrics. Everything else goes on to the decoder exactly as it came.
///
/// One handler per connection, before the HTTP codec (``FeedFastPath`` puts it there). It frames
/// every request it hands on (its head and its `Content-Length` body), so it knows when the
/// decoder is between requests; it answers only while ``FeedFastPath`` has no request waiting
/// for the async responder, so answers never overtake each other. From the first bytes it does
/// not vouch for (``WireRequest/Reading/foreign``) on, all of the connection's bytes go straight
/// to the decoder.
final class FeedWireFastPath: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Where the connection's bytes are, request-wise.
    enum Framing {
        /// The next byte starts a request.
        case requestStart
        /// This many bytes of a body handed on are still to come.
        case body(Int)
        /// Everything goes to the decoder.
        case passThrough
    }

    let fastPath: FeedFastPath
    private var framing = Framing.requestStart
    /// The start of a request not yet whole (held back: the decoder could do nothing with it yet).
    private var pending: ByteBuffer?
    /// The target this connection asked for last and its feed, until the service's time for it is up.
    private var last: (target: [UInt8], feed: RenderedFeed, until: ContinuousClock.Instant)?
    /// The answer heads of a feed made in a second (since 1970): 200 plain, 200 gzip, 304 plain,
    /// 304 gzip.
    private var made: (feed: RenderedFeed?, second: Int, heads: [ByteBuffer?]) = (nil, 0, [nil, nil, nil, nil])
    /// The counters of a feed's 304 and 200, fetched with the first of each.
    private var notModifiedCounters: ServerMetrics.RequestCounters?
    private var fullCounters: ServerMetrics.RequestCounters?

    init(fastPath: FeedFastPath) {
        self.fastPath = fastPath
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .passThrough = framing { return context.fireChannelRead(data) }
        var buffer = unwrapInboundIn(data)
        if var earlier = pending {
            pending = nil
            earlier.writeBuffer(&buffer)
            buffer = earlier
        }
        var answered = false
        reading: while buffer.readableBytes > 0 {
            if case .body(let remaining) = framing {
                let length = min(remaining, buffer.readableBytes)
                context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: length)!))
                framing = length == remaining ? .requestStart : .body(remaining - length)
                continue
            }
            switch buffer.withUnsafeReadableBytes({ WireRequest.read($0) }) {
            case .incomplete:
                pending = buffer
                break reading
            case .foreign:
                framing = .passThrough
                context.fireChannelRead(wrapInboundOut(buffer))
                break reading
            case .request(let request):
                // A client that does not read its answers (the socket's buffer is full) gets them
                // the full way, whose writer waits, and so its requests stop being read.
                if context.channel.isWritable, let (head, body) = answer(request, in: buffer, allocator: context.channel.allocator) {
                    buffer.moveReaderIndex(forwardBy: request.headLength)
                    context.write(wrapOutboundOut(head), promise: nil)
                    if let body { context.write(wrapOutboundOut(body), promise: nil) }
                    answered = true
                } else {
                    context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: request.headLength)!))
                    if let length = request.contentLength, length > 0 { framing = .body(length) }
                }
            }
        }
        if answered { context.flush() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        handOnPending(context)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { handOnPending(context) }
        context.fireUserInboundEventTriggered(event)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        handOnPending(context)
    }

    /// Gives the decoder a request start held back, when no more bytes will follow it here.
    func handOnPending(_ context: ChannelHandlerContext) {
        framing = .passThrough
        guard let bytes = pending else { return }
        pending = nil
        context.fireChannelRead(wrapInboundOut(bytes))
    }

    /// The head and body answering a request at the start of `buffer` (``ConditionalResponse``'s
    /// answer: 304, or 200 with the representation the client accepts), nil when it is not
    /// answered here.
    func answer(_ request: WireRequest, in buffer: ByteBuffer, allocator: ByteBufferAllocator) -> (ByteBuffer, ByteBuffer?)? {
        guard request.method != .other, request.contentLength == nil, !request.hasConnection, !request.repeated,
            fastPath.waiting == 0, let feed = recentFeed(request.target, in: buffer)
        else { return nil }
        let headers = feed.headers
        // The common case, a client sending back the one tag it was given, makes no string.
        let sameTag =
            request.ifNoneMatch.map { range in
                buffer.withUnsafeReadableBytes { bytes in
                    bytes[range].elementsEqual(headers.plainETag.utf8) || bytes[range].elementsEqual(headers.gzipETag.utf8)
                }
            } ?? false
        let conditional = ConditionalResponse(
            feed: feed, ifNoneMatch: sameTag ? nil : Self.text(request.ifNoneMatch, in: buffer),
            ifModifiedSince: request.ifNoneMatch == nil ? Self.text(request.ifModifiedSince, in: buffer) : nil,
            acceptEncoding: Self.text(request.acceptEncoding, in: buffer))
        let notModified = sameTag || conditional.notModified
        let gzip = conditional.servesGzip
        let status = notModified ? 304 : 200
        if notModified {
            if notModifiedCounters == nil { notModifiedCounters = fastPath.metrics.counters(route: "feed", status: 304) }
            notModifiedCounters?.increment()
        } else {
            if fullCounters == nil { fullCounters = fastPath.metrics.counters(route: "feed", status: 200) }
            fullCounters?.increment()
        }
        fastPath.logger.debug(
            "request",
            metadata: ["method": "\(request.method == .head ? "HEAD" : "GET")", "route": "feed", "status": "\(status)", "way": "wire"])
        let head = head(feed, notModified: notModified, gzip: gzip, allocator: allocator)
        guard !notModified, request.method == .get else { return (head, nil) }
        return (head, gzip ? feed.gzipped : feed.body)
    }

    /// The text of a field value read (ASCII: ``WireRequest`` takes no other bytes).
    static func text(_ range: Range<Int>?, in buffer: ByteBuffer) -> String? {
        range.flatMap { buffer.getString(at: buffer.readerIndex + $0.lowerBound, length: $0.count) }
    }

    /// The feed of a request target answered moments ago: this connection's last one while its
    /// time is not up, else the service's.
    func recentFeed(_ target: Range<Int>, in buffer: ByteBuffer) -> RenderedFeed? {
        let now = ContinuousClock.now
        if let last, now < last.until,
            buffer.withUnsafeReadableBytes({ bytes in bytes[target].elementsEqual(last.target) })
        {
            return last.feed
        }
        let prefix = "/feeds/".utf8.count
        let suffix = ".ics".utf8.count
        guard target.count > prefix + suffix,
            let path = buffer.getString(at: buffer.readerIndex + target.lowerBound, length: target.count),
            path.hasPrefix("/feeds/"), path.hasSuffix(".ics"),
            let (feed, until) = fastPath.service.recentFeed(named: path.dropFirst(prefix).dropLast(suffix))
        else { return nil }
        last = (Array(path.utf8), feed, until)
        return feed
    }

    /// The bytes of a feed's answer head as the full way writes them (NIO's encoder of
    /// Hummingbird's response: the status line, the representation's fields, `Date`, `Server`),
    /// made once a second for each status and representation.
    func head(_ feed: RenderedFeed, notModified: Bool, gzip: Bool, allocator: ByteBufferAllocator) -> ByteBuffer {
        let second = Int(Date().timeIntervalSince1970)
        if made.feed !== feed || made.second != second { made = (feed, second, [nil, nil, nil, nil]) }
        let slot = (notModified ? 2 : 0) + (gzip ? 1 : 0)
        if let known = made.heads[slot] { return known }
        let headers = feed.headers
        let fields =
            notModified
            ? (gzip ? headers.gzipNotModified : headers.plainNotModified) : (gzip ? headers.gzip ?? headers.plain : headers.plain)
        var head = allocator.buffer(capacity: 384)
        head.writeStaticString(notModified ? "HTTP/1.1 304 Not Modified\r\n" : "HTTP/1.1 200 OK\r\n")
        for field in fields {
            head.writeString("\(field.name.rawName): \(field.value)\r\n")
        }
        head.writeString("Date: \(fastPath.service.httpDate())\r\nServer: \(fastPath.serverName)\r\n\r\n")
        made.heads[slot] = head
        return head
    }
}
