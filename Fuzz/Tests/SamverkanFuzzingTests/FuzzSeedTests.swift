import Foundation
import SamverkanFuzzing
import Testing

/// The seeds reach what changed last: a correction's draft with the follow-up of an item a
/// correction withdrew, and a version 2 archive with the meeting register's decisions.
@Suite("fuzz seeds")
struct FuzzSeedTests {
    let targets = try! FuzzTargets(root: FuzzSeeds.root)

    /// How many inputs of a surface the targets accepted, after checking `input`.
    func acceptedAfter(_ surface: FuzzSurface, _ input: [UInt8]) -> (FuzzFinding?, Bool) {
        let before = targets.accepted[surface] ?? 0
        let finding = targets.check(surface, input)
        return (finding, (targets.accepted[surface] ?? 0) > before)
    }

    @Test("A correction's draft with a withdrawn item's follow-up is a seed, accepted and read back as written")
    func withdrawnSeed() throws {
        let seeds = FuzzSeeds.seeds(.draft, targets: targets).map { String(decoding: $0, as: UTF8.self) }
        let correction = try #require(seeds.first { $0.contains("struken i rättelse #9 av #7") })
        #expect(correction.contains("rättelse av #7"))
        let (finding, accepted) = acceptedAfter(.draft, Array(correction.utf8))
        #expect(finding == nil, "\(finding.map(\.description) ?? "")")
        #expect(accepted)
        // A new follow-up of a withdrawn item is refused, without an echo.
        let refused = correction.replacingOccurrences(
            of: "## Uppföljning av åtgärder\n", with: "## Uppföljning av åtgärder\n- #3 | status: klar | kommentar: Klart\n")
        #expect(refused != correction)
        let (again, acceptedAgain) = acceptedAfter(.draft, Array(refused.utf8))
        #expect(again == nil)
        #expect(!acceptedAgain)
    }

    @Test("A version 2 archive with every kind of meeting decision is a seed, imported and exported as written")
    func meetingDecisionSeed() throws {
        let seeds = FuzzSeeds.seeds(.importJSON, targets: targets).map { String(decoding: $0, as: UTF8.self) }
        let archive = try #require(seeds.first { $0.contains("\"meetingDecisions\"") })
        for action in ["cancel", "move", "add", "restore"] { #expect(archive.contains("\"action\" : \"\(action)\"")) }
        let (finding, accepted) = acceptedAfter(.importJSON, Array(archive.utf8))
        #expect(finding == nil, "\(finding.map(\.description) ?? "")")
        #expect(accepted)
    }
}
