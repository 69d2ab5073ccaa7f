import NIOConcurrencyHelpers
import Prometheus

/// The server's Prometheus metrics: requests by route and status, full feeds and 304s, render
/// time. Labels never hold a token or a selection.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let notModified: Counter
    let fullFeeds: Counter
    let renders: DurationHistogram
    /// The request counters by route and status, made once each (the registry's lookup builds
    /// its key and takes its lock at every call; this is one dictionary read per request).
    let requests = NIOLockedValueBox<[RequestKey: Counter]>([:])

    static var requestsDescriptor: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "samverkan", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests by route and status.")
    }

    struct RequestKey: Hashable {
        var route: String
        var status: Int
    }

    public init() {
        notModified = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "samverkan", subsystem: "feed", metricName: "not_modified", unitName: "total",
                helpText: "Feed requests answered 304 Not Modified."))
        fullFeeds = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "samverkan", subsystem: "feed", metricName: "full", unitName: "total",
                helpText: "Feed requests answered with the calendar."))
        renders = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "samverkan", subsystem: "feed", metricName: "render", unitName: "seconds",
                helpText: "Time to render a feed from the register (cache misses only)."),
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100),
                .milliseconds(500), .seconds(1), .seconds(5),
            ])
    }

    /// Counts a request by route (`feed`, `health`, `metrics`, `other`) and status code.
    public func count(route: String, status: Int) {
        counters(route: route, status: status).increment()
    }

    /// The counters a request of a route and status raises, for a caller that counts many alike
    /// (one lookup, not one a request). Asking makes the request series (at 0): ask when counting.
    func counters(route: String, status: Int) -> RequestCounters {
        let key = RequestKey(route: route, status: status)
        let counter = requests.withLockedValue { counters in
            if let known = counters[key] { return known }
            let made = registry.makeCounter(
                descriptor: Self.requestsDescriptor, labels: [("route", route), ("status", String(status))])
            counters[key] = made
            return made
        }
        let feed = route != "feed" ? nil : status == 304 ? notModified : status == 200 ? fullFeeds : nil
        return RequestCounters(request: counter, feed: feed)
    }

    /// The counters of one route and status: the request series and, for a feed's 200 or 304,
    /// the full or not-modified total.
    struct RequestCounters {
        let request: Counter
        let feed: Counter?

        func increment() {
            request.increment()
            feed?.increment()
        }
    }

    /// Records the time a feed took to render.
    public func recordRender(_ duration: Duration) {
        renders.record(duration)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        registry.emitToString()
    }
}
