public import SamverkanDomain
import SamverkanICal
import SamverkanTime

extension Frequency {
    /// The frequency in words, e.g. "varannan tisdag" or "the first Monday of every month".
    public func words(_ phrases: Phrasebook) -> String {
        func weekday(_ day: Weekday) -> String { phrases.text("weekday.\(day.name)") }
        func definite(_ day: Weekday) -> String { phrases.text("weekday.definite.\(day.name)") }
        func nth(_ ordinal: Int) -> String { phrases.text("ordinal.\(ordinal)") }
        func dayText(_ day: Int) -> String {
            day == -1 ? phrases.text("day.last") : phrases.text("day.number", ["day": String(day)])
        }
        func monthList(_ months: [Int]) -> String {
            phrases.list(months.sorted().map { phrases.text("month.\($0)") })
        }
        func byInterval(_ base: String, _ n: Int, _ values: [String: String]) -> String {
            let key = n == 1 ? "\(base).1" : n == 2 && phrases.has("\(base).2") ? "\(base).2" : "\(base).n"
            return phrases.text(key, values.merging(["n": String(n)]) { a, _ in a })
        }
        switch self {
        case .weekly(let n, let day):
            return byInterval("frequency.weekly", n, ["weekday": weekday(day), "weekdays": phrases.text("weekday.plural.\(day.name)")])
        case .monthlyWeekday(let ordinal, let day, let n):
            return byInterval("frequency.monthly-weekday", n, ["nth": nth(ordinal), "weekday": definite(day)])
        case .monthlyDay(let day, let n):
            return byInterval("frequency.monthly-day", n, ["day": dayText(day)])
        case .monthsWeekday(let months, let ordinal, let day):
            return phrases.text(
                months.count == 1 ? "frequency.months-weekday.once" : "frequency.months-weekday",
                [
                    "count": String(months.count), "nth": nth(ordinal), "weekday": definite(day), "months": monthList(months),
                ])
        case .monthsDay(let months, let day):
            return phrases.text(
                months.count == 1 ? "frequency.months-day.once" : "frequency.months-day",
                [
                    "count": String(months.count), "day": dayText(day), "months": monthList(months),
                ])
        case .dates(let dates):
            return phrases.text("frequency.dates", ["count": String(dates.count)])
        case .rule(let rule):
            return phrases.text("frequency.rrule", ["rule": rule.text])
        }
    }
}
