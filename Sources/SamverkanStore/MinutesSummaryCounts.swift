import SamverkanDomain

/// One structure's minutes summary columns, counted per distinct value while the period is
/// read, then added to its ``MeetingTotals``. A structure's meetings share a handful of lists
/// of present organisations and covered items, so each list is split once, not once a meeting.
struct MinutesSummaryCounts {
    var meetings = 0
    /// Per number of days from meeting to approval.
    var approvalDays: [Int: Int] = [:]
    /// Per `present_sides` value (1 region, 2 municipality, 3 both).
    var sides: [Int: Int] = [:]
    /// Per `present_organisations` list.
    var organisations: [String: Int] = [:]
    /// Per `covered_items` list.
    var items: [String: Int] = [:]

    /// Counts one held meeting's summary.
    mutating func add(approvalDays days: Int?, sides: Int, organisations: String, items: String) {
        meetings += 1
        if let days { approvalDays[max(0, days), default: 0] += 1 }
        self.sides[sides, default: 0] += 1
        self.organisations[organisations, default: 0] += 1
        self.items[items, default: 0] += 1
    }

    /// Adds the counts to a structure's totals, per side, organisation and agenda item.
    func add(to totals: inout MeetingTotals) {
        totals.meetings += meetings
        for (days, count) in approvalDays { totals.approvalDays[days, default: 0] += count }
        for (bits, count) in sides {
            var present = Set<Principal>()
            if bits & 1 != 0 { present.insert(.region) }
            if bits & 2 != 0 { present.insert(.municipality) }
            totals.sidesPresent[present, default: 0] += count
        }
        for (list, count) in organisations {
            for id in list.split(separator: AppDatabase.summarySeparator) { totals.organisationsPresent[String(id), default: 0] += count }
        }
        for (list, count) in items {
            for id in list.split(separator: AppDatabase.summarySeparator) { totals.covered[String(id), default: 0] += count }
        }
    }
}
