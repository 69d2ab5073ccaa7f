import SamverkanDomain
import SamverkanStore
import SamverkanTime

/// The held meetings of a report's period as PostgreSQL hands them over: per structure one text
/// of `meeting/planned/approved` days, comma-separated (planned and approved empty when the
/// minutes have none). Read byte by byte, without a string a meeting: ten national years are
/// 180,000 meetings. Lists them by day, then structure id by its bytes (as SQLite compares
/// them), then planned date, as the embedded store does.
struct HeldMeetingList {
    private var structures: [String] = []
    /// Per meeting: its day, the index of its structure, the planned day (`Int.min` for none).
    private var keys: [(day: Int, structure: Int, planned: Int)] = []
    private var meetings: [HeldMeeting] = []

    /// Adds a structure's text, counting the approved minutes' days from meeting to approval
    /// (none below zero) into `approvalDays`.
    /// - Throws: ``StoreError`` `unreadable` when the text is not of that form.
    mutating func add(_ text: String, structure: String, approvalDays: inout [Int: Int]) throws {
        let index = structures.count
        structures.append(structure)
        var text = text
        try text.withUTF8 { bytes in
            var position = 0
            while position < bytes.count {
                let held = try Self.day(bytes, &position, column: "meeting_date")
                try Self.expect(UInt8(ascii: "/"), bytes, &position)
                let planned =
                    position < bytes.count && bytes[position] == UInt8(ascii: "/")
                    ? nil : try Self.day(bytes, &position, column: "planned_date")
                try Self.expect(UInt8(ascii: "/"), bytes, &position)
                if position < bytes.count, bytes[position] != UInt8(ascii: ",") {
                    let approved = try Self.day(bytes, &position, column: "approved_on")
                    approvalDays[max(0, approved.dayNumber - held.dayNumber), default: 0] += 1
                }
                if position < bytes.count { try Self.expect(UInt8(ascii: ","), bytes, &position) }
                keys.append((held.dayNumber, index, planned?.dayNumber ?? Int.min))
                meetings.append(HeldMeeting(structureID: structure, date: held, plannedDate: planned))
            }
        }
    }

    /// The meetings added, in the embedded store's order.
    func sorted() -> [HeldMeeting] {
        var rank = [Int](repeating: 0, count: structures.count)
        for (position, index) in structures.indices.sorted(by: { structures[$0].utf8.lexicographicallyPrecedes(structures[$1].utf8) })
            .enumerated()
        {
            rank[index] = position
        }
        // Day and structure rank in one number (rank < structures.count), the planned day after it.
        let count = max(structures.count, 1)
        let ordered = keys.indices.map { ($0, keys[$0].day * count + rank[keys[$0].structure], keys[$0].planned) }
        if let order = Self.packedOrder(ordered) { return order.map { meetings[$0] } }
        return ordered.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map { meetings[$0.0] }
    }

    /// The indices of `(index, primary, planned)` ordered by primary, planned, index, found by
    /// sorting plain integers (each triple packed into one, offsets from the smallest): what a
    /// stable sort of the triples by (primary, planned) gives, several times faster for ten
    /// national years. Nil when the three do not fit into 63 bits together.
    static func packedOrder(_ triples: [(Int, Int, Int)]) -> [Int]? {
        guard let first = triples.first else { return [] }
        var (low, high, lowPlanned, highPlanned) = (first.1, first.1, Int.max, Int.min)
        for (_, primary, planned) in triples {
            low = min(low, primary)
            high = max(high, primary)
            if planned != Int.min {
                lowPlanned = min(lowPlanned, planned)
                highPlanned = max(highPlanned, planned)
            }
        }
        // Planned days from 1 up, 0 for none (which sorts first, as Int.min does).
        let plannedRange =
            highPlanned == Int.min ? (partialValue: -1, overflow: false) : highPlanned.subtractingReportingOverflow(lowPlanned)
        let primaryRange = high.subtractingReportingOverflow(low)
        guard !primaryRange.overflow, !plannedRange.overflow, plannedRange.partialValue < Int.max else { return nil }
        let plannedSpan = plannedRange.partialValue + 1
        let indexBits = Self.bits(triples.count - 1)
        let plannedBits = Self.bits(plannedSpan)
        guard indexBits + plannedBits + Self.bits(primaryRange.partialValue) <= 63 else { return nil }
        var packed = triples.map { (index, primary, planned) in
            let plannedOffset = planned == Int.min ? 0 : planned - lowPlanned + 1
            return ((primary - low) << (plannedBits + indexBits)) | (plannedOffset << indexBits) | index
        }
        packed.sort()
        let mask = (1 << indexBits) - 1
        return packed.map { $0 & mask }
    }

    /// How many bits a non-negative number needs.
    static func bits(_ number: Int) -> Int {
        number <= 0 ? 0 : Int.bitWidth - number.leadingZeroBitCount
    }

    /// The `YYYY-MM-DD` day at `position`, which moves past it.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, table: String = "minutes", column: String) throws
        -> LocalDate
    {
        guard position + 10 <= bytes.count,
            let (year, month, day) = LocalDate.isoFields(UnsafeBufferPointer(rebasing: bytes[position..<position + 10])),
            let date = LocalDate(year: year, month: month, day: day)
        else {
            throw StoreError.unreadable(table, column: column)
        }
        position += 10
        return date
    }

    /// Moves past the byte at `position`, which must be `byte`.
    static func expect(
        _ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, table: String = "minutes",
        column: String = "meeting_date"
    ) throws {
        guard position < bytes.count, bytes[position] == byte else { throw StoreError.unreadable(table, column: column) }
        position += 1
    }
}
