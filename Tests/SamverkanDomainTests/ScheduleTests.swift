import SamverkanICal
import SamverkanTime
import Testing

@testable import SamverkanDomain

@Suite("Swedish holidays")
struct HolidayTests {
    func dates(_ year: Int) -> [Holiday.Kind: String] {
        Dictionary(uniqueKeysWithValues: SwedishHolidays.holidays(in: year).map { ($0.kind, $0.date.iso) })
    }

    @Test("2025 as published")
    func year2025() {
        let d = dates(2025)
        #expect(d[.goodFriday] == "2025-04-18")
        #expect(d[.easterMonday] == "2025-04-21")
        #expect(d[.ascension] == "2025-05-29")
        #expect(d[.midsummerEve] == "2025-06-20")
        #expect(d[.midsummerDay] == "2025-06-21")
        #expect(d[.allSaintsDay] == "2025-11-01")
        #expect(d[.epiphany] == "2025-01-06")
        #expect(d.count == 16)
    }

    @Test(
        "Moving feasts across years",
        arguments: [
            (2024, Holiday.Kind.goodFriday, "2024-03-29"), (2026, .midsummerEve, "2026-06-19"), (2027, .allSaintsDay, "2027-11-06"),
            (2038, .easterSunday, "2038-04-25"), (2029, .ascension, "2029-05-10"), (2030, .whitSunday, "2030-06-09"),
        ])
    func moving(year: Int, kind: Holiday.Kind, date: String) {
        #expect(dates(year)[kind] == date)
    }

    @Test("Midsummer Eve is always a Friday and All Saints' Day a Saturday")
    func weekdays() {
        for year in 1990...2100 {
            let list = SwedishHolidays.holidays(in: year)
            #expect(list.first { $0.kind == .midsummerEve }?.date.weekday == .friday)
            #expect(list.first { $0.kind == .allSaintsDay }?.date.weekday == .saturday)
            #expect(list.first { $0.kind == .easterSunday }?.date.weekday == .sunday)
        }
    }
}

@Suite("Schedules: holidays, weekends and breaks")
struct SchedulerTests {
    let scheduler = Scheduler()

    func make(_ frequency: Frequency, policy: HolidayPolicy, breaks: [Break] = [], starts: String = "2025-01-01") -> CollaborationStructure
    {
        var s = structure(frequency, starts: starts)
        s.holidayPolicy = policy
        s.breaks = breaks
        return s
    }

    func run(_ s: CollaborationStructure, _ from: String, _ to: String) throws -> [Occurrence] {
        try scheduler.occurrences(of: s, from: LocalDate(iso: from)!, through: LocalDate(iso: to)!)
    }

    @Test("A Friday group skips Midsummer Eve and Good Friday with the reason")
    func skip() throws {
        let fridays = make(.weekly(interval: 1, weekday: .friday), policy: .skip)
        let got = try run(fridays, "2025-04-11", "2025-04-25")
        #expect(got.map(\.status) == [.scheduled, .skipped, .scheduled])
        #expect(got[1].reason == .holiday(.goodFriday))
        let midsummer = try run(fridays, "2025-06-20", "2025-06-20")
        #expect(midsummer.first?.status == .skipped)
        #expect(midsummer.first?.reason == .holiday(.midsummerEve))
    }

    @Test("Moving earlier lands on the nearest earlier working day, same time")
    func moveEarlier() throws {
        let fridays = make(.weekly(interval: 1, weekday: .friday), policy: .moveEarlier)
        let got = try run(fridays, "2025-06-20", "2025-06-20")
        #expect(got.first?.status == .moved)
        #expect(got.first?.start.date.iso == "2025-06-19")
        #expect(got.first?.plannedStart.date.iso == "2025-06-20")
        #expect(got.first?.start.time.description == "13:00")
        #expect(got.first?.end.time.description == "14:00")
    }

    @Test("A holiday period overrides the structure's policy on its days only (the Christmas week is skipped)")
    func holidayPeriod() throws {
        var thursdays = make(.weekly(interval: 1, weekday: .thursday), policy: .moveEarlier)
        thursdays.holidayPeriods = [
            HolidayPeriod(
                days: Break(name: "Jul", fromMonth: 12, fromDay: 20, toMonth: 1, toDay: 6),
                policy: .skip)
        ]
        // Christmas Day 2025 and New Year's Day 2026 are Thursdays: skipped, not moved.
        let christmas = try run(thursdays, "2025-12-25", "2026-01-01")
        #expect(christmas.map(\.status) == [.skipped, .skipped])
        #expect(christmas.map(\.reason) == [.holiday(.christmasDay), .holiday(.newYearsDay)])
        // Ascension Day is outside the period: moved earlier as the structure says.
        let ascension = try run(thursdays, "2025-05-29", "2025-05-29")
        #expect(ascension.first?.status == .moved)
        #expect(ascension.first?.start.date.iso == "2025-05-28")
        // A working day inside the period keeps its meeting.
        #expect(try run(thursdays, "2025-12-18", "2025-12-18").first?.status == .scheduled)
    }

    @Test("Moving later skips weekends and further holidays")
    func moveLater() throws {
        // Good Friday 2025-04-18 → Saturday, Sunday, Easter Monday are off → Tuesday 22nd.
        let fridays = make(.weekly(interval: 2, weekday: .friday), policy: .moveLater, starts: "2025-04-18")
        let got = try run(fridays, "2025-04-18", "2025-04-18")
        #expect(got.first?.start.date.iso == "2025-04-22")
        #expect(got.first?.reason == .holiday(.goodFriday))
    }

    @Test("A move never lands on or passes a neighbouring meeting of the series")
    func neighbours() throws {
        // Daily-like: every Monday and a rule giving Monday+Tuesday would collide; use weekly Monday with
        // move-later at Easter Monday: Tuesday–Friday are free, so the 22nd; the next Monday is untouched.
        let mondays = make(.weekly(interval: 1, weekday: .monday), policy: .moveLater)
        let got = try run(mondays, "2025-04-21", "2025-04-28")
        #expect(got.map(\.start.date.iso) == ["2025-04-22", "2025-04-28"])
        // A rule with meetings on two consecutive days cannot move the first onto the second.
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=1,2")
        let twoDays = make(.rule(rule), policy: .moveLater)
        #expect(throws: ScheduleError.self) { try run(twoDays, "2025-05-01", "2025-05-02") }
    }

    @Test("A move with no free day is an error that says what to do")
    func noFreeDay() throws {
        // Without a break the 25th (Christmas Day, Thursday) moves to Tuesday 23rd (24th is Christmas Eve).
        let free = make(.monthlyDay(day: 25, interval: 1), policy: .moveEarlier)
        #expect(try run(free, "2025-12-25", "2025-12-25").first?.start.date.iso == "2025-12-23")
        do {
            let monthly = make(
                .monthlyDay(day: 25, interval: 1), policy: .moveEarlier,
                breaks: [Break(name: "Adventsuppehåll", fromMonth: 12, fromDay: 15, toMonth: 12, toDay: 23)])
            // The 25th is not in the break, but every earlier day within reach is.
            _ = try run(monthly, "2025-12-25", "2025-12-25")
            Issue.record("expected a ScheduleError")
        } catch let error as ScheduleError {
            // The advice (`holidays: skip`) is the message of the code in errors.txt (ErrorMessagesTests).
            #expect(error.code == "schedule.no-free-day-earlier")
            #expect(error.values["date"] == "2025-12-25")
        }
    }

    @Test("Breaks skip meetings whatever the policy; weekends follow it")
    func breaksAndWeekends() throws {
        let july = Break(name: "Sommaruppehåll", fromMonth: 7, fromDay: 1, toMonth: 7, toDay: 31)
        let monthly = make(.monthlyDay(day: 15, interval: 1), policy: .moveEarlier, breaks: [july])
        let got = try run(monthly, "2025-06-01", "2025-11-30")
        // 2025-06-15 is a Sunday: moved to Friday the 13th.
        #expect(got.map(\.status) == [.moved, .skipped, .scheduled, .scheduled, .scheduled, .moved])
        #expect(got[0].start.date.iso == "2025-06-13")
        #expect(got[1].reason == .breakPeriod("Sommaruppehåll"))
        // 2025-11-15 is a Saturday: moved to Friday the 14th.
        #expect(got[5].start.date.iso == "2025-11-14")
        #expect(got[5].reason == .weekend)
    }

    @Test("No two meetings of a series share a day, over many years and every policy")
    func neverTwice() throws {
        for policy in HolidayPolicy.allCases {
            for frequency: Frequency in [
                .weekly(interval: 1, weekday: .friday), .weekly(interval: 1, weekday: .monday),
                .monthlyWeekday(ordinal: 1, weekday: .thursday, interval: 1),
            ] {
                let s = make(frequency, policy: policy)
                let got = try run(s, "2025-01-01", "2034-12-31").filter(\.isHeld)
                let days = got.map(\.start.date)
                #expect(Set(days).count == days.count)
                #expect(days == days.sorted(), "a moved meeting passed its neighbour")
                #expect(got.allSatisfy { scheduler.isWorkingDay($0.start.date) })
            }
        }
    }
}
