public import SamverkanDomain
public import SamverkanTime

/// A column of the compliance report's heat map: a month, a quarter or a year of the period.
///
/// How wide a column is follows the length of the period, so a long report stays readable (and
/// small): months up to 24 months, quarters up to six years (72 months), years beyond.
public struct HeatMapColumn: Sendable, Hashable {
    /// How much of the calendar a column covers.
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case month, quarter, year

        /// The unit for a period that touches `months` calendar months.
        public init(months: Int) {
            self = months <= 24 ? .month : months <= 72 ? .quarter : .year
        }

        /// How many months a column of this unit covers.
        var length: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .year: 12
            }
        }
    }

    public let unit: Unit
    public let year: Int
    /// The month (1–12), the quarter (1–4), or 1 for a year.
    public let number: Int
    /// The first day of the column inside the period.
    public let first: LocalDate
    /// The last day of the column inside the period.
    public let last: LocalDate

    /// `2025-03`, `2025-Q2` or `2025`.
    public var label: String {
        switch unit {
        case .month: YearMonth(year: year, month: number).description
        case .quarter: "\(year)-Q\(number)"
        case .year: "\(year)"
        }
    }

    /// Whether any day of the column lies between `starts` and `until` (both included).
    public func overlaps(starts: LocalDate, until: LocalDate?) -> Bool {
        last >= starts && (until.map { first <= $0 } ?? true)
    }

    /// The columns of a period, in order: calendar months, quarters or years, the first and last
    /// cut to the period.
    public static func columns(of period: ReportPeriod) -> [HeatMapColumn] {
        let unit = Unit(months: period.months.count)
        var columns: [HeatMapColumn] = []
        var year = period.from.year
        var number = (period.from.month - 1) / unit.length + 1
        while true {
            let firstMonth = (number - 1) * unit.length + 1
            let lastMonth = firstMonth + unit.length - 1
            let start = LocalDate(year: year, month: firstMonth, day: 1)!
            guard start <= period.to else { break }
            let end = LocalDate(year: year, month: lastMonth, day: LocalDate.daysIn(month: lastMonth, year: year))!
            columns.append(
                HeatMapColumn(unit: unit, year: year, number: number, first: max(start, period.from), last: min(end, period.to)))
            number += 1
            if number > 12 / unit.length {
                number = 1
                year += 1
            }
        }
        return columns
    }

    /// The index of the column of `date` among `columns` (as made by ``columns(of:)``), or nil
    /// when the date is outside them.
    static func index(of date: LocalDate, in columns: [HeatMapColumn]) -> Int? {
        guard let first = columns.first else { return nil }
        let length = first.unit.length
        let index = (date.year - first.year) * (12 / length) + (date.month - 1) / length + 1 - first.number
        return columns.indices.contains(index) ? index : nil
    }
}
