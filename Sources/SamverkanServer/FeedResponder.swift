import Foundation
public import Hummingbird
public import Logging
import NIOCore
import SamverkanDomain

/// Answers every request: `/feeds/<token>.ics`, `/health`, `/metrics`; anything else 404, a
/// wrong method 405. A token that is unknown, revoked or malformed gets the same 404 as any
/// unknown path. Logs never contain a path, a token or a selection.
public struct FeedResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let service: FeedService
    let metrics: ServerMetrics
    let logger: Logger

    static let notFoundBody = "Not Found\n"

    public init(service: FeedService, metrics: ServerMetrics, logger: Logger) {
        self.service = service
        self.metrics = metrics
        self.logger = logger
    }

    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let path = request.uri.path
        let route: String
        var response: Response
        if path == "/health" {
            route = "health"
            response = try await allowed(request) { await health() }
        } else if path == "/metrics" {
            route = "metrics"
            response = try await allowed(request) {
                text(.ok, metrics.exposition(), type: "text/plain; version=0.0.4; charset=utf-8")
            }
        } else if path.hasPrefix("/feeds/") {
            route = "feed"
            response = try await allowed(request) { await feed(path: path, request: request) }
        } else {
            route = "other"
            response = Self.notFound()
        }
        metrics.count(route: route, status: response.status.code)
        logger.debug(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "route": "\(route)",
                "status": "\(response.status.code)", "way": "responder",
            ])
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// Runs a GET or HEAD; any other method gets 405 with `Allow`.
    func allowed(_ request: Request, _ body: () async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = text(.methodNotAllowed, "Method Not Allowed\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        return try await body()
    }

    /// What a log line says of an error: samverkan's code for it (`db.connection-lost`,
    /// `db.refused`: never the values, which may name a database), else its type.
    static func logged(_ error: any Error) -> String {
        (error as? any SamverkanError)?.code ?? "\(type(of: error))"
    }

    /// A 503 with `Retry-After`: the store is away for now (a restart takes about a minute).
    static func retryLater(_ response: Response) -> Response {
        var response = response
        response.headers[.retryAfter] = "60"
        return response
    }

    static func notFound() -> Response {
        Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: notFoundBody)))
    }

    func text(_ status: HTTPResponse.Status, _ body: String, type: String = "text/plain; charset=utf-8") -> Response {
        Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    func health() async -> Response {
        do {
            let (schema, revision) = try await service.health()
            return text(.ok, "{\"status\":\"ok\",\"schema\":\"\(schema)\",\"revision\":\(revision)}\n", type: "application/json")
        } catch {
            logger.error("store unreachable", metadata: ["error": "\(Self.logged(error))"])
            return Self.retryLater(text(.serviceUnavailable, "{\"status\":\"unavailable\"}\n", type: "application/json"))
        }
    }

    /// `/feeds/<token>.ics`: the calendar, or 304 when the client has it, or 404.
    func feed(path: String, request: Request) async -> Response {
        let name = path.dropFirst("/feeds/".count)
        guard name.hasSuffix(".ics"), let token = FeedToken(name.dropLast(4)) else { return Self.notFound() }
        let rendered: RenderedFeed
        do {
            guard let found = try await service.feed(for: token) else {
                logger.info("feed not found", metadata: ["token": "\(token.logPrefix)"])
                return Self.notFound()
            }
            rendered = found
        } catch {
            logger.error("feed unavailable", metadata: ["token": "\(token.logPrefix)", "error": "\(Self.logged(error))"])
            return Self.retryLater(text(.serviceUnavailable, "Service Unavailable\n"))
        }
        return ConditionalResponse(feed: rendered, headers: request.headers).response()
    }
}
