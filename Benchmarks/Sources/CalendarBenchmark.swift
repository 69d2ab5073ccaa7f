import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanICal
import SamverkanRendering
import SamverkanReports
import SamverkanTime

/// The calendar issue's benchmark: at national scale (~1,500 structures), (a) export all series
/// as one calendar and (b) expand all occurrences over 10 years, each next to a C program that
/// does the same libical work directly (Benchmarks/baseline/calendar_baseline.c).
/// Targets: each within 1.3× of the C baseline's time; peak memory under 100 MB.
enum CalendarBenchmark {
    static let from = LocalDate(year: 2025, month: 1, day: 1)!
    static let through = LocalDate(year: 2034, month: 12, day: 31)!

    static func run() throws {
        let configuration = NationalConfiguration.make(starts: from)
        let scheduler = Scheduler()
        print("calendar: \(configuration.structures.count) structures, \(from) – \(through)")

        // (b) Expand every structure's occurrences over 10 years (holidays and breaks applied),
        // one structure at a time, as the commands do.
        var count = 0
        let expandSeconds = try best(of: 3) {
            count = 0
            for structure in configuration.structures {
                count += try scheduler.occurrences(of: structure, from: from, through: through).count
            }
        }

        // (a) Export every series as one calendar: the same series the C program gets, built into
        // one VCALENDAR by libical through the wrapper and serialized.
        // The plans come from the meeting register, derived here in memory as the store does.
        var meetings: [RegisteredMeeting] = []
        for structure in configuration.structures {
            let occurrences = try scheduler.occurrences(of: structure, from: from, through: through)
            meetings += MeetingRegister.derive(structure, occurrences: occurrences, decisions: [], configuration: configuration).meetings
        }
        let exporter = CalendarExporter(configuration: configuration, texts: try texts(), now: 1_767_225_600)
        let plans = try exporter.plans(for: configuration.structures, meetings: meetings)
        // The ratio compares like with like: building the tree from prepared events and writing it,
        // as the C program does from its parsed input. Rendering the events (titles, descriptions,
        // organizers) is timed on its own and printed beside it.
        var document: ICalDocument?
        let renderSeconds = try best(of: 3) {
            document = try exporter.feed(plans, sequences: [:], name: "Samverkansmöten – benchmark")
        }
        var bytes = 0
        let exportSeconds = try best(of: 3) {
            bytes = try document!.serialized().utf8.count
        }
        let peak = Measure.peakMemoryMB()

        let baseline = try Baseline.run(plans: plans, through: through)
        print(
            String(
                format: "  (a) export:  %.3f s, %d bytes  | C baseline %.3f s, %d bytes | ratio %.2f× (target ≤ 1.30×)",
                exportSeconds, bytes, baseline.exportSeconds, baseline.bytes, exportSeconds / baseline.exportSeconds))
        print(
            String(
                format: "      + rendering the events first: %.3f s (total %.3f s, %.2f× the C baseline)",
                renderSeconds, renderSeconds + exportSeconds, (renderSeconds + exportSeconds) / baseline.exportSeconds))
        print(
            String(
                format: "  (b) expand:  %.3f s, %d occurrences | C baseline %.3f s, %d occurrences | ratio %.2f× (target ≤ 1.30×)",
                expandSeconds, count, baseline.expandSeconds, baseline.occurrences, expandSeconds / baseline.expandSeconds))
        print(String(format: "  peak memory: %.1f MB (target < 100 MB)", peak))
    }

    /// Short texts: the C baseline writes SUMMARY only, so the Swift side writes no description.
    static func texts() throws -> CalendarTexts {
        CalendarTexts(
            phrases: Phrasebook(language: "sv", phrases: [:]), eventDescription: try TextTemplate(""),
            invitation: try TextTemplate(""), cancellation: try TextTemplate(""))
    }

    /// The fastest of a few runs (the first warms caches, zone tables and ICU).
    static func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var fastest = Double.infinity
        for _ in 0..<runs { fastest = min(fastest, try Measure.seconds(body)) }
        return fastest
    }
}

/// Runs the C baseline on the same series.
enum Baseline {
    struct Result {
        var exportSeconds: Double, bytes: Int, expandSeconds: Double, occurrences: Int
    }

    static func run(plans: [SeriesPlan], through: LocalDate) throws -> Result {
        let folder = URL(fileURLWithPath: ".build/benchmarks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("calendar_baseline").path
        try shell(["cc", "-O2", "-o", binary, "Benchmarks/baseline/calendar_baseline.c", "-lical"])
        let tsv = folder.appendingPathComponent("series.tsv")
        try plans.filter { $0.rule != nil }.map { line($0, through: through) }.joined().write(to: tsv, atomically: true, encoding: .utf8)
        var best: Result?
        for _ in 0..<3 {
            let output = try shell([binary, tsv.path])
            var result = Result(exportSeconds: 0, bytes: 0, expandSeconds: 0, occurrences: 0)
            for row in output.split(separator: "\n") {
                let f = row.split(separator: " ")
                if f.first == "export" {
                    result.exportSeconds = Double(f[1])!
                    result.bytes = Int(f[2])!
                }
                if f.first == "expand" {
                    result.expandSeconds = Double(f[1])!
                    result.occurrences = Int(f[2])!
                }
            }
            if best == nil {
                best = result
            } else {
                best!.exportSeconds = min(best!.exportSeconds, result.exportSeconds)
                best!.expandSeconds = min(best!.expandSeconds, result.expandSeconds)
            }
        }
        return best!
    }

    static func line(_ plan: SeriesPlan, through: LocalDate) -> String {
        func local(_ t: LocalDateTime) -> String {
            t.description.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        }
        let zone = ICalTimeZone.stockholm
        let until = plan.until.map { utc(zone.epochSeconds(of: $0)) } ?? "-"
        let exdates = plan.exdates.isEmpty ? "-" : plan.exdates.map(local).joined(separator: ",")
        let overrides =
            plan.overrides.isEmpty
            ? "-" : plan.overrides.map { "\(local($0.recurrenceID))=\(local($0.start))=\(local($0.end))" }.joined(separator: ",")
        return [
            plan.uid, plan.structure.name, local(plan.start), local(plan.end), plan.rule!.text, until, exdates, overrides,
            "\(through.iso.replacingOccurrences(of: "-", with: ""))T235959", "kind.\(plan.structure.kind.rawValue)",
        ]
        .joined(separator: "\t") + "\n"
    }

    static func utc(_ epoch: Int) -> String {
        let t = LocalDateTime(utcEpochSeconds: epoch)
        return "\(t.date.iso.replacingOccurrences(of: "-", with: ""))T\(pad(t.time.hour))\(pad(t.time.minute))00Z"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    @discardableResult
    static func shell(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError("\(arguments[0]) failed (\(process.terminationStatus))") }
        return String(decoding: data, as: UTF8.self)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
