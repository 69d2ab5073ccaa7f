import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

/// Issue "A shared store on PostgreSQL": against a PostgreSQL cluster started for the run
/// (`scripts/benchmark-postgres.sh` starts a throwaway one and passes its URL in
/// `SAMVERKAN_BENCH_POSTGRES`), with the national ten-year data set:
/// - the ten-year compliance report within 1.5× of the same report on SQLite;
/// - recording one set of minutes from a draft (`minutes new --file`'s work) median < 50 ms;
/// - 16 concurrent writers sustain ≥ 100 saved minutes per second in total.
enum PostgresBenchmark {
    static let reportLimit = 1.5
    static let minutesTarget = 0.050
    static let writersTarget = 100.0
    static let writers = 16
    static let writerSeconds = 10.0

    static func run() async throws {
        guard let text = ProcessInfo.processInfo.environment["SAMVERKAN_BENCH_POSTGRES"], !text.isEmpty else {
            print("postgres: not run — scripts/benchmark-postgres.sh starts a throwaway cluster and runs it")
            return
        }
        let url = try PostgresURL(text, environment: ProcessInfo.processInfo.environment)
        let configuration = ReportBenchmark.configuration()
        let path = try ReportBenchmark.seededDatabase(configuration)
        try RegisterBenchmark.run(path: path)
        let copied = try await Measure.seconds {
            _ = try await DatabaseCopier.copy(from: SQLiteEndpoint(path: path), to: PostgresEndpoint(url: url), replace: true)
        }
        print(String(format: "postgres: copied the national ten-year database to PostgreSQL in %.1f s (samverkan db copy)", copied))
        try await report(url: url, path: path, configuration: configuration)
        try await minutes(url: url, configuration: configuration)
        try await concurrentWriters(url: url, configuration: configuration)
    }

    /// The ten-year report on both engines, back to back run by run.
    static func report(url: PostgresURL, path: String, configuration: RegionConfiguration) async throws {
        let item = ReportBenchmark.cases[1]
        let phrases = Phrasebook(language: "sv", phrases: try MinutesBenchmark.loadPhrases())
        var sqlite: [Double] = []
        var postgres: [Double] = []
        var ratios: [Double] = []
        var held: (Int, Int) = (0, 0)
        var tables: (String, String) = ("", "")
        for _ in 0..<5 {
            let (onSQLite, a) = try await timedReport(item, configuration, phrases) { try AppDatabase.open(path: path) }
            let (onPostgres, b) = try await timedReport(item, configuration, phrases) { try await PostgresStore.open(url) }
            sqlite.append(onSQLite)
            postgres.append(onPostgres)
            ratios.append(onPostgres / onSQLite)
            held = (a.held, b.held)
            tables = (a.table, b.table)
        }
        let ratio = ReportBenchmark.median(ratios)
        print(
            String(
                format:
                    "postgres: %@ compliance report by municipality: PostgreSQL median %.2f s, SQLite %.2f s, ratio %.2f (median of 5 back-to-back runs; target ≤ %.1f) — %@; meetings held %d on both: %@; the whole table: %@",
                item.name, ReportBenchmark.median(postgres), ReportBenchmark.median(sqlite), ratio, reportLimit,
                ratio <= reportLimit ? "PASS" : "FAIL", held.1, held.0 == held.1 ? "same" : "DIFFERENT (\(held.0) on SQLite)",
                tables.0 == tables.1 ? "same" : "DIFFERENT"))
        let onPostgres = try await split(item, configuration, phrases, runs: 3) { try await PostgresStore.open(url) }
        let onSQLite = try await split(item, configuration, phrases, runs: 3) { try AppDatabase.open(path: path) }
        print(
            "postgres:   split (medians of 3): PostgreSQL \(onPostgres.line); SQLite \(onSQLite.line); the report's JSON (every structure): "
                + (onPostgres.json == onSQLite.json ? "same on both" : "DIFFERENT"))
    }

    /// One report as the CLI makes it: open, check the register, read, count, render the table
    /// (returned with the meetings held, to compare the engines).
    static func timedReport(
        _ item: ReportBenchmark.Case, _ configuration: RegionConfiguration, _ phrases: Phrasebook,
        open: () async throws -> any MeetingStore
    ) async throws -> (Double, (held: Int, table: String)) {
        var held = 0
        var table = ""
        let asOf = min(item.period.to, ReportBenchmark.today)
        let seconds = try await Measure.seconds {
            let store = try await open()
            _ = try await store.refreshRegister(configuration, scheduler: Scheduler(), through: item.period.to, now: RegisterBenchmark.now)
            let report = try await ComplianceReport.build(
                configuration: configuration, structures: configuration.structures, period: item.period,
                today: ReportBenchmark.today, by: .municipality
            ) {
                try await store.history(from: item.period.from, through: item.period.to, asOf: asOf, register: configuration)
            }
            table = report.table(phrases: phrases, numbers: FigureFormatter(decimalComma: true))
            held = report.total.held
            await store.close()
        }
        return (seconds, (held, table))
    }
}
