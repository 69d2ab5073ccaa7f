import SamverkanDomain
import SamverkanTime
import Testing

@testable import SamverkanPostgres

/// How the held meetings PostgreSQL hands over are read and ordered (the embedded store's order).
@Suite("HeldMeetingList: the held meetings' texts read and ordered as the embedded store orders them")
struct HeldMeetingListTests {
    @Test("Packed integer order equals a stable sort by (primary, planned), with no planned day first, over random triples")
    func packedOrderIsTheStableSort() throws {
        var generator = SplitMix(seed: 20_261_129)
        for size in [0, 1, 2, 17, 1_000, 20_000] {
            let triples = (0..<size).map { index in
                (
                    index, Int.random(in: 700_000...760_000, using: &generator) * 3 + Int.random(in: 0..<3, using: &generator),
                    Bool.random(using: &generator) ? Int.min : Int.random(in: 730_000...731_000, using: &generator)
                )
            }
            let stable = triples.enumerated().sorted { ($0.element.1, $0.element.2, $0.offset) < ($1.element.1, $1.element.2, $1.offset) }
                .map(\.element.0)
            #expect(HeldMeetingList.packedOrder(triples) == stable, "size \(size)")
        }
    }

    @Test("Triples too wide to pack go the tuple way: nil, never a wrong order")
    func tooWideIsNil() {
        #expect(HeldMeetingList.packedOrder([(0, Int.min, 0), (1, Int.max, 0)]) == nil)
        #expect(HeldMeetingList.packedOrder([(0, 0, -(1 << 62)), (1, 0, 1 << 62)]) == nil)
        #expect(HeldMeetingList.packedOrder([(0, 1 << 40, 5), (1, 0, 1 << 30)]) == nil)
        #expect(HeldMeetingList.packedOrder([(0, 0, 0), (1, 0, Int.max)]) == nil)
        #expect(HeldMeetingList.packedOrder([(0, 5, Int.min), (1, 5, 3), (2, 4, Int.min)]) == [2, 0, 1])
    }

    @Test("Meetings of several structures come out by day, structure id by its bytes, planned day")
    func listedInStoreOrder() throws {
        var list = HeldMeetingList()
        var days: [Int: Int] = [:]
        try list.add("2025-03-02/2025-03-01/2025-03-10,2025-01-05//", structure: "b", approvalDays: &days)
        try list.add("2025-03-02/2025-03-02/,2025-03-02//", structure: "B", approvalDays: &days)
        try list.add("2025-01-05/2025-01-04/2025-01-04", structure: "a", approvalDays: &days)
        let sorted = list.sorted().map { "\($0.date.iso) \($0.structureID) \($0.plannedDate?.iso ?? "-")" }
        #expect(
            sorted == [
                "2025-01-05 a 2025-01-04", "2025-01-05 b -", "2025-03-02 B -", "2025-03-02 B 2025-03-02", "2025-03-02 b 2025-03-01",
            ])
        #expect(days == [8: 1, 0: 1])
        #expect(throws: (any Error).self) { try list.add("2025-13-01//", structure: "c", approvalDays: &days) }
    }
}

/// A seeded generator (SplitMix64), so a failing case comes back the same.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
