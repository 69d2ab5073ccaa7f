import Foundation
public import Logging
import NIOConcurrencyHelpers
import NIOCore
public import SamverkanCalendar
public import SamverkanDomain
import SamverkanICal
import SamverkanStore
public import SamverkanTime

/// Finds a feed by its token and renders its calendar from the meeting register, caching each
/// selection's rendering per (window, register revision, store file): a refresh storm renders once.
///
/// Requests run concurrently: the per-request reads (the feed by its token's hash and the register's
/// revision, one read transaction) go to SQLite's WAL readers; only a cache miss takes the render
/// lock, and whoever waited for it finds the fresh rendering in the cache.
public final class FeedService: Sendable {
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
    let window: Window
    let today: @Sendable () -> LocalDate
    let metrics: ServerMetrics
    let logger: Logger
    let store: NIOLockedValueBox<StoreHandle>
    let cache = NIOLockedValueBox<[FeedSelection: (key: Key, feed: RenderedFeed)]>([:])
    /// Held while a feed renders (one rendering at a time).
    let renderLock = NIOLock()
    /// What was last read from the store, valid while its files are unchanged (and for a second at most).
    let validated = NIOLockedValueBox<Validated?>(nil)
    /// The window last computed, and the second (since 1970) it was computed in.
    let windowOfSecond = NIOLockedValueBox<(second: Int, from: LocalDate, through: LocalDate)?>(nil)
    /// The `Date` field of the second (since 1970) it was made in.
    let dateOfSecond = NIOLockedValueBox<(second: Int, text: String)?>(nil)
    /// The feeds answered within the last ``recheck``, by token, and the store file's generation
    /// they came from.
    let recent = NIOLockedValueBox<(generation: Int, feeds: [String: Recent])>((0, [:]))

    /// How long an answer is given again without asking the store's files: a write shows in
    /// its feed this much later at most (and a file that went away, unless `/health` noticed).
    static let recheck: Duration = .milliseconds(25)

    /// A feed answered, and until when it is given again as it is.
    struct Recent {
        var feed: RenderedFeed
        var until: ContinuousClock.Instant
    }

    /// The register's revision and the active feeds found since, by token, for one store fingerprint.
    struct Validated {
        var fingerprint: StoreFingerprint
        var generation: Int
        var at: ContinuousClock.Instant
        var revision: Int64
        var feeds: [String: SubscriptionFeed] = [:]
    }

    /// - Parameter today: the current day in the region (Stockholm), asked at every request.
    public init(
        configuration: RegionConfiguration, texts: CalendarTexts, store: StoreHandle, window: Window,
        today: @escaping @Sendable () -> LocalDate, metrics: ServerMetrics, logger: Logger
    ) {
        self.configuration = configuration
        self.texts = texts
        self.store = NIOLockedValueBox(store)
        self.window = window
        self.today = today
        self.metrics = metrics
        self.logger = logger
    }

    /// The window of today's feeds: today is asked again once a second at most (a time-zone
    /// conversion per request would cost more than answering a 304).
    public func currentWindow() -> (from: LocalDate, through: LocalDate) {
        let second = Int(Date().timeIntervalSince1970)
        if let known = windowOfSecond.withLockedValue({ $0 }), known.second == second { return (known.from, known.through) }
        let day = today()
        let current = (
            second: second, from: FeedRenderer.date(day, addingMonths: -window.monthsBack),
            through: FeedRenderer.date(day, addingMonths: window.monthsAhead)
        )
        windowOfSecond.withLockedValue { $0 = current }
        return (current.from, current.through)
    }

    /// The database now, and the generation of its file. The recent answers are forgotten when
    /// the file is gone or another one.
    func database() throws -> (AppDatabase, Int) {
        let database: AppDatabase
        let generation: Int
        do {
            (database, generation) = try store.withLockedValue { handle in (try handle.current(), handle.generation) }
        } catch {
            recent.withLockedValue { $0.feeds.removeAll() }
            throw error
        }
        recent.withLockedValue { recent in
            if recent.generation != generation { recent = (generation, [:]) }
        }
        return (database, generation)
    }

    /// The rendered calendar of an active feed, nil for a token no active feed has (unknown,
    /// revoked, or a selection the configuration no longer holds). The same token asked again
    /// within ``recheck`` gets the same answer without a look at the store.
    /// - Throws: store errors (the caller answers 503).
    public func feed(for token: FeedToken) throws -> RenderedFeed? {
        let now = ContinuousClock.now
        if let known = recent.withLockedValue({ $0.feeds[token.text] }), now < known.until { return known.feed }
        let found: RenderedFeed?
        do {
            found = try current(for: token)
        } catch {
            recent.withLockedValue { _ = $0.feeds.removeValue(forKey: token.text) }
            throw error
        }
        recent.withLockedValue { recent in
            recent.feeds[token.text] = found.map { Recent(feed: $0, until: now + Self.recheck) }
        }
        return found
    }

    /// The feed answered for a token (as it appears in the path) within the last ``recheck``;
    /// nil when there is none, and so the full way through ``feed(for:)`` is needed.
    func recentFeed(named name: Substring) -> (feed: RenderedFeed, until: ContinuousClock.Instant)? {
        let now = ContinuousClock.now
        return recent.withLockedValue { recent in
            guard let known = recent.feeds[String(name)], now < known.until else { return nil }
            return (known.feed, known.until)
        }
    }

    /// Now as an HTTP date, formatted once a second.
    func httpDate() -> String {
        let second = Int(Date().timeIntervalSince1970)
        if let known = dateOfSecond.withLockedValue({ $0 }), known.second == second { return known.text }
        let text = HTTPDate.format(Date(timeIntervalSince1970: Double(second)))
        dateOfSecond.withLockedValue { $0 = (second, text) }
        return text
    }

    /// ``feed(for:)`` as the store and the cache have it now.
    func current(for token: FeedToken) throws -> RenderedFeed? {
        let (database, generation) = try database()
        let (found, revision) = try lookUp(token, database: database, generation: generation)
        guard let stored = found else { return nil }
        let selection: FeedSelection
        do { selection = try FeedSelection(kind: stored.selectionKind, value: stored.selectionValue) } catch { return nil }
        let (from, through) = currentWindow()
        let key = Key(from: from, through: through, revision: revision, generation: generation)
        if let cached = cache.withLockedValue({ $0[selection] }), cached.key == key { return cached.feed }
        return try renderLock.withLock {
            try render(selection, feed: stored.id, database: database, key: key)
        }
    }

    /// The active feed of a token and the register's revision: from memory while the store's
    /// files are unchanged (for a second at most), else from one read transaction. Unknown
    /// tokens are not remembered (a flood of them costs reads, not memory).
    func lookUp(_ token: FeedToken, database: AppDatabase, generation: Int) throws -> (SubscriptionFeed?, Int64) {
        let fingerprint = StoreFingerprint(path: store.withLockedValue { $0.path })
        let now = ContinuousClock.now
        let known: (SubscriptionFeed?, Int64)? = validated.withLockedValue { state in
            guard let state, state.fingerprint == fingerprint, state.generation == generation,
                now - state.at < .seconds(1), let feed = state.feeds[token.text]
            else { return nil }
            return (feed, state.revision)
        }
        if let known { return known }
        let (feed, revision) = try database.activeFeedAndRevision(tokenHash: token.hash)
        validated.withLockedValue { state in
            if state == nil || state?.fingerprint != fingerprint || state?.generation != generation || state?.revision != revision
                || now - (state?.at ?? now) >= .seconds(1)
            {
                state = Validated(fingerprint: fingerprint, generation: generation, at: now, revision: revision)
            }
            if let feed { state?.feeds[token.text] = feed }
        }
        return (feed, revision)
    }

    /// Renders a selection (holding the render lock): the register is brought up to date first,
    /// and a rendering another request just made for the same revision is reused.
    func render(_ selection: FeedSelection, feed id: Int64, database: AppDatabase, key requested: Key) throws -> RenderedFeed? {
        let started = ContinuousClock.now
        try FeedRenderer(configuration: configuration, texts: texts, database: database, now: 0)
            .refreshRegister(through: FeedRenderer.registerHorizon(today: today(), atLeast: requested.through), now: Self.timestamp())
        var key = requested
        key.revision = try database.registerRevision()
        let previous = cache.withLockedValue { $0[selection] }
        if let previous, previous.key == key { return previous.feed }
        let renderer = FeedRenderer(
            configuration: configuration, texts: texts, database: database,
            now: Int(Date().timeIntervalSince1970))
        let text: String
        do {
            text = try renderer.feed(selection, from: key.from, through: key.through).serialized()
        } catch let error as FeedError {
            logger.warning("feed selection no longer resolves", metadata: ["feed": "\(id)", "code": "\(error.code)"])
            return nil
        } catch let error as LookupError {
            logger.warning("feed selection no longer resolves", metadata: ["feed": "\(id)", "code": "\(error.code)"])
            return nil
        }
        let elapsed = ContinuousClock.now - started
        metrics.recordRender(elapsed)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rendered = RenderedFeed(text: text, previous: previous?.feed, now: Date(), renderSeconds: seconds)
        cache.withLockedValue { $0[selection] = (key, rendered) }
        logger.info(
            "feed rendered",
            metadata: [
                "feed": "\(id)", "revision": "\(key.revision)",
                "bytes": "\(rendered.body.readableBytes)", "ms": "\(Int(seconds * 1000))",
            ])
        return rendered
    }

    /// The store's schema version and register revision, for `/health`.
    public func health() throws -> (schema: String, revision: Int64) {
        let (database, _) = try database()
        return (try database.schemaVersion(), try database.registerRevision())
    }

    /// Now, as an ISO 8601 UTC timestamp to the second (the store's).
    static func timestamp() -> String { AppDatabase.secondsTimestamp() }
}
