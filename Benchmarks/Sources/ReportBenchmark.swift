import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

/// Issues "Compliance report" and 11 (the meeting register): on the national-scale data set
/// (~1,500 structures, 10 years of minutes) the report by municipality reading the register,
/// for one year and for ten, within 1.2× of a plain SQL aggregate over the same tables
/// (the register's `meetings` included) in the same run, peak memory under 200 MB.
///
/// One report = what `report compliance --by municipality` does after reading the
/// configuration: open the database, check the register is current, build the report (the
/// period's history and the register's planned meetings in one read transaction, then
/// counting) and render the table. The report expanding every schedule instead, the JSON, the
/// SQL reads and the counting alone are printed as well.
enum ReportBenchmark {
    static let runs = 5
    /// Runs of the report next to its baseline.
    static let pairedRuns = 9
    static let memoryTarget = 200.0
    static let first = LocalDate(year: 2015, month: 1, day: 1)!
    static let last = LocalDate(year: 2024, month: 12, day: 31)!
    /// Both periods lie before it, so every planned meeting in them is due.
    static let today = LocalDate(year: 2025, month: 6, day: 1)!

    /// A case: a period and the wall-clock target for its report.
    struct Case {
        let name: String
        let period: ReportPeriod
        let target: Double
    }

    static let cases = [
        Case(name: "1 year", period: ReportPeriod(parsing: "2024")!, target: 1),
        Case(name: "10 years", period: ReportPeriod(from: first, to: last, label: "2015–2024")!, target: 3),
    ]

    /// The national configuration, with one person per member organisation (as `minutes new`
    /// records attendance).
    static func configuration() -> RegionConfiguration {
        let base = NationalConfiguration.make(starts: first)
        let people = base.organisations.map { Person(id: "p-\($0.id)", name: "Person \($0.name)", role: "Chef", organisation: $0.id) }
        return RegionConfiguration(
            region: base.region, organisations: base.organisations, people: people,
            structures: base.structures)
    }

    /// One report as `report compliance --by municipality` makes it: open the database, check
    /// that the meeting register is current (the CLI's refresh, which derives nothing here), build
    /// (reading the history and the register's planned meetings in one read transaction), render
    /// the table. With `register: false` the history is read alone and every schedule expanded,
    /// the path of a report without a current register.
    static func report(
        _ item: Case, _ configuration: RegionConfiguration, path: String, scheduler: Scheduler,
        phrases: Phrasebook, register: Bool = true
    ) async throws
        -> (report: ComplianceReport, open: Double, build: Double, render: Double)
    {
        var database: AppDatabase!
        var report: ComplianceReport!
        let open = try Measure.seconds {
            database = try AppDatabase.open(path: path)
            if register {
                _ = try database.refreshRegister(configuration, scheduler: scheduler, through: item.period.to, now: RegisterBenchmark.now)
            }
        }
        let reader = database!
        let asOf = min(item.period.to, today)
        let build = try await Measure.seconds {
            report = try await ComplianceReport.build(
                configuration: configuration, structures: configuration.structures,
                period: item.period, today: today, by: .municipality, scheduler: scheduler
            ) {
                register
                    ? try reader.history(from: item.period.from, through: item.period.to, asOf: asOf, register: configuration)
                    : try reader.history(from: item.period.from, through: item.period.to, asOf: asOf)
            }
        }
        let render = Measure.seconds { _ = report.table(phrases: phrases, numbers: FigureFormatter(decimalComma: true)) }
        return (report, open, build, render)
    }

    static func run() async throws {
        if let child = childCase { return try await runChild(child) }
        if RegisterBenchmark.isChild { return try RegisterBenchmark.runChild() }
        let configuration = configuration()
        let path = try seededDatabase(configuration)
        // Derives the register the reports below read (in a fresh process, for its peak memory).
        try RegisterBenchmark.run(path: path)
        let scheduler = Scheduler()
        let phrases = Phrasebook(language: "sv", phrases: try MinutesBenchmark.loadPhrases())
        var peaks: [String] = []
        var fresh: [Double] = []
        for (index, item) in cases.enumerated() {
            let asOf = min(item.period.to, today)
            var phases: [(open: Double, build: Double, render: Double)] = []
            var structures = 0
            var meetings = 0
            // Back to back, run by run: the report, the baseline, the report expanding the
            // schedules — so a change in the machine's load hits all three alike (the build
            // machine is shared); the ratio is the median of the runs' ratios.
            var baselines: [Double] = []
            var expanded: [Double] = []
            var ratios: [Double] = []
            for _ in 0..<pairedRuns {
                let run = try await report(item, configuration, path: path, scheduler: scheduler, phrases: phrases)
                phases.append((run.open, run.build, run.render))
                structures = run.report.structures.count
                meetings = run.report.total.held
                let baseline = try Measure.seconds { _ = try plainAggregate(path: path, period: item.period) }
                baselines.append(baseline)
                ratios.append((run.open + run.build + run.render) / baseline)
                let other = try await report(item, configuration, path: path, scheduler: scheduler, phrases: phrases, register: false)
                expanded.append((other.open + other.build + other.render) / baseline)
            }
            let total = median(phases.map { $0.open + $0.build + $0.render })
            let baseline = median(baselines)
            let ratio = median(ratios)
            let limit = 1.2
            print(
                String(
                    format:
                        "report: %@ by municipality (%@, %d structures, %d meetings) reading the register: median %.2f s — baseline plain SQL aggregate (minutes, cancellations, actions and the register's meetings) %.2f s, ratio %.2f (median of %d back-to-back runs; target ≤ %.1f) — %@; expanding every schedule instead: ratio %.2f",
                    item.name, item.period.label, structures, meetings, total, baseline, ratio, pairedRuns, limit,
                    ratio <= limit && total < item.target ? "PASS" : "FAIL", median(expanded)))
            let peak = Measure.peakMemoryMB()
            fresh.append(try freshProcessPeak(case: index).peak)
            peaks.append(String(format: "%.0f MB", peak))
            // The parts on their own: what the build waits for.
            let database = try AppDatabase.open(path: path)
            let history = try median(
                (0..<runs).map { _ in
                    try Measure.seconds { _ = try database.history(from: item.period.from, through: item.period.to, asOf: asOf) }
                })
            let withRegister = try median(
                (0..<runs).map { _ in
                    try Measure.seconds {
                        _ = try database.history(from: item.period.from, through: item.period.to, asOf: asOf, register: configuration)
                    }
                })
            let read = try database.history(from: item.period.from, through: item.period.to, asOf: asOf, register: configuration)
            var counting: [Double] = []
            for _ in 0..<runs {
                counting.append(
                    try await Measure.seconds {
                        _ = try await ComplianceReport.build(
                            configuration: configuration, structures: configuration.structures,
                            period: item.period, today: today, by: .municipality
                        ) { read }
                    })
            }
            let current = try median(
                (0..<runs).map { _ in
                    try Measure.seconds { _ = try database.registerIsCurrent(configuration, through: item.period.to) }
                })
            let sample = try await report(item, configuration, path: path, scheduler: scheduler, phrases: phrases).report
            var bytes = 0
            let json = try Measure.seconds { bytes = try sample.json().utf8.count }
            print(
                String(
                    format:
                        "report:   split (medians): open and check the register is current %.3f s (the check alone %.3f s), build %.2f s = SQL read %.2f s (the history alone %.2f s, so the register's rows %.2f s, in the same read transaction), then counting (alone %.2f s); table %.2f s. (JSON instead of the table: %.2f s, %.1f MB.)",
                    median(phases.map(\.open)), current, median(phases.map(\.build)), withRegister, history, withRegister - history,
                    median(counting),
                    median(phases.map(\.render)), json, Double(bytes) / 1e6))
        }
        let worst = fresh.max() ?? 0
        print(
            String(
                format: "report: peak memory of one report in its own process, as the CLI runs it: %@ (target %.0f MB) — %@",
                zip(cases, fresh).map { String(format: "%@ %.0f MB", $0.name, $1) }.joined(separator: ", "),
                memoryTarget, worst < memoryTarget ? "PASS" : "FAIL"))
        // The other outputs, written after the table, for the largest case.
        let others = try otherFormats.map { ($0, try freshProcessPeak(case: cases.count - 1, format: $0)) }
        print("report:   \(cases[cases.count - 1].name), peak memory per format in its own process (target \(Int(memoryTarget)) MB each):")
        for (format, figure) in [("table", (peak: fresh.last ?? 0, size: 0.0))] + others {
            print(formatLine(format, peak: figure.peak, size: figure.size))
        }
        print(
            String(
                format: "report:   every format under the target: %@",
                ([fresh.last ?? 0] + others.map(\.1.peak)).allSatisfy { $0 < memoryTarget } ? "PASS" : "FAIL"))
        print(
            "report:   (this process, after \(runs) runs of each case and the split: peak \(peaks.joined(separator: " then ")); "
                + String(
                    format: "with the JSON as well %.0f MB — memory the allocator and SQLite keep between runs)", Measure.peakMemoryMB()))
    }

    /// The baseline: the same tables summed per structure by SQLite alone (held, approved, mean
    /// days to the chain's first approval, covered agenda items, present attendees, cancellations, action items,
    /// and from the meeting register the planned meetings that count and how many were held on
    /// another day — one pass over the period's register rows, packed in one number: planned on
    /// their day + 1,000,000 × moved).
    static func plainAggregate(path: String, period: ReportPeriod) throws -> [[String?]] {
        try AppDatabase.open(path: path).unsafeRawRead(
            """
            SELECT m.structure_id, COUNT(*) AS held, COUNT(m.approved_on) AS approved,
                   AVG(julianday(COALESCE((SELECT MIN(o.approved_on) FROM minutes_chain c
                                            JOIN minutes_chain r ON r.root_id = c.root_id JOIN minutes o ON o.id = r.minutes_id
                                            WHERE c.minutes_id = m.id), m.approved_on)) - julianday(m.meeting_date)) AS approval_days,
                   SUM((SELECT SUM(g.covered) FROM minutes_agenda g WHERE g.minutes_id = m.id)) AS covered,
                   SUM((SELECT SUM(a.present) FROM minutes_attendance a WHERE a.minutes_id = m.id)) AS present,
                   SUM((SELECT COUNT(*) FROM action_items i WHERE i.minutes_id = m.id)) AS actions,
                   (SELECT COUNT(*) FROM cancelled_meetings c
                    WHERE c.structure_id = m.structure_id AND c.meeting_date BETWEEN ?1 AND ?2) AS cancelled,
                   (SELECT SUM(CASE WHEN substr(r.start, 1, 10) = r.planned_date THEN 1 ELSE 1000000 END) FROM meetings r
                    WHERE r.structure_id = m.structure_id AND r.planned_date BETWEEN ?1 AND ?2
                      AND r.state IN ('planned', 'moved', 'cancelled')) AS planned_and_moved
            FROM minutes m
            WHERE m.meeting_date BETWEEN ?1 AND ?2
              AND NOT EXISTS (SELECT 1 FROM minutes newer WHERE newer.amends_id = m.id)
            GROUP BY m.structure_id
            """, [period.from.iso, period.to.iso])
    }

    /// Seeded on the first run, kept for later ones.
    static let databasePath = ".build/benchmark-data/report-national-v2.sqlite"

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// The path of the seeded database, seeding it first unless a complete one is there.
    static func seededDatabase(_ configuration: RegionConfiguration) throws -> String {
        let path = databasePath
        let structures = try MinutesBenchmark.count(AppDatabase.open(path: path), "SELECT COUNT(DISTINCT structure_id) FROM minutes")
        guard structures < configuration.structures.count else { return path }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try AppDatabase.open(path: path)
        var meetings = 0
        let seconds = try Measure.seconds { meetings = try seed(database, configuration) }
        print(String(format: "report: seeded %d meetings in %.1f s (kept in %@ for later runs)", meetings, seconds, path))
        return path
    }

    /// Ten years of minutes for every structure, following its real schedule: of the planned
    /// meetings ~85 % have minutes, ~5 % are cancelled and the rest missed, plus ~2 % extra
    /// meetings. Minutes have attendance (some absent), the standing agenda (some items not
    /// covered), an action item followed up at the next meeting, and ~80 % are approved 3–20
    /// days later. Plain SQL, in one transaction; returns the number of minutes.
    static func seed(_ database: AppDatabase, _ configuration: RegionConfiguration) throws -> Int {
        let scheduler = Scheduler()
        return try database.unsafeRawWrite { db in
            var id: Int64 = 0
            var serial = 0
            for structure in configuration.structures {
                var previousAction: Int64?
                var dates = Set<LocalDate>()
                var extras: [LocalDate] = []
                for occurrence in try scheduler.occurrences(of: structure, from: first, through: last) where occurrence.isHeld {
                    serial += 1
                    let start = occurrence.start.date
                    dates.insert(start)
                    switch roll(serial, 0, 100) {
                    case ..<85:
                        id += 1
                        try insertMinutes(
                            db, id: id, structure, configuration, date: start,
                            planned: occurrence.plannedStart.date, following: previousAction)
                        previousAction = id
                    case ..<90:
                        // A coordinator's cancellation, by planned date (`meeting cancel`).
                        try db.execute(
                            """
                            INSERT INTO meeting_decisions (structure_id, meeting_date, action, reason, decided_at)
                            VALUES (?, ?, 'cancel', 'Förhinder', '2025-01-01T00:00:00Z')
                            """, [structure.id, occurrence.plannedStart.date.iso])
                    case 98...:
                        extras.append(start.adding(days: 3))
                    default:
                        break
                    }
                }
                for date in extras where !dates.contains(date) && date <= last {
                    id += 1
                    try insertMinutes(db, id: id, structure, configuration, date: date, planned: nil, following: nil)
                }
            }
            return Int(id)
        }
    }

    /// One set of minutes: the row unapproved, its attendance, agenda, follow-up and action item,
    /// then the approval (the triggers refuse child rows of approved minutes).
    static func insertMinutes(
        _ db: RawSQLConnection, id: Int64, _ structure: CollaborationStructure,
        _ configuration: RegionConfiguration, date: LocalDate, planned: LocalDate?,
        following previousAction: Int64?
    ) throws {
        let seed = Int(id)
        try db.execute(
            """
            INSERT INTO minutes (id, structure_id, meeting_date, meeting_time, planned_date, place, chair, secretary, created_at)
            VALUES (?, ?, ?, '13:00', ?, 'Kommunhuset', 'Ordförande', 'Sekreterare', '2025-01-01T00:00:00Z')
            """, [id, structure.id, date.iso, planned?.iso])
        for (position, member) in structure.members.enumerated() {
            try db.execute(
                """
                INSERT INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    id, position, "p-\(member)", member,
                    configuration.organisation(member)?.principal.rawValue ?? "other",
                    roll(seed, 1 + position, 10) == 0 ? 0 : 1,
                ])
        }
        for (position, item) in structure.standingAgenda.enumerated() {
            try db.execute(
                """
                INSERT INTO minutes_agenda (minutes_id, position, agenda_item_id, covered, notes) VALUES (?, ?, ?, ?, 'Genomgång')
                """, [id, position, item.id, roll(seed, 20 + position, 5) == 0 ? 0 : 1])
        }
        if let previousAction {
            try db.execute(
                """
                INSERT INTO action_follow_ups (minutes_id, position, action_id, status, comment) VALUES (?, 0, ?, ?, '')
                """, [id, previousAction, roll(seed, 30, 10) < 8 ? "done" : "in-progress"])
        }
        try db.execute(
            """
            INSERT INTO action_items (id, minutes_id, position, structure_id, text, responsible_kind, responsible_id, due)
            VALUES (?, ?, 0, ?, 'Följa upp utskrivningar', 'organisation', ?, ?)
            """, [id, id, structure.id, structure.members[0], date.adding(days: 60).iso])
        if roll(seed, 40, 100) < 80 {
            let approvedOn = date.adding(days: 3 + roll(seed, 41, 18))
            try db.execute(
                """
                UPDATE minutes SET approved_at = ?, approved_on = ?, approved_by = 'Justerare', content_hash = ? WHERE id = ?
                """, ["\(approvedOn.iso)T12:00:00Z", approvedOn.iso, String(format: "%016llx", UInt64(seed) &* 0x9E37_79B9_7F4A_7C15), id])
        }
    }

    /// A fixed pseudo-random number in 0..<range for a seed and a salt (SplitMix64), so every
    /// seeding writes the same data.
    static func roll(_ seed: Int, _ salt: Int, _ range: Int) -> Int {
        var z = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: salt) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(range))
    }
}
