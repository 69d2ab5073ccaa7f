// samverkan-benchmarks: the speed and memory targets the issues name, measured in one run each.
//
//   swift run -c release samverkan-benchmarks calendar   (issue: calendar export, vs. a C baseline)
//   swift run -c release samverkan-benchmarks minutes    (issue: recording minutes at national scale)
//   swift run -c release samverkan-benchmarks report     (issue: compliance report, vs. a plain SQL aggregate)
//
// `make benchmark` builds in release mode and runs them all, each in its own process (so each
// peak memory figure is that benchmark's alone).
import Foundation

let benchmarks: [String: () async throws -> Void] = Benchmarks.all

let arguments = Array(CommandLine.arguments.dropFirst())
let chosen = arguments.isEmpty ? benchmarks.keys.sorted() : arguments
for name in chosen {
    guard let run = benchmarks[name] else {
        FileHandle.standardError.write(
            Data("unknown benchmark \"\(name)\"; choose from: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    do { try await run() } catch {
        FileHandle.standardError.write(Data("benchmark \(name) failed: \(error)\n".utf8))
        exit(1)
    }
}
