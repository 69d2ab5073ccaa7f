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
/// revision) go to SQLite's WAL readers, or to a pooled connection of a shared PostgreSQL store;
/// only a cache miss waits for the render gate, and whoever waited finds the fresh rendering in
/// the cache.
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
    let source: Source
    let cache = NIOLockedValueBox<[FeedSelection: (key: Key, feed: RenderedFeed)]>([:])
    /// Passed while a feed renders (one rendering at a time).
    let renderGate = RenderGate()
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

    /// Where the store is: the file's handle, or the pool of a shared store.
    enum Source {
        case file(NIOLockedValueBox<StoreHandle>)
        case shared(StorePool)
    }

    /// - Parameter today: the current day in the region (Stockholm), asked at every request.
    public init(
        configuration: RegionConfiguration, texts: CalendarTexts, store: FeedStoreSource, window: Window,
        today: @escaping @Sendable () -> LocalDate, metrics: ServerMetrics, logger: Logger
    ) {
        self.configuration = configuration
        self.texts = texts
        switch store {
        case .file(let handle): source = .file(NIOLockedValueBox(handle))
        case .shared(let pool): source = .shared(pool)
        }
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

    /// The database file's store now, and the generation of its file. The recent answers are
    /// forgotten when the file is gone or another one.
    func database(_ store: NIOLockedValueBox<StoreHandle>) throws -> (AppDatabase, Int) {
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
    public func feed(for token: FeedToken) async throws -> RenderedFeed? {
        let now = ContinuousClock.now
        if let known = recent.withLockedValue({ $0.feeds[token.text] }), now < known.until { return known.feed }
        let found: RenderedFeed?
        do {
            found = try await current(for: token)
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

    /// Now, as an ISO 8601 UTC timestamp to the second (the store's).
    static func timestamp() -> String { AppDatabase.secondsTimestamp() }
}
