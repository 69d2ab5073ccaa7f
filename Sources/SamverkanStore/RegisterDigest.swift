import SamverkanDomain
import SamverkanTime

/// A digest (FNV-1a, 64 bits) of everything a structure's meetings are derived from: its id,
/// frequency, first and last day, time, length, time zone, holiday policy and periods, breaks,
/// and the region (in the calendar UIDs). It changes when any of them changes (or this program's
/// reading of them: bump ``version``), so the structure is derived again; a digest that changes
/// needlessly only costs a derivation.
///
/// Only these fields are fed, not the whole structure (members, agenda, activities), and numbers
/// as numbers: every command that reads the register checks every structure's digest, and
/// describing a value costs reflection — 1,511 national structures described whole took ~0.1 s,
/// fed like this about a millisecond. Holiday periods and breaks (usually none) are described
/// whole, so a field added to them counts too.
struct RegisterDigest {
    static let version = 2
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(_ structure: CollaborationStructure, region: String) {
        self.init(
            structure, region: region, holidayPeriods: Self.describe(structure.holidayPeriods), breaks: Self.describe(structure.breaks))
    }

    /// The digest with the holiday periods and breaks already described (``describe(_:)``):
    /// structures share a few lists, so ``RegisterDigests`` describes each distinct list once —
    /// describing them structure by structure was a twentieth of a national report's time.
    init(_ structure: CollaborationStructure, region: String, holidayPeriods: String, breaks: String) {
        add(Self.version)
        add(region)
        add(structure.id)
        add(structure.frequency)
        add(structure.starts)
        if let until = structure.until { add(until) } else { add(0) }
        add(structure.time.minutesOfDay)
        add(structure.durationMinutes)
        add(structure.timeZone)
        add(structure.holidayPolicy.rawValue)
        add(holidayPeriods)
        add(breaks)
    }

    /// Holiday periods or breaks as the digest feeds them: described whole, or "" for none.
    static func describe<Element>(_ list: [Element]) -> String {
        list.isEmpty ? "" : String(describing: list)
    }

    /// The digest as stored (`register_structures.content_hash`).
    var text: String { String(value, radix: 16) }

    private mutating func byte(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private mutating func add(_ text: String) {
        for unit in text.utf8 { byte(unit) }
        byte(0x1F)
    }

    private mutating func add(_ number: Int) {
        var rest = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            byte(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    private mutating func add(_ date: LocalDate) { add(date.dayNumber) }

    private mutating func add(_ numbers: [Int]) {
        add(numbers.count)
        for number in numbers { add(number) }
    }

    /// The frequency, case by case (a recurrence rule described whole).
    private mutating func add(_ frequency: Frequency) {
        switch frequency {
        case .weekly(let interval, let weekday):
            add("weekly")
            add(interval)
            add(weekday.rawValue)
        case .monthlyWeekday(let ordinal, let weekday, let interval):
            add("monthly-weekday")
            add(ordinal)
            add(weekday.rawValue)
            add(interval)
        case .monthlyDay(let day, let interval):
            add("monthly-day")
            add(day)
            add(interval)
        case .monthsWeekday(let months, let ordinal, let weekday):
            add("months-weekday")
            add(months)
            add(ordinal)
            add(weekday.rawValue)
        case .monthsDay(let months, let day):
            add("months-day")
            add(months)
            add(day)
        case .dates(let dates):
            add("dates")
            add(dates.map(\.dayNumber))
        case .rule:
            add(String(describing: frequency))
        }
    }
}
