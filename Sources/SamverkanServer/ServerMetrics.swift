import Prometheus

/// The server's Prometheus metrics: requests by route and status, full feeds and 304s, render
/// time. Labels never hold a token or a selection.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let notModified: Counter
    let fullFeeds: Counter
    let renders: DurationHistogram

    public init() {
        notModified = registry.makeCounter(
            name: "samverkan_feed_not_modified_total",
            help: "Feed requests answered 304 Not Modified.")
        fullFeeds = registry.makeCounter(name: "samverkan_feed_full_total", help: "Feed requests answered with the calendar.")
        renders = registry.makeDurationHistogram(
            name: "samverkan_feed_render_seconds",
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100),
                .milliseconds(500), .seconds(1), .seconds(5),
            ],
            help: "Time to render a feed from the register (cache misses only).")
    }

    /// Counts a request by route (`feed`, `health`, `metrics`, `other`) and status code.
    public func count(route: String, status: Int) {
        registry.makeCounter(
            name: "samverkan_http_requests_total", labels: [("route", route), ("status", String(status))],
            help: "HTTP requests by route and status."
        ).increment()
        guard route == "feed" else { return }
        if status == 304 { notModified.increment() } else if status == 200 { fullFeeds.increment() }
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
