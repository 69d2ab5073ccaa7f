import Foundation
import SamverkanDomain
import SamverkanStore
import SamverkanTime

/// Issue 11, the meeting register: deriving it for the national configuration (1,511
/// structures, 10 years) once, and again after one structure changed (target under 50 ms),
/// peak memory under 200 MB. Printed by `samverkan-benchmarks report`, whose database it derives
/// the register in (the report then reads it).
///
/// Measured in a fresh process (this binary run again), as a CLI command would derive it: the
/// peak memory is that process's.
enum RegisterBenchmark {
    static let now = "2025-06-01T00:00:00Z"
    static let variable = "SAMVERKAN_BENCHMARK_REGISTER"
    static let changeTarget = 0.050
    static let memoryTarget = 200.0
    static let changes = 11

    static var isChild: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// Runs the child and prints its figures.
    static func run(path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["report"]
        process.environment = ProcessInfo.processInfo.environment.merging([variable: "1"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard process.terminationStatus == 0, words.count == 14, let once = Double(words[1]), let rows = Int(words[3]),
            let change = Double(words[5]), let changed = Int(words[7]), let current = Double(words[9]),
            let first = Double(words[11]), let peak = Double(words[13])
        else {
            throw BenchmarkError("the child deriving the register failed (\(process.terminationStatus)): \(text)")
        }
        print(
            String(
                format:
                    "register: derived once for the national configuration (%d structures, %@–%@): %.2f s, %d meetings; peak memory %.0f MB (%.0f MB after the first derivation; target %.0f MB) — %@",
                ReportBenchmark.configuration().structures.count, ReportBenchmark.first.iso, ReportBenchmark.last.iso, once, rows,
                peak, first, memoryTarget, peak < memoryTarget ? "PASS" : "FAIL"))
        print(
            String(
                format:
                    "register: derived again after one structure changed (%d meetings of it; median of %d): %.1f ms (target %.0f ms) — %@; nothing changed (the check alone): %.1f ms",
                changed, changes, change * 1000, changeTarget * 1000, change < changeTarget ? "PASS" : "FAIL", current * 1000))
    }

    /// In the child: empties the register, derives it once, then alternates one structure's
    /// time `changes` times; prints the figures on one line.
    static func runChild() throws {
        let configuration = ReportBenchmark.configuration()
        let database = try AppDatabase.open(path: ReportBenchmark.databasePath)
        try database.unsafeRawWrite("DELETE FROM meetings")
        try database.unsafeRawWrite("DELETE FROM register_structures")
        let scheduler = Scheduler()
        let through = ReportBenchmark.last
        let once = try Measure.seconds {
            _ = try database.refreshRegister(configuration, scheduler: scheduler, through: through, now: now)
        }
        let afterFirst = Measure.peakMemoryMB()
        let rows = try MinutesBenchmark.count(database, "SELECT COUNT(*) FROM meetings")
        // A weekly structure: the most meetings to derive again.
        let index =
            configuration.structures.indices.max { weight(configuration.structures[$0]) < weight(configuration.structures[$1]) } ?? 0
        var changed = configuration
        var structures = changed.structures
        structures[index].time = LocalTime(hour: (structures[index].time.hour + 1) % 24, minute: structures[index].time.minute)!
        changed = RegionConfiguration(
            region: configuration.region, organisations: configuration.organisations,
            people: configuration.people, structures: structures)
        var times: [Double] = []
        for run in 0..<changes {
            times.append(
                try Measure.seconds {
                    let refresh = try database.refreshRegister(
                        run % 2 == 0 ? changed : configuration, scheduler: scheduler,
                        through: through, now: now)
                    guard refresh.derived.count == 1 else {
                        throw BenchmarkError("expected one structure derived, got \(refresh.derived.count)")
                    }
                })
        }
        if changes % 2 == 1 { _ = try database.refreshRegister(configuration, scheduler: scheduler, through: through, now: now) }
        let current = try ReportBenchmark.median(
            (0..<changes).map { _ in
                try Measure.seconds { _ = try database.refreshRegister(configuration, scheduler: scheduler, through: through, now: now) }
            })
        let size = try MinutesBenchmark.count(database, "SELECT COUNT(*) FROM meetings WHERE structure_id = '\(structures[index].id)'")
        print(
            "once", once, "rows", rows, "change", ReportBenchmark.median(times), "changed", size, "current", current,
            "first", afterFirst, "peak", Measure.peakMemoryMB())
    }

    /// How many meetings a structure's frequency plans, roughly (weekly first).
    private static func weight(_ structure: CollaborationStructure) -> Int {
        switch structure.frequency {
        case .weekly(let interval, _): return 4 - min(interval, 2)
        case .monthlyWeekday, .monthlyDay: return 2
        default: return 1
        }
    }
}
