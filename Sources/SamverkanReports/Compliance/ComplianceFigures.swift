public import SamverkanDomain

/// The counts behind every figure of the compliance report, for one structure or summed over a
/// group. Shares are derived from the counts, so a group's figures are exactly the sum of its
/// structures' and a share is `nil` when there is nothing to divide by.
public struct ComplianceFigures: Sendable, Hashable {
    /// Structures counted.
    public var structures = 0
    /// Planned meetings due by the end of the period (or today): scheduled occurrences after
    /// holiday and break rules, from the structure's start.
    public var expected = 0
    /// Planned meetings with minutes.
    public var heldPlanned = 0
    /// Extra meetings (not in the schedule) with minutes.
    public var extra = 0
    /// Planned meetings recorded as cancelled.
    public var cancelled = 0
    /// Planned meetings due with neither minutes nor a cancellation.
    public var missed = 0
    /// Planned meetings in the period that are not yet due (today or later, nothing recorded).
    public var upcoming = 0
    /// Held meetings counted towards the frequency, per structure at most its expected meetings.
    public var counted = 0
    /// Standing agenda items that held meetings should have covered (meetings × items).
    public var agendaPossible = 0
    /// Of those, the ones the minutes mark as covered.
    public var agendaCovered = 0
    /// Per standing agenda item (id and title): covered, and held meetings of structures that
    /// have the item. Structures whose items share an id but not a title count apart.
    public var items: [ItemKey: ItemCount] = [:]
    /// Held meetings whose attendance was scored.
    public var attendanceMeetings = 0
    /// Sum of the attendance scores (0…1 per meeting).
    public var attendanceScore = 0.0
    /// Held meetings with approved minutes.
    public var approved = 0
    /// Days from meeting to approval, one per approved record.
    public var approvalDays: [Int] = []
    /// Approved within ``ComplianceFigures/approvalLimit`` days of the meeting.
    public var approvedInTime = 0
    /// Action items decided in the period.
    public var actionsCreated = 0
    /// Of those: marked done by the end of the period.
    public var actionsDone = 0
    /// Of those: not done at the end of the period.
    public var actionsOpen = 0
    /// Of the open ones: past their due date at the end of the period.
    public var actionsOverdue = 0

    /// Swedish practice: minutes are approved within 14 days of the meeting.
    public static let approvalLimit = 14

    /// A standing agenda item as the report counts it: its id and its structure's title for it.
    public struct ItemKey: Sendable, Hashable, Comparable {
        public var id: String
        public var title: String
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
        /// The key of a configured item.
        public init(_ item: AgendaItem) { self.init(id: item.id, title: item.title) }
        public static func < (a: ItemKey, b: ItemKey) -> Bool { (a.id, a.title) < (b.id, b.title) }
        /// The id alone: keys that are equal have equal ids, and the titles (Swedish, so hashed
        /// with Unicode normalisation) cost a national report most of its adding of figures.
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// Covered and possible counts of one standing agenda item.
    public struct ItemCount: Sendable, Hashable {
        public var covered = 0
        public var meetings = 0
        public init(covered: Int = 0, meetings: Int = 0) {
            self.covered = covered
            self.meetings = meetings
        }
        /// Adds another count of the same item.
        mutating func add(_ other: ItemCount) {
            covered += other.covered
            meetings += other.meetings
        }
        /// covered / meetings, nil without meetings.
        public var share: Double? { meetings > 0 ? Double(covered) / Double(meetings) : nil }
    }

    public init() {}

    /// The counts of a standing agenda item id, summed over the titles structures give it; nil
    /// when no structure has it.
    public func items(withID id: String) -> ItemCount? {
        let counts = items.filter { $0.key.id == id }.map(\.value)
        guard !counts.isEmpty else { return nil }
        return ItemCount(covered: counts.map(\.covered).reduce(0, +), meetings: counts.map(\.meetings).reduce(0, +))
    }

    /// Meetings held: planned ones with minutes and extra ones.
    public var held: Int { heldPlanned + extra }

    /// Frequency compliance: held / expected (extra meetings fill missed ones, never above 100 %).
    public var compliance: Double? { Self.share(counted, expected) }
    /// Share of the standing agenda covered by held meetings.
    public var contentShare: Double? { Self.share(agendaCovered, agendaPossible) }
    /// Average attendance score of held meetings.
    public var attendanceShare: Double? { attendanceMeetings > 0 ? attendanceScore / Double(attendanceMeetings) : nil }
    /// Share of held meetings whose minutes are approved.
    public var approvedShare: Double? { Self.share(approved, held) }
    /// Share of approved minutes approved within 14 days.
    public var approvedInTimeShare: Double? { Self.share(approvedInTime, approved) }
    /// Median days from meeting to approval (the mean of the two middle values for an even count).
    public var medianApprovalDays: Double? {
        guard !approvalDays.isEmpty else { return nil }
        let sorted = approvalDays.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    static func share(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    /// Adds another structure's or group's counts.
    public mutating func add(_ other: ComplianceFigures) {
        structures += other.structures
        expected += other.expected
        heldPlanned += other.heldPlanned
        extra += other.extra
        cancelled += other.cancelled
        missed += other.missed
        upcoming += other.upcoming
        counted += other.counted
        agendaPossible += other.agendaPossible
        agendaCovered += other.agendaCovered
        // One lookup per item (its id hashed once: Swedish ids hash with Unicode normalisation).
        for (key, count) in other.items { items[key, default: ItemCount()].add(count) }
        attendanceMeetings += other.attendanceMeetings
        attendanceScore += other.attendanceScore
        approved += other.approved
        approvalDays += other.approvalDays
        approvedInTime += other.approvedInTime
        actionsCreated += other.actionsCreated
        actionsDone += other.actionsDone
        actionsOpen += other.actionsOpen
        actionsOverdue += other.actionsOverdue
    }
}
