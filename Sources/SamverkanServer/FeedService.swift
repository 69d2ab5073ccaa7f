public import Foundation
public import SamverkanCalendar
public import SamverkanDomain
public import SamverkanStore
public import SamverkanTime
public import Logging
import NIOCore
import SamverkanICal

/// Finds a feed by its token and renders its calendar from the meeting register, caching each
/// selection's rendering per (window, register revision): a refresh storm renders once.
public actor FeedService {
    /// The rolling window: months back from today and ahead of it.
    public struct Window: Sendable {
        public var monthsBack: Int
        public var monthsAhead: Int

        public init(monthsBack: Int = 3, monthsAhead: Int = 12) {
            self.monthsBack = monthsBack
            self.monthsAhead = monthsAhead
        }
    }

    struct Key: Equatable {
        var from: LocalDate
        var through: LocalDate
        var revision: Int64
        var generation: Int
    }

    let configuration: RegionConfiguration
    let texts: CalendarTexts
    var store: StoreHandle
    let window: Window
    let today: @Sendable () -> LocalDate
    let metrics: ServerMetrics
    let logger: Logger
    var cache: [FeedSelection: (key: Key, feed: RenderedFeed)] = [:]

    /// - Parameter today: the current day in the region (Stockholm), asked at every request.
    public init(configuration: RegionConfiguration, texts: CalendarTexts, store: StoreHandle, window: Window,
                today: @escaping @Sendable () -> LocalDate, metrics: ServerMetrics, logger: Logger) {
        self.configuration = configuration
        self.texts = texts
        self.store = store
        self.window = window
        self.today = today
        self.metrics = metrics
        self.logger = logger
    }

    /// The window of today's feeds.
    public func currentWindow() -> (from: LocalDate, through: LocalDate) {
        let day = today()
        return (FeedRenderer.date(day, addingMonths: -window.monthsBack), FeedRenderer.date(day, addingMonths: window.monthsAhead))
    }

    /// The rendered calendar of an active feed, nil for a token no active feed has (unknown,
    /// revoked, or a selection the configuration no longer holds).
    /// - Throws: store errors (the caller answers 503).
    public func feed(for token: FeedToken) throws -> RenderedFeed? {
        let database = try store.current()
        guard let stored = try database.activeFeed(tokenHash: token.hash) else { return nil }
        let selection: FeedSelection
        do { selection = try FeedSelection(kind: stored.selectionKind, value: stored.selectionValue) } catch { return nil }
        let (from, through) = currentWindow()
        var key = Key(from: from, through: through, revision: try database.registerRevision(), generation: store.generation)
        if let cached = cache[selection], cached.key == key { return cached.feed }
        let started = ContinuousClock.now
        try FeedRenderer(configuration: configuration, texts: texts, database: database, now: 0)
            .refreshRegister(through: FeedRenderer.registerHorizon(today: today(), atLeast: through), now: Self.timestamp())
        key.revision = try database.registerRevision()
        if let cached = cache[selection], cached.key == key { return cached.feed }
        let renderer = FeedRenderer(configuration: configuration, texts: texts, database: database,
                                    now: Int(Date().timeIntervalSince1970))
        let text: String
        do {
            text = try renderer.feed(selection, from: from, through: through).serialized()
        } catch let error as FeedError {
            logger.warning("feed selection no longer resolves", metadata: ["feed": "\(stored.id)", "code": "\(error.code)"])
            return nil
        } catch let error as LookupError {
            logger.warning("feed selection no longer resolves", metadata: ["feed": "\(stored.id)", "code": "\(error.code)"])
            return nil
        }
        let elapsed = ContinuousClock.now - started
        metrics.recordRender(elapsed)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rendered = RenderedFeed(text: text, previous: cache[selection]?.feed, now: Date(), renderSeconds: seconds)
        cache[selection] = (key, rendered)
        logger.info("feed rendered", metadata: ["feed": "\(stored.id)", "revision": "\(key.revision)",
                                                "bytes": "\(rendered.body.readableBytes)", "ms": "\(Int(seconds * 1000))"])
        return rendered
    }

    /// The store's schema version and register revision, for `/health`.
    public func health() throws -> (schema: String, revision: Int64) {
        let database = try store.current()
        return (try database.schemaVersion(), try database.registerRevision())
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
