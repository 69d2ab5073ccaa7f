import SamverkanTime
import Testing

@testable import SamverkanICal

@Suite("Recurrence rules through libical")
struct RecurrenceRuleTests {
    let stockholm = ICalTimeZone.stockholm

    @Test("A valid rule is parsed into libical's canonical text")
    func canonical() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU;INTERVAL=2")
        #expect(rule.text.contains("FREQ=WEEKLY"))
        #expect(rule.text.contains("INTERVAL=2"))
        #expect(rule.text.contains("BYDAY=TU"))
        #expect(rule.positionedWeekdayCount == 0)
        #expect(!rule.isBounded)
    }

    @Test(
        "Malformed rules are refused with a message",
        arguments: [
            "", "FREQ=FORTNIGHTLY", "BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;INTERVAL=zwei",
        ])
    func malformed(source: String) {
        #expect(throws: ICalError.self) { try RecurrenceRule(parsing: source) }
    }

    @Test("Several nth weekdays are counted (Outlook cannot receive them)")
    func positioned() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=1MO,3MO")
        #expect(rule.positionedWeekdayCount == 2)
        let setpos = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2")
        #expect(setpos.hasUnsupportedParts)
    }

    @Test("Expansion gives the first Monday of each month in a window")
    func firstMonday() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=1MO")
        let start = LocalDateTime(date: LocalDate(year: 2025, month: 1, day: 6)!, time: LocalTime(hour: 9, minute: 0)!)
        let got = rule.occurrences(
            start: start, zone: stockholm,
            from: LocalDate(year: 2025, month: 3, day: 1)!,
            through: LocalDate(year: 2025, month: 6, day: 30)!)
        #expect(got.map(\.date.iso) == ["2025-03-03", "2025-04-07", "2025-05-05", "2025-06-02"])
        #expect(got.allSatisfy { $0.time.description == "09:00" })
    }

    @Test("A window far after the start gives the same dates as walking from the start")
    func jumpMatchesWalk() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;INTERVAL=3;BYDAY=TH")
        let start = LocalDateTime(date: LocalDate(year: 2020, month: 1, day: 2)!, time: LocalTime(hour: 13, minute: 0)!)
        let all = rule.occurrences(
            start: start, zone: stockholm, from: start.date,
            through: LocalDate(year: 2027, month: 12, day: 31)!)
        let from = LocalDate(year: 2026, month: 3, day: 10)!
        let window = rule.occurrences(
            start: start, zone: stockholm, from: from,
            through: LocalDate(year: 2027, month: 12, day: 31)!)
        #expect(!window.isEmpty)
        #expect(window == all.filter { $0.date >= from })
    }
}

@Suite("Time zones")
struct TimeZoneTests {
    @Test("Stockholm is UTC+1 in winter and UTC+2 in summer")
    func offsets() {
        let zone = ICalTimeZone.stockholm
        let winter = LocalDateTime(date: LocalDate(year: 2025, month: 1, day: 15)!, time: LocalTime(hour: 10, minute: 0)!)
        let summer = LocalDateTime(date: LocalDate(year: 2025, month: 6, day: 15)!, time: LocalTime(hour: 10, minute: 0)!)
        #expect(zone.utcOffsetSeconds(at: winter) == 3600)
        #expect(zone.utcOffsetSeconds(at: summer) == 7200)
        #expect(zone.iso8601(summer) == "2025-06-15T10:00:00+02:00")
        // 2025-03-30 is the last Sunday of March: the day after is summer time.
        let afterSwitch = LocalDateTime(date: LocalDate(year: 2025, month: 3, day: 31)!, time: LocalTime(hour: 9, minute: 0)!)
        #expect(zone.iso8601(afterSwitch) == "2025-03-31T09:00:00+02:00")
        #expect(zone.epochSeconds(of: winter) == 1_736_931_600)
    }

    @Test("An unknown zone is an error naming it")
    func unknown() {
        #expect(throws: ICalError.self) { try ICalTimeZone.named("Europe/Atlantis") }
    }
}

@Suite("Civil dates")
struct LocalDateTests {
    @Test("Day numbers round-trip and weekdays are right")
    func dayNumbers() {
        let date = LocalDate(year: 2025, month: 2, day: 21)!
        #expect(date.weekday == .friday)
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(iso: "2025-13-01") == nil)
        #expect(date.adding(days: 10).iso == "2025-03-03")
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test("Times parse with colon or dot")
    func times() {
        #expect(LocalTime(text: "13:30")?.description == "13:30")
        #expect(LocalTime(text: "9.05")?.description == "09:05")
        #expect(LocalTime(text: "24:00") == nil)
        #expect(LocalTime(text: "1330") == nil)
    }
}
