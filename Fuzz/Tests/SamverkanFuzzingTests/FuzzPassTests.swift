import SamverkanFuzzing
import Testing

/// The short deterministic fuzz pass of `make test`: a fixed seed, a few thousand inputs per
/// surface. `make fuzz` runs the same checks for longer (README: "Hostile input").
@Suite("fuzz pass", .serialized)
struct FuzzPassTests {
    static let targets = try! FuzzTargets(root: FuzzSeeds.root)

    @Test(
        "No crash, hang, echoed number, bypass or lost text",
        arguments: [
            (FuzzSurface.config, 300), (.draft, 2500), (.importJSON, 600), (.ical, 3000),
        ])
    func pass(surface: FuzzSurface, count: Int) {
        let report = FuzzPass(targets: Self.targets).run(surface, seed: 2025, count: count, seconds: 15)
        #expect(report.inputs >= min(count, 100), "\(report)")
        #expect(report.findings.isEmpty, "\(report): \(report.findings.prefix(5).map(\.description))")
        #expect(report.slowest < FuzzPass.hangLimit)
    }
}
