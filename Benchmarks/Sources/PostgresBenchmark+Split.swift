import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

extension PostgresBenchmark {
    /// Where a report's time goes on one engine: opening the store and checking the register is
    /// current, reading the history with the register's planned meetings, counting, the table.
    struct Split {
        var open: [Double] = []
        var read: [Double] = []
        var counting: [Double] = []
        var table: [Double] = []
        /// The report as JSON (every structure's figures), to compare the engines.
        var json = ""

        /// `open 0.012 s, read 0.31 s, counting 0.09 s, table 0.01 s` (medians).
        var line: String {
            String(
                format: "open and check the register %.3f s, history read %.2f s, counting %.2f s, table %.2f s",
                ReportBenchmark.median(open), ReportBenchmark.median(read), ReportBenchmark.median(counting),
                ReportBenchmark.median(table))
        }
    }

    /// The parts of ``timedReport(_:_:_:open:)``, each timed on its own, `runs` times.
    static func split(
        _ item: ReportBenchmark.Case, _ configuration: RegionConfiguration, _ phrases: Phrasebook, runs: Int,
        open: () async throws -> any MeetingStore
    ) async throws -> Split {
        var split = Split()
        let asOf = min(item.period.to, ReportBenchmark.today)
        for _ in 0..<runs {
            var store: (any MeetingStore)!
            split.open.append(
                try await Measure.seconds {
                    store = try await open()
                    _ = try await store.refreshRegister(
                        configuration, scheduler: Scheduler(), through: item.period.to, now: RegisterBenchmark.now)
                })
            var history: MeetingHistory!
            split.read.append(
                try await Measure.seconds {
                    history = try await store.history(from: item.period.from, through: item.period.to, asOf: asOf, register: configuration)
                })
            await store.close()
            let read = history!
            var report: ComplianceReport!
            split.counting.append(
                try await Measure.seconds {
                    report = try await ComplianceReport.build(
                        configuration: configuration, structures: configuration.structures, period: item.period,
                        today: ReportBenchmark.today, by: .municipality
                    ) { read }
                })
            split.table.append(Measure.seconds { _ = report.table(phrases: phrases, numbers: FigureFormatter(decimalComma: true)) })
            split.json = try report.json()
        }
        return split
    }
}
