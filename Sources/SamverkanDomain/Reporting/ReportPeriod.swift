public import SamverkanTime

/// The period a follow-up report covers: a year, a half-year, a quarter, a month, or any range of days.
public struct ReportPeriod: Sendable, Hashable, Codable {
    /// The first day.
    public let from: LocalDate
    /// The last day, included.
    public let to: LocalDate
    /// How the period was asked for: `2025`, `2025-H1`, `2025-Q2`, `2025-03`, or `2025-02-01–2025-05-31`.
    public let label: String

    /// A range of days. Returns nil when `from` is after `to`.
    public init?(from: LocalDate, to: LocalDate, label: String? = nil) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
        self.label = label ?? "\(from.iso)–\(to.iso)"
    }

    /// Parses `2025`, `2025-H1`/`H2`, `2025-Q1`…`Q4` or `2025-03` (case-insensitive).
    /// Returns nil for anything else.
    public init?(parsing text: String) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1900, year <= 2200 else { return nil }
        let months: ClosedRange<Int>
        switch parts.count {
        case 1:
            months = 1...12
        case 2:
            let rest = parts[1]
            if rest.count == 2, let half = Int(rest.dropFirst()), rest.first == "H", (1...2).contains(half) {
                months = (half * 6 - 5)...(half * 6)
            } else if rest.count == 2, let quarter = Int(rest.dropFirst()), rest.first == "Q", (1...4).contains(quarter) {
                months = (quarter * 3 - 2)...(quarter * 3)
            } else if rest.count == 2, let month = Int(rest), (1...12).contains(month) {
                months = month...month
            } else {
                return nil
            }
        default:
            return nil
        }
        let last = LocalDate(year: year, month: months.upperBound, day: LocalDate.daysIn(month: months.upperBound, year: year))!
        self.init(from: LocalDate(year: year, month: months.lowerBound, day: 1)!, to: last, label: text.uppercased())
    }

    /// The calendar months the period touches, as (year, month), in order.
    public var months: [YearMonth] {
        var result: [YearMonth] = []
        var current = YearMonth(year: from.year, month: from.month)
        let last = YearMonth(year: to.year, month: to.month)
        while current <= last {
            result.append(current)
            current = current.next
        }
        return result
    }

    /// Whether a day lies in the period.
    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

/// A calendar month.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month a date lies in.
    public init(_ date: LocalDate) { self.init(year: date.year, month: date.month) }

    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }

    /// `2025-03`.
    public var description: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)" }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
