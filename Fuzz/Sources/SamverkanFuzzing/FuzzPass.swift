public import Foundation

/// A deterministic pass: the seeds, then mutations of them (and of earlier mutations), with a
/// fixed seed. `make test` runs a short one (`FuzzPassTests`); `make fuzz` a long one.
public struct FuzzPass {
    /// What a pass found.
    public struct Report: Sendable, CustomStringConvertible {
        public var surface: FuzzSurface
        public var inputs = 0
        /// How many of them the surface accepted.
        public var accepted = 0
        public var findings: [FuzzFinding] = []
        /// The longest one input took, in seconds.
        public var slowest = 0.0

        public func count(_ kind: FuzzFinding.Kind) -> Int { findings.filter { $0.kind == kind }.count }

        public var description: String {
            let counts = FuzzFinding.Kind.allCases.map { "\($0.rawValue) \(count($0))" }.joined(separator: ", ")
            return
                "\(surface.rawValue): \(inputs) inputs (\(accepted) accepted), crashes 0, \(counts), slowest \(String(format: "%.2f", slowest)) s"
        }
    }

    /// One input may take this long before it counts as a hang.
    public static let hangLimit = 5.0

    public let targets: FuzzTargets

    public init(targets: FuzzTargets) { self.targets = targets }

    /// Runs inputs against a surface until `count` inputs or `seconds` have passed.
    /// - Parameter failures: where to write each failing input (nothing written when nil).
    public func run(
        _ surface: FuzzSurface, seed: UInt64, count: Int, seconds: Double = .infinity,
        failures: URL? = nil, onInput: (([UInt8]) -> Void)? = nil
    ) -> Report {
        var report = Report(surface: surface)
        var mutator = FuzzMutator(seed: seed &+ UInt64(surface.rawValue.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let seeds = FuzzSeeds.seeds(surface, targets: targets)
        guard !seeds.isEmpty else { return report }
        var pool = seeds
        let acceptedBefore = targets.accepted[surface] ?? 0
        let started = Date()
        while report.inputs < count, Date().timeIntervalSince(started) < seconds {
            let input: [UInt8]
            if report.inputs < seeds.count {
                input = seeds[report.inputs]
            } else if report.inputs % 2 == 0, let generated = generate(surface, seeds, &mutator.random) {
                input = generated
            } else {
                let base = pool.randomElement(using: &mutator.random)!
                input = mutator.mutate(base, other: seeds.randomElement(using: &mutator.random)!)
                if pool.count < 64 { pool.append(input) } else { pool[Int.random(in: 0..<64, using: &mutator.random)] = input }
            }
            onInput?(input)
            let clock = Date()
            var finding = targets.check(surface, input)
            let elapsed = Date().timeIntervalSince(clock)
            report.slowest = max(report.slowest, elapsed)
            if elapsed > Self.hangLimit { finding = finding ?? FuzzFinding(.hang, "\(surface.rawValue): one input took \(elapsed) s") }
            report.inputs += 1
            if let finding {
                report.findings.append(finding)
                if let failures { save(input, finding, in: failures, name: "\(surface.rawValue)-\(report.findings.count)") }
            }
        }
        report.accepted = (targets.accepted[surface] ?? 0) - acceptedBefore
        return report
    }

    /// A structured input (``FuzzGenerator``), every other input after the seeds.
    func generate(_ surface: FuzzSurface, _ seeds: [[UInt8]], _ random: inout FuzzMutator.Random) -> [UInt8]? {
        switch surface {
        case .draft:
            let base = Bool.random(using: &random) ? targets.drafts.baseDraft : targets.drafts.correctionDraft
            return FuzzGenerator.draft(base: base, &random)
        case .config: return FuzzGenerator.config(seed: seeds.randomElement(using: &random)!, &random)
        case .importJSON: return FuzzGenerator.archive(seed: seeds.randomElement(using: &random)!, &random)
        case .ical: return nil
        }
    }

    func save(_ input: [UInt8], _ finding: FuzzFinding, in folder: URL, name: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let kind = finding.kind.rawValue.replacingOccurrences(of: " ", with: "-")
        try? Data(input).write(to: folder.appendingPathComponent("\(name)-\(kind)"))
    }
}
