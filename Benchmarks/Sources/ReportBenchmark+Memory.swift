import Foundation
import SamverkanDomain
import SamverkanReports

extension ReportBenchmark {
    /// Set in the child process that measures one report's peak memory: the case's index.
    static let caseVariable = "SAMVERKAN_BENCHMARK_REPORT_CASE"

    /// Set with it when the child renders JSON instead of the table.
    static let jsonVariable = "SAMVERKAN_BENCHMARK_REPORT_JSON"

    static var childCase: Int? { ProcessInfo.processInfo.environment[caseVariable].flatMap { Int($0) } }

    /// Runs this benchmark binary again for one report of a case and returns that process's
    /// peak resident memory in MB: the figure a user's `samverkan report compliance` has, free of
    /// what earlier runs in this process left in the allocator and SQLite's caches.
    static func freshProcessPeak(case index: Int, json: Bool = false) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["report"]
        process.environment = ProcessInfo.processInfo.environment.merging([caseVariable: String(index), jsonVariable: json ? "1" : ""]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let peak = text.split(separator: " ").last.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            throw BenchmarkError("the child measuring one report failed (\(process.terminationStatus)): \(text)")
        }
        return peak
    }

    /// In the child: one report of the case (the table, then the JSON when asked), then its peak
    /// memory on standard output.
    static func runChild(_ index: Int) throws {
        let configuration = configuration()
        let phrases = Phrasebook(language: "sv", phrases: try MinutesBenchmark.loadPhrases())
        let run = try report(cases[index], configuration, path: databasePath, scheduler: Scheduler(), phrases: phrases)
        if ProcessInfo.processInfo.environment[jsonVariable] == "1" { _ = try run.report.json() }
        print("peak", Measure.peakMemoryMB())
    }
}
