public import SamverkanTime

/// The minutes before the one being written, for the "approval of the previous minutes" item.
public struct PreviousMinutes: Sendable, Hashable {
    public var id: Int64
    public var date: LocalDate

    public init(id: Int64, date: LocalDate) {
        self.id = id
        self.date = date
    }
}
