import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports

extension ReportBenchmark {
    /// Set in the child process that measures one report's peak memory: the case's index.
    static let caseVariable = "SAMVERKAN_BENCHMARK_REPORT_CASE"
    /// Set with it: the output the child writes after the table (`json`, `csv`, `md`, `html`).
    static let formatVariable = "SAMVERKAN_BENCHMARK_REPORT_FORMAT"
    /// The outputs besides the table whose peak is printed for ten years.
    static let otherFormats = ["json", "csv", "md", "html"]

    /// One format's line: its peak, the ratio to the target, the size of the output, and PASS or FAIL.
    static func formatLine(_ format: String, peak: Double, size: Double) -> String {
        String(
            format: "report:     %@ peak %4.0f MB = %.2f × the %.0f MB target%@ — %@",
            format.padding(toLength: 5, withPad: " ", startingAt: 0),
            peak, peak / memoryTarget, memoryTarget,
            size > 0 ? String(format: " (the output %.1f MB)", size) : "", peak < memoryTarget ? "PASS" : "FAIL")
    }

    static var childCase: Int? { ProcessInfo.processInfo.environment[caseVariable].flatMap { Int($0) } }

    /// Runs this benchmark binary again for one report of a case and returns that process's
    /// peak resident memory in MB — the figure a user's `samverkan report compliance` has, free of
    /// what earlier runs in this process left in the allocator and SQLite's caches — and the
    /// size of the other output in MB.
    static func freshProcessPeak(case index: Int, format: String = "") throws -> (peak: Double, size: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["report"]
        process.environment = ProcessInfo.processInfo.environment.merging([caseVariable: String(index), formatVariable: format]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, words.count == 4, let size = Double(words[1]), let peak = Double(words[3]) else {
            throw BenchmarkError("the child measuring one report failed (\(process.terminationStatus)): \(text)")
        }
        return (peak, size / 1e6)
    }

    /// In the child: one report of the case (the table, then the other output when asked), then
    /// its peak memory on standard output.
    static func runChild(_ index: Int) async throws {
        let configuration = configuration()
        let phrases = Phrasebook(language: "sv", phrases: try MinutesBenchmark.loadPhrases())
        let report = try await report(cases[index], configuration, path: databasePath, scheduler: Scheduler(), phrases: phrases).report
        let numbers = FigureFormatter(decimalComma: true)
        var text = ""
        switch ProcessInfo.processInfo.environment[formatVariable] ?? "" {
        case "json": text = try report.json()
        case "csv": text = report.csv(phrases: phrases, numbers: numbers)
        case "md": text = report.markdown(phrases: phrases, numbers: numbers)
        case "html":
            let template = try String(contentsOfFile: "Templates/sv/compliance.html", encoding: .utf8)
            text = try report.html(template: template, phrases: phrases, numbers: numbers)
        default: break
        }
        print("size", text.utf8.count, "peak", Measure.peakMemoryMB())
    }
}
