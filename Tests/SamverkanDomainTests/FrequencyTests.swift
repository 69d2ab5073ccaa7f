import Foundation
import SamverkanICal
import SamverkanTime
import Testing

@testable import SamverkanDomain

/// A structure with only what occurrence tests need.
func structure(
    _ frequency: Frequency, starts: String = "2025-01-01", until: String? = nil,
    time: String = "13:00"
) -> CollaborationStructure {
    CollaborationStructure(
        id: "s", name: "S", kind: .custom, members: ["a"], frequency: frequency,
        starts: LocalDate(iso: starts)!, until: until.flatMap { LocalDate(iso: $0) },
        time: LocalTime(text: time)!, durationMinutes: 60)
}

func dates(_ s: CollaborationStructure, _ from: String, _ through: String) throws -> [String] {
    try s.plannedStarts(from: LocalDate(iso: from)!, through: LocalDate(iso: through)!).map(\.date.iso)
}

@Suite("Frequencies and their occurrences")
struct FrequencyTests {
    @Test("Every N weeks on a weekday, counted from the first such weekday on or after the start")
    func weekly() throws {
        let s = structure(.weekly(interval: 2, weekday: .tuesday), starts: "2025-01-01")
        #expect(s.frequency.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
        #expect(try dates(s, "2025-01-01", "2025-02-28") == ["2025-01-07", "2025-01-21", "2025-02-04", "2025-02-18"])
        // A later window keeps the same phase.
        #expect(try dates(s, "2025-06-01", "2025-06-30") == ["2025-06-10", "2025-06-24"])
    }

    @Test("Monthly on the nth or last weekday")
    func monthlyWeekday() throws {
        let first = structure(.monthlyWeekday(ordinal: 1, weekday: .monday, interval: 1))
        #expect(try dates(first, "2025-01-01", "2025-04-30") == ["2025-01-06", "2025-02-03", "2025-03-03", "2025-04-07"])
        let last = structure(.monthlyWeekday(ordinal: -1, weekday: .friday, interval: 2))
        #expect(last.frequency.rrule == "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR")
        #expect(try dates(last, "2025-01-01", "2025-06-30") == ["2025-01-31", "2025-03-28", "2025-05-30"])
    }

    @Test("Monthly on a day of the month, or its last day")
    func monthlyDay() throws {
        let fifteenth = structure(.monthlyDay(day: 15, interval: 1))
        #expect(try dates(fifteenth, "2025-01-01", "2025-03-31") == ["2025-01-15", "2025-02-15", "2025-03-15"])
        let lastDay = structure(.monthlyDay(day: -1, interval: 1), starts: "2024-01-01")
        #expect(try dates(lastDay, "2024-01-01", "2024-03-31") == ["2024-01-31", "2024-02-29", "2024-03-31"])
    }

    @Test("N times a year in given months")
    func months() throws {
        let fridays = structure(.monthsWeekday(months: [2, 5, 9, 11], ordinal: 3, weekday: .friday))
        // Fredagsgruppen's dated meetings fall on the third Friday: 2025-02-21 among them.
        #expect(try dates(fridays, "2025-01-01", "2025-12-31") == ["2025-02-21", "2025-05-16", "2025-09-19", "2025-11-21"])
        let days = structure(.monthsDay(months: [3, 10], day: 1))
        #expect(try dates(days, "2025-01-01", "2026-12-31") == ["2025-03-01", "2025-10-01", "2026-03-01", "2026-10-01"])
    }

    @Test("Explicit dates, limited by the window, starts and until")
    func explicitDates() throws {
        let list = ["2024-05-17", "2025-02-21", "2025-11-21", "2026-02-20"].compactMap { LocalDate(iso: $0) }
        let s = structure(.dates(list), starts: "2025-01-01", until: "2025-12-31")
        #expect(s.frequency.rrule == nil)
        #expect(try dates(s, "2020-01-01", "2030-01-01") == ["2025-02-21", "2025-11-21"])
    }

    @Test("A raw RRULE is expanded by libical")
    func raw() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=10,25")
        let s = structure(.rule(rule))
        #expect(try dates(s, "2025-01-01", "2025-02-28") == ["2025-01-10", "2025-01-25", "2025-02-10", "2025-02-25"])
        #expect(Frequency.rule(rule).inexpressibleReason == nil)
    }

    @Test(
        "Rules mail clients cannot receive are named",
        arguments: [
            ("FREQ=MONTHLY;BYDAY=1MO,3MO", Frequency.Inexpressible.severalWeekdays),
            ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1", .unsupportedParts), ("FREQ=DAILY", .tooOften), ("FREQ=WEEKLY;COUNT=10", .bounded),
        ])
    func inexpressible(text: String, reason: Frequency.Inexpressible) throws {
        #expect(Frequency.rule(try RecurrenceRule(parsing: text)).inexpressibleReason == reason)
    }

    @Test("The series' first start is the first occurrence on or after `starts`")
    func firstStart() throws {
        let s = structure(.monthlyWeekday(ordinal: 1, weekday: .monday, interval: 1), starts: "2025-01-07")
        let rule = try #require(try s.frequency.recurrenceRule())
        let first = try s.firstStart(rule: rule, zone: .stockholm)
        #expect(first?.date.iso == "2025-02-03")
        #expect(first?.time.description == "13:00")
    }

    @Test("Until ends the series")
    func until() throws {
        let s = structure(.weekly(interval: 1, weekday: .monday), until: "2025-01-20")
        #expect(try dates(s, "2025-01-01", "2025-12-31") == ["2025-01-06", "2025-01-13", "2025-01-20"])
    }
}

@Suite("Model")
struct ModelTests {
    @Test("Focus areas are numbered from 1; grant points are the eight of §2 SFS 2024:1253")
    func numbers() {
        #expect(FocusArea(rawValue: 7)?.rawValue == 7)
        #expect(FocusArea(rawValue: 0) == nil)
        #expect(GrantPoint(rawValue: 8) != nil)
        #expect(GrantPoint(rawValue: 9) == nil)
    }

    @Test("A break across the new year contains both ends")
    func breaks() {
        let christmas = Break(name: "Jul", fromMonth: 12, fromDay: 21, toMonth: 1, toDay: 6)
        #expect(christmas.contains(LocalDate(iso: "2025-12-24")!))
        #expect(christmas.contains(LocalDate(iso: "2026-01-06")!))
        #expect(!christmas.contains(LocalDate(iso: "2026-01-07")!))
        #expect(!christmas.contains(LocalDate(iso: "2025-12-20")!))
        #expect(christmas.fromText == "12-21")
    }

    @Test("Care centres and region units are on the region's side; home health care on the municipality's")
    func principals() {
        #expect(Organisation(id: "vc", name: "VC", kind: .careCentre, operator: .privateProvider(nil)).principal == .region)
        #expect(Organisation(id: "h", name: "H", kind: .homeHealthCare).principal == .municipality)
        #expect(Organisation(id: "o", name: "O", kind: .other).principal == .other)
    }

    @Test("Time plans have stable codes")
    func timePlans() {
        #expect(TimePlan.month(year: 2025, month: 11).code == "2025-11")
        #expect(TimePlan.dependsOnNationalWork.code == "depends-on-national-work")
        #expect(TimePlan.date(LocalDate(iso: "2025-02-21")!).code == "2025-02-21")
    }
}
