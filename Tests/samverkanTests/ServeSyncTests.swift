import Foundation
import SamverkanTestSupport
import Testing

/// Debian's vdirsyncer (`type = "http"` storage) subscribes to a feed of the real server and
/// syncs it into a local calendar that khal lists: before and after `meeting cancel`.
@Suite("samverkan serve: vdirsyncer and khal follow a feed", .serialized)
struct ServeSyncTests {
    static let script = CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/vdirsyncer_sync.sh").path

    /// The held meetings' starts of `schedule --structure rug --format json` over the feed's window.
    func heldStarts(_ served: ServedFeeds) throws -> Set<String> {
        let result = try served.run(
            ["schedule", "--config", "Config/halland.yaml", "--structure", "rug"]
                + ServeEndToEndTests.window + ["--format", "json"])
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = listing["occurrences"] as? [[String: Any]] ?? []
        return Set(
            entries.filter { ["scheduled", "moved", "extra"].contains($0["status"] as? String ?? "") }
                .map { String(($0["start"] as? String ?? "").prefix(16)) })
    }

    /// vdirsyncer's next sync into `work`, and the starts khal lists. (vdirsyncer's http storage
    /// replaces UIDs with content hashes, so the starts are compared.)
    func sync(_ served: ServedFeeds, _ url: String, work: String) throws -> Set<String> {
        let result = try CLIRunner.runTool("/bin/bash", [Self.script, work, url, "2025-03-01", "2026-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        return Set(result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) })
    }

    @Test("vdirsyncer syncs the feed and khal lists exactly `schedule`; a cancelled meeting is gone after the next sync")
    func vdirsyncerFollowsCancellation() throws {
        let served = try ServedFeeds()
        let token = try served.createFeed(["--structure", "rug"])
        try served.start()
        let url = "http://127.0.0.1:\(served.port)/feeds/\(token).ics"
        let work = served.folder.path("vdirsyncer")
        let before = try sync(served, url, work: work)
        let held = try heldStarts(served)
        #expect(before == held, "only khal: \(before.subtracting(held).sorted()); only schedule: \(held.subtracting(before).sorted())")
        #expect(before.contains("2025-10-09T09:00") && before.count >= 10)
        try served.run([
            "meeting", "cancel", "--config", "Config/halland.yaml", "--structure", "rug", "--date", "2025-10-09",
            "--reason", "Krock med länsdagen",
        ])
        let after = try sync(served, url, work: work)
        let heldAfter = try heldStarts(served)
        #expect(after == heldAfter)
        #expect(after == before.subtracting(["2025-10-09T09:00"]))
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0 && !stopped.stderr.contains(token))
    }
}

extension ServeSyncTests {
    @Test("A port that is taken is an error the user can act on (exit 1), not a crash")
    func portTaken() throws {
        let served = try ServedFeeds()
        try served.start()
        let taken = try CLIRunner.run(
            ["serve", "--config", "Config/halland.yaml", "--port", String(served.port)],
            environment: served.environment)
        #expect(taken.status == 1, "\(taken.stderr)")
        #expect(taken.stderr.contains("127.0.0.1:\(served.port)") && taken.stderr.contains("--port"), "\(taken.stderr)")
        #expect(try served.curl("/health").status == 200)
        let stopped = try #require(served.stop())
        #expect(stopped.status == 0)
    }
}
