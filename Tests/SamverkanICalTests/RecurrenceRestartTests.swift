import SamverkanTime
import Testing

@testable import SamverkanICal

/// A window far after `DTSTART` restarts libical's iterator near the window; these check that the
/// restart gives exactly the occurrences of walking the whole series from `DTSTART`.
@Suite("Restarting an expansion near its window")
struct RecurrenceRestartTests {
    let stockholm = ICalTimeZone.stockholm

    static let weeklyRules =
        (1...5).flatMap { interval in
            ["MO", "WE", "SU"].map { "FREQ=WEEKLY;INTERVAL=\(interval);BYDAY=\($0)" }
        } + [
            "FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;WKST=SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=WE",
            "FREQ=WEEKLY;INTERVAL=2;BYMONTH=1,3,5;BYDAY=WE",
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "FREQ=DAILY;INTERVAL=10",
        ]

    @Test("Every window gives the occurrences of walking from DTSTART", arguments: weeklyRules)
    func matchesWalk(text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        let last = LocalDate(year: 2030, month: 12, day: 31)!
        for startText in ["2015-01-06", "2016-02-29", "2018-10-28", "2019-07-04"] {
            let first = LocalDateTime(date: LocalDate(iso: startText)!, time: LocalTime(hour: 8, minute: 0)!)
            // libical need not give DTSTART itself, so start at the rule's first occurrence, as the schedule does.
            let start = try #require(
                rule.occurrences(
                    start: first, zone: stockholm, from: first.date,
                    through: last, limit: 1
                ).first)
            let walk = rule.occurrences(start: start, zone: stockholm, from: start.date, through: last)
            for offset in stride(from: 1, through: 3_500, by: 61) {
                let from = start.date.adding(days: offset)
                let through = from.adding(days: 120)
                let window = rule.occurrences(start: start, zone: stockholm, from: from, through: through)
                #expect(
                    window == walk.filter { $0.date >= from && $0.date <= through },
                    "\(text) from \(start) in \(from)…\(through)")
            }
        }
    }

    @Test("A weekly rule restarts a whole number of intervals after DTSTART, before the window")
    func weeklyRestartIsAligned() {
        let start = LocalDate(year: 2015, month: 1, day: 6)!
        for interval in 1...5 {
            for offset in [1, 2, 7, 13, 14, 15, 100, 3_000] {
                let from = start.adding(days: offset)
                let restart = RecurrenceRule.restart(weeklyInterval: interval, start: start, from: from)
                if let restart {
                    #expect(restart < from && restart > start)
                    #expect(start.days(to: restart) % (7 * interval) == 0)
                    #expect(restart.days(to: from) <= 7 * interval)
                } else {
                    #expect(start.days(to: from) <= 7 * interval)
                }
            }
        }
    }

    @Test("Other rules restart on the day before the window, and never before DTSTART")
    func otherRestart() {
        let start = LocalDate(year: 2015, month: 1, day: 6)!
        let from = LocalDate(year: 2024, month: 3, day: 1)!
        #expect(
            RecurrenceRule.restart(weeklyInterval: nil, start: start, from: from)
                == LocalDate(year: 2024, month: 2, day: 29)!)
        #expect(RecurrenceRule.restart(weeklyInterval: nil, start: start, from: start) == nil)
        #expect(RecurrenceRule.restart(weeklyInterval: 2, start: from, from: start) == nil)
    }
}
