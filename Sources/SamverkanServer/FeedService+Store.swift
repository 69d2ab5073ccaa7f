import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SamverkanCalendar
import SamverkanDomain
import SamverkanICal
import SamverkanStore

extension FeedService {
    /// ``feed(for:)`` as the store and the cache have it now.
    func current(for token: FeedToken) async throws -> RenderedFeed? {
        switch source {
        case .file(let handle):
            let (database, generation) = try database(handle)
            let (found, revision) = try lookUp(token, database: database, path: handle.withLockedValue { $0.path }, generation: generation)
            return try await resolve(found, revision: revision, generation: generation) { selection, id, key in
                try await self.render(selection, feed: id, store: database, key: key)
            }
        case .shared(let pool):
            // No file to watch: the feed and the revision are asked at every request (after
            // the ``recheck`` window), so a write or a revocation shows at once. The lookup and a
            // rendering each borrow a connection; the whole request waits at most the pool's
            // timeout (queueing and the render gate included).
            return try await RequestDeadline.run(pool.timeout) {
                let (found, revision) = try await pool.withStore { store in
                    let found = try await store.activeFeed(tokenHash: token.hash)
                    return (found, found == nil ? 0 : try await store.registerRevision())
                }
                return try await self.resolve(found, revision: revision, generation: 0) { selection, id, key in
                    try await pool.withStore { store in try await self.render(selection, feed: id, store: store, key: key) }
                }
            }
        }
    }

    /// The rendering of a feed found in the store: from the cache while its key holds, else
    /// rendered by `render` inside the render gate (once, whoever else waits for it; a request
    /// that gave up while it waited renders nothing).
    func resolve(
        _ found: SubscriptionFeed?, revision: Int64, generation: Int,
        render: @escaping @Sendable (FeedSelection, Int64, Key) async throws -> RenderedFeed?
    ) async throws -> RenderedFeed? {
        guard let stored = found else { return nil }
        let selection: FeedSelection
        do { selection = try FeedSelection(kind: stored.selectionKind, value: stored.selectionValue) } catch { return nil }
        let (from, through) = currentWindow()
        let key = Key(from: from, through: through, revision: revision, generation: generation)
        if let cached = cache.withLockedValue({ $0[selection] }), cached.key == key { return cached.feed }
        return try await renderGate.run {
            try Task.checkCancellation()
            return try await render(selection, stored.id, key)
        }
    }

    /// The active feed of a token and the register's revision in the database file: from memory
    /// while the store's files are unchanged (for a second at most), else from one read
    /// transaction. Unknown tokens are not remembered (a flood of them costs reads, not memory).
    func lookUp(_ token: FeedToken, database: AppDatabase, path: String, generation: Int) throws -> (SubscriptionFeed?, Int64) {
        let fingerprint = StoreFingerprint(path: path)
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

    /// Renders a selection (inside the render gate): the register is brought up to date first,
    /// and a rendering another request just made for the same revision is reused.
    func render(_ selection: FeedSelection, feed id: Int64, store: any MeetingStore, key requested: Key) async throws -> RenderedFeed? {
        let started = ContinuousClock.now
        _ = try await store.refreshRegister(
            configuration, scheduler: Scheduler(), through: FeedRenderer.registerHorizon(today: today(), atLeast: requested.through),
            now: Self.timestamp())
        var key = requested
        key.revision = try await store.registerRevision()
        let previous = cache.withLockedValue { $0[selection] }
        if let previous, previous.key == key { return previous.feed }
        let exporter = CalendarExporter(configuration: configuration, texts: texts, now: Int(Date().timeIntervalSince1970))
        let text: String
        do {
            text = try await FeedRenderer.feed(selection, from: key.from, through: key.through, exporter: exporter, store: store)
                .serialized()
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
    public func health() async throws -> (schema: String, revision: Int64) {
        switch source {
        case .file(let handle):
            let (database, _) = try database(handle)
            return (try database.schemaVersion(), try database.registerRevision())
        case .shared(let pool):
            return try await RequestDeadline.run(pool.timeout) {
                try await pool.withStore { store in (try await store.schemaVersion(), try await store.registerRevision()) }
            }
        }
    }
}
