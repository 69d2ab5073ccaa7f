import Foundation
import SamverkanFuzzing

/// `make fuzz`: feeds generated and mutated inputs to the configuration loader, the draft parser
/// (with the identity-number guard), minutes import and the iCalendar parser.
///
/// Built with `-sanitize=fuzzer -D LIBFUZZER` it is a libFuzzer target (`FUZZ_SURFACE` names the
/// surface; a finding stops it like a crash). Built normally it runs its own seeded loop:
/// `samverkan-fuzz [seconds per surface] [seed] [surface…]`, with a watchdog for hangs and a
/// signal handler that keeps the input of a crash in `.build/fuzz/failures/`.

/// The checks, loaded once.
let targets: FuzzTargets = {
    do { return try FuzzTargets(root: FuzzSeeds.root) } catch {
        FileHandle.standardError.write(Data("samverkan-fuzz: cannot load the seeds: \(error)\n".utf8))
        exit(2)
    }
}()

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let surface = FuzzSurface(rawValue: ProcessInfo.processInfo.environment["FUZZ_SURFACE"] ?? "draft") ?? .draft
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let finding = targets.check(surface, bytes) { fatalError("samverkan-fuzz: \(finding)") }
    return 0
}

#if LIBFUZZER
    /// libFuzzer's driver (SwiftPM names the executable's entry point itself, so libFuzzer's own
    /// `main` is not used: `main` below hands over to the driver).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

@main
struct SamverkanFuzz {
    static func main() {
        #if LIBFUZZER
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) })
        #else
            var arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "corpus", arguments.count == 2 {
                do { try FuzzSeeds.writeCorpus(to: URL(fileURLWithPath: arguments[1]), targets: targets) } catch {
                    FileHandle.standardError.write(Data("samverkan-fuzz: \(error)\n".utf8))
                    exit(2)
                }
                exit(0)
            }
            let seconds = arguments.isEmpty ? 60 : Double(arguments.removeFirst()) ?? 60
            let seed = arguments.isEmpty ? 1 : UInt64(arguments.removeFirst()) ?? 1
            let surfaces = arguments.isEmpty ? FuzzSurface.allCases : arguments.compactMap(FuzzSurface.init(rawValue:))
            let failures = FuzzSeeds.root.appendingPathComponent(".build/fuzz/failures")
            try? FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
            Watchdog.start(crashFile: failures.appendingPathComponent("crash-or-hang-input").path)
            var total = 0
            for surface in surfaces {
                let report = FuzzPass(targets: targets).run(surface, seed: seed, count: .max, seconds: seconds, failures: failures) {
                    Watchdog.begin($0)
                }
                print(report)
                total += report.findings.count
                for finding in report.findings.prefix(5) { print("  \(finding)") }
            }
            print(
                total == 0
                    ? "samverkan-fuzz: nothing found (crashes 0, hangs 0)" : "samverkan-fuzz: \(total) findings, inputs in \(failures.path)"
            )
            exit(total == 0 ? 0 : 1)
        #endif
    }
}
