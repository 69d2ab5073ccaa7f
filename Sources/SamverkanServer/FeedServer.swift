import Foundation
import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
public import SamverkanCalendar
public import SamverkanDomain
import SamverkanStore
public import SamverkanTime
import ServiceLifecycle
import UnixSignals

/// `samverkan serve`: the HTTP server of subscription feeds, `/health` and `/metrics`, on
/// Hummingbird, stopped gracefully by SIGTERM or SIGINT (swift-service-lifecycle).
public struct FeedServer: Sendable {
    public var host: String
    public var port: Int
    public var window: FeedService.Window
    public let configuration: RegionConfiguration
    public let texts: CalendarTexts
    public let store: FeedStoreSource
    public let today: @Sendable () -> LocalDate
    public var logger: Logger

    public init(
        host: String, port: Int, window: FeedService.Window, configuration: RegionConfiguration,
        texts: CalendarTexts, store: FeedStoreSource, today: @escaping @Sendable () -> LocalDate, logger: Logger
    ) {
        self.host = host
        self.port = port
        self.window = window
        self.configuration = configuration
        self.texts = texts
        self.store = store
        self.today = today
        self.logger = logger
    }

    /// The `Server` field of every answer.
    static let serverName = "samverkan"

    /// Runs until SIGTERM or SIGINT, then finishes the requests in flight and returns.
    /// - Parameter onListening: called with the port once the server accepts connections
    ///   (the port the system chose when `port` is 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let metrics = ServerMetrics()
        let service = FeedService(
            configuration: configuration, texts: texts, store: store, window: window,
            today: today, metrics: metrics, logger: logger)
        let responder = FeedResponder(service: service, metrics: metrics, logger: logger)
        let configured = port
        let app = Application(
            responder: responder,
            server: .http1(
                configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [
                    FeedFastPath(service: service, metrics: metrics, logger: logger, serverName: Self.serverName)
                ])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: Self.serverName),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? configured) },
            logger: logger
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as IOError {
            // Binding failed: the port is taken, or the address is not this machine's.
            throw FeedError("serve.cannot-listen", ["address": "\(host):\(port)", "detail": error.description])
        }
        if case .shared(let pool) = store { await pool.close() }
        logger.info("server stopped")
    }
}
