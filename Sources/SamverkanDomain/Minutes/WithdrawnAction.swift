public import SamverkanTime

/// An action item a correction withdrew (*struken*): it was decided in minutes that a correction
/// which counts (see `minutes_chain`) no longer holds it.
///
/// It is no longer open, overdue or followed up, but follow-ups recorded at later meetings
/// before it was withdrawn stay in their minutes: drafts and documents show them with the
/// item's last text and where it was withdrawn, and a correction of those minutes keeps them.
public struct WithdrawnAction: Sendable, Hashable, Codable {
    /// The item as it last read, with its number (`#N`) as ``ActionItem/id``.
    public var item: ActionItem
    public var structureID: String
    /// The date of the meeting that decided it.
    public var decidedOn: LocalDate
    /// The correction that withdrew it (left its line out).
    public var withdrawnIn: Int64
    /// The minutes that correction corrects.
    public var corrects: Int64

    public init(item: ActionItem, structureID: String, decidedOn: LocalDate, withdrawnIn: Int64, corrects: Int64) {
        self.item = item
        self.structureID = structureID
        self.decidedOn = decidedOn
        self.withdrawnIn = withdrawnIn
        self.corrects = corrects
    }
}
