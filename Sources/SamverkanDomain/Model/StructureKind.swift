public import SamverkanTime

/// The kinds of collaboration structure (*samverkansstruktur*) the plans name.
public enum StructureKind: String, Sendable, Codable, CaseIterable {
    /// One care centre and the municipality's home health care (*enskild nivå*).
    case single
    /// All care centres of one municipality and its home health care (*gruppnivå*).
    case group
    /// Regional development group for good and close care (Halland's *RUG*).
    case rug
    /// RJH's joint region–municipality group that owns the action plan.
    case fredagsgruppen
    /// Any other configured arena (SVOM, LSG Patientsäkerhet, local arenas, …).
    case custom
}

/// What to do with an occurrence that falls on a public holiday or a day off.
public enum HolidayPolicy: String, Sendable, Codable, CaseIterable {
    /// Drop the occurrence.
    case skip
    /// Move it to the nearest earlier working day.
    case moveEarlier = "move-earlier"
    /// Move it to the nearest later working day.
    case moveLater = "move-later"
}

/// A recurring pause (e.g. *sommaruppehåll* in July, Christmas week), given as month-day bounds
/// that may wrap the new year (`12-23` to `01-06`).
public struct Break: Sendable, Hashable {
    public var name: String
    public var fromMonth: Int, fromDay: Int
    public var toMonth: Int, toDay: Int

    public init(name: String, fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int) {
        self.name = name
        self.fromMonth = fromMonth
        self.fromDay = fromDay
        self.toMonth = toMonth
        self.toDay = toDay
    }

    /// Whether a date falls in the break (bounds included).
    public func contains(_ date: LocalDate) -> Bool {
        let value = date.month * 100 + date.day
        let from = fromMonth * 100 + fromDay
        let to = toMonth * 100 + toDay
        return from <= to ? (from...to).contains(value) : (value >= from || value <= to)
    }

    /// `MM-DD`.
    public var fromText: String { Self.text(fromMonth, fromDay) }
    /// `MM-DD`.
    public var toText: String { Self.text(toMonth, toDay) }

    static func text(_ month: Int, _ day: Int) -> String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }
}

/// A holiday policy for part of the year (e.g. skip meetings that fall on a day off between
/// `12-20` and `01-06` although the structure otherwise moves them earlier).
public struct HolidayPeriod: Sendable, Hashable {
    /// The days it covers (month-day bounds that may wrap the new year); its name is the period's.
    public var days: Break
    /// What happens to a meeting planned on a day off within those days.
    public var policy: HolidayPolicy

    public init(days: Break, policy: HolidayPolicy) {
        self.days = days
        self.policy = policy
    }
}
