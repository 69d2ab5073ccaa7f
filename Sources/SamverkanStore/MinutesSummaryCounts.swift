public import SamverkanDomain

/// One structure's minutes summary columns, counted per distinct value while the period is
/// read, then added to its ``MeetingTotals``. A structure's meetings share a handful of lists
/// of present organisations and covered items: they are counted by list number
/// (``SummaryLists``), and each id is counted as a `String` once per structure.
struct MinutesSummaryCounts {
    var meetings = 0
    /// Per number of days from meeting to approval, below ``dayCells`` days by index (most
    /// minutes are approved within weeks: an array increment a meeting instead of a hash).
    var approvalDays: [Int] = []
    /// Approvals ``dayCells`` days or more after the meeting, per number of days.
    var laterApprovals: [Int: Int] = [:]
    /// Per `present_sides` value by its two bits (1 region, 2 municipality, 3 both; the only bits
    /// that count).
    var sides = [Int](repeating: 0, count: 4)
    /// Per `present_organisations` list number.
    var organisations: [Int: Int] = [:]
    /// Per `covered_items` list number.
    var items: [Int: Int] = [:]

    /// Approval delays counted by index in ``approvalDays``.
    static let dayCells = 366

    /// Counts one held meeting's summary.
    mutating func add(approvalDays days: Int?, sides: Int, organisations: Int, items: Int) {
        meetings += 1
        if let days {
            let days = max(0, days)
            if days < Self.dayCells {
                if approvalDays.count <= days { approvalDays += repeatElement(0, count: days + 1 - approvalDays.count) }
                approvalDays[days] += 1
            } else {
                laterApprovals[days, default: 0] += 1
            }
        }
        self.sides[sides & 3] += 1
        self.organisations[organisations, default: 0] += 1
        self.items[items, default: 0] += 1
    }

    /// Adds the counts to a structure's totals, per side, organisation and agenda item.
    func add(to totals: inout MeetingTotals, lists: SummaryLists) {
        totals.meetings += meetings
        for (days, count) in approvalDays.enumerated() where count > 0 { totals.approvalDays[days, default: 0] += count }
        for (days, count) in laterApprovals { totals.approvalDays[days, default: 0] += count }
        for (bits, count) in sides.enumerated() where count > 0 {
            totals.sidesPresent[Principal.present(sides: Int64(bits)), default: 0] += count
        }
        for (id, count) in Self.perID(organisations, lists) { totals.organisationsPresent[lists.id(id), default: 0] += count }
        for (id, count) in Self.perID(items, lists) { totals.covered[lists.id(id), default: 0] += count }
    }

    /// Counts per list number turned into counts per id number.
    private static func perID(_ counts: [Int: Int], _ lists: SummaryLists) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (list, count) in counts {
            for id in lists.ids(of: list) { result[id, default: 0] += count }
        }
        return result
    }
}

extension Principal {
    /// The sides a `present_sides` value says were present: bit 1 the region, bit 2 the
    /// municipality.
    public static func present(sides bits: Int64) -> Set<Principal> {
        var present = Set<Principal>()
        if bits & 1 != 0 { present.insert(.region) }
        if bits & 2 != 0 { present.insert(.municipality) }
        return present
    }
}
