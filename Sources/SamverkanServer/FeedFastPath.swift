import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// The hot path of a refresh storm: a GET or HEAD of a feed answered within the last
/// ``FeedService/recheck`` is answered again right here, on the connection's event loop, before
/// the request reaches Hummingbird's async responder. Everything else — the first request of a
/// feed, a stale one, other paths, other methods, `Connection` requests — goes on to
/// ``FeedResponder`` as before. The answer is the same (``ConditionalResponse``, the same `Date`
/// and `Server` fields Hummingbird adds), and it is counted in the same metrics.
///
/// One handler per connection (it sits after the HTTP codec). It answers only while no request
/// passed on is still waiting for its answer, so answers never overtake each other.
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
    private var waiting = 0
    /// Whether the request being read was answered here (its body parts are dropped).
    private var answeredHere = false

    init(service: FeedService, metrics: ServerMetrics, logger: Logger, serverName: String) {
        self.service = service
        self.metrics = metrics
        self.logger = logger
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if waiting == 0, let (head, body) = answer(request) {
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
            let path = request.path, path.hasPrefix("/feeds/"), path.hasSuffix(".ics"),
            let feed = service.recentFeed(named: path.dropFirst("/feeds/".count).dropLast(".ics".count))
        else { return nil }
        let (status, fields, body) = ConditionalResponse(feed: feed, headers: request.headerFields).answer()
        var head = HTTPResponse(status: status, headerFields: fields)
        head.headerFields[.date] = service.httpDate()
        head.headerFields[.server] = serverName
        metrics.count(route: "feed", status: status.code)
        logger.debug(
            "request", metadata: ["method": "\(request.method.rawValue)", "route": "feed", "status": "\(status.code)"])
        return (head, request.method == .head ? nil : body)
    }
}
