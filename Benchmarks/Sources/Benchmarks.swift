import Foundation

/// Every benchmark, by the name given on the command line.
enum Benchmarks {
    /// Add a line here when adding a benchmark file.
    static var all: [String: () async throws -> Void] {
        [
            "calendar": { try CalendarBenchmark.run() },
            "minutes": { try MinutesBenchmark.run() },
            "report": { try await ReportBenchmark.run() },
            "notify": { try NotifyBenchmark.run() },
            "postgres": { try await PostgresBenchmark.run() },
        ]
    }
}

/// Wall-clock and peak-memory measurement helpers.
enum Measure {
    /// Seconds taken by a closure (monotonic clock).
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Seconds taken by an asynchronous closure (monotonic clock).
    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The process's peak resident memory so far, in MB (Linux `VmHWM`).
    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "0") ?? 0
        return kilobytes / 1024
    }
}
