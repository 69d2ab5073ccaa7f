import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// The hot path of a refresh storm: a GET or HEAD of a feed answered within the last
/// ``FeedService/recheck`` is answered again right here, on the connection's event loop, before
/// the request reaches Hummingbird's async responder. Everything else — the first request of a
/// feed, a stale one, other paths, other methods, `Connection` requests — goes on to
/// ``FeedResponder`` as before. The answer is the same (``ConditionalResponse``, the same `Date`
/// and `Server` fields Hummingbird adds), and it is counted in the same metrics.
///
/// One handler per connection (it sits after the HTTP codec). It answers only while no request
/// passed on is still waiting for its answer, so answers never overtake each other. Added to a
/// connection, it puts a ``FeedWireFastPath`` before the HTTP codec, which answers most of
/// these requests from their bytes (this handler answers those it hands on).
final class FeedFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let service: FeedService
    let metrics: ServerMetrics
    let logger: Logger
    let serverName: String
    /// Requests passed on whose answer has not ended yet.
    private(set) var waiting = 0
    /// Whether the request being read was answered here (its body parts are dropped).
    private var answeredHere = false
    /// The feed this connection asked for last, given again until the service's own time for it
    /// is up (a client refreshing asks for the same feed on the same connection).
    private var lastFeed: (path: String, feed: RenderedFeed, until: ContinuousClock.Instant)?
    /// The answers' heads made for ``lastFeed`` in the current second (their `Date`), by status
    /// and representation: the same answer again costs no new header fields.
    private var heads: (feed: RenderedFeed?, second: Int, made: [HeadKey: HTTPResponse]) = (nil, 0, [:])

    /// An answer's status and representation (each has its own ETag).
    struct HeadKey: Hashable {
        var status: Int
        var etag: String
    }

    init(service: FeedService, metrics: ServerMetrics, logger: Logger, serverName: String) {
        self.service = service
        self.metrics = metrics
        self.logger = logger
        self.serverName = serverName
    }

    /// Puts the connection's ``FeedWireFastPath`` before NIO's HTTP response encoder (and so
    /// before the request decoder that follows it), where the connection's bytes come in first.
    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        guard let encoder = try? pipeline.handler(type: HTTPResponseEncoder.self) else {
            logger.warning("no HTTP/1 encoder in the pipeline: feeds go the longer way")
            return
        }
        do {
            try pipeline.addHandler(FeedWireFastPath(fastPath: self), position: .before(encoder))
        } catch {
            logger.warning("feeds go the longer way", metadata: ["error": "\(type(of: error))"])
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if waiting == 0, context.channel.isWritable, let (head, body) = answer(request) {
                answeredHere = true
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            waiting += 1
        case .body:
            if answeredHere { return }
        case .end:
            if answeredHere {
                answeredHere = false
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), waiting > 0 { waiting -= 1 }
        context.write(data, promise: promise)
    }

    /// The answer to a request of a feed answered moments ago, nil for anything else.
    func answer(_ request: HTTPRequest) -> (HTTPResponse, ByteBuffer?)? {
        guard request.method == .get || request.method == .head, request.headerFields[.connection] == nil,
            let path = request.path, let feed = recentFeed(path)
        else { return nil }
        let (status, fields, body) = ConditionalResponse(feed: feed, headers: request.headerFields).answer()
        let head = head(status, fields, feed: feed)
        metrics.count(route: "feed", status: status.code)
        logger.debug(
            "request",
            metadata: ["method": "\(request.method.rawValue)", "route": "feed", "status": "\(status.code)", "way": "event-loop"])
        return (head, request.method == .head ? nil : body)
    }

    /// The feed of a path answered moments ago: this connection's last one while its time is not
    /// up, else the service's.
    func recentFeed(_ path: String) -> RenderedFeed? {
        if let last = lastFeed, last.path == path, ContinuousClock.now < last.until { return last.feed }
        guard path.hasPrefix("/feeds/"), path.hasSuffix(".ics"),
            let (feed, until) = service.recentFeed(named: path.dropFirst("/feeds/".count).dropLast(".ics".count))
        else { return nil }
        lastFeed = (path, feed, until)
        return feed
    }

    /// The head of an answer with the `Date` and `Server` fields Hummingbird adds, made once a
    /// second for each status and representation of a feed.
    func head(_ status: HTTPResponse.Status, _ fields: HTTPFields, feed: RenderedFeed) -> HTTPResponse {
        let second = Int(Date().timeIntervalSince1970)
        let key = HeadKey(status: status.code, etag: fields[.eTag] ?? "")
        if heads.feed !== feed || heads.second != second {
            heads = (feed, second, [:])
        } else if let made = heads.made[key] {
            return made
        }
        var head = HTTPResponse(status: status, headerFields: fields)
        head.headerFields[.date] = service.httpDate()
        head.headerFields[.server] = serverName
        heads.made[key] = head
        return head
    }
}
