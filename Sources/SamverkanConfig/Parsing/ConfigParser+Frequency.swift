import SamverkanDomain
import SamverkanICal
import SamverkanTime
internal import Yams

extension ConfigParser {
    static let frequencyTypes = ["weekly", "monthly", "months", "dates", "rrule"]

    /// Reads `frequency:` in one of its forms (see the README's configuration reference).
    func parseFrequency(_ node: Node) -> Frequency? {
        guard let reader = MappingReader(node, what: "`frequency`", diagnostics: diagnostics) else { return nil }
        defer { reader.finish() }
        guard let type = reader.string("type", required: true) else { return nil }
        switch type {
        case "weekly":
            let interval = reader.int("interval", in: 1...52) ?? 1
            guard let weekday = weekday(reader, required: true) else { return nil }
            return .weekly(interval: interval, weekday: weekday)
        case "monthly":
            let interval = reader.int("interval", in: 1...12) ?? 1
            if reader.has("day") {
                let day = monthDay(reader)
                rejectWeekdayWithDay(reader)
                guard let day else { return nil }
                return .monthlyDay(day: day, interval: interval)
            }
            let ordinal = ordinal(reader)
            let weekday = weekday(reader, required: true)
            guard let ordinal, let weekday else { return nil }
            return .monthlyWeekday(ordinal: ordinal, weekday: weekday, interval: interval)
        case "months":
            let months = months(reader)
            if reader.has("day") {
                let day = monthDay(reader)
                rejectWeekdayWithDay(reader)
                guard let months, let day else { return nil }
                return .monthsDay(months: months, day: day)
            }
            let ordinal = ordinal(reader)
            let weekday = weekday(reader, required: true)
            guard let months, let ordinal, let weekday else { return nil }
            return .monthsWeekday(months: months, ordinal: ordinal, weekday: weekday)
        case "dates":
            guard let items = reader.strings("dates") else {
                reader.missing("dates")
                return nil
            }
            var dates: [LocalDate] = []
            for (text, node) in items {
                guard let date = LocalDate(iso: text) else {
                    diagnostics.report("each of `dates` must be a date written YYYY-MM-DD, not \"\(text)\"", at: node)
                    continue
                }
                if dates.contains(date) { diagnostics.report("the date \(text) is listed twice", at: node) }
                dates.append(date)
            }
            if items.isEmpty { diagnostics.report("`dates` must list at least one date", at: reader.value("dates")) }
            return dates.isEmpty ? nil : .dates(dates.sorted())
        case "rrule":
            guard let text = reader.string("rule", required: true) else { return nil }
            do {
                let rule = try RecurrenceRule(parsing: text)
                let frequency = Frequency.rule(rule)
                if let reason = frequency.inexpressibleReason {
                    diagnostics.report("this frequency cannot be expressed in a calendar: \(reason)", at: reader.value("rule"))
                    return nil
                }
                return frequency
            } catch {
                diagnostics.report("`rule` is not a valid RRULE: \(error.message)", at: reader.value("rule"))
                return nil
            }
        default:
            // The other keys belong to a type not known yet: only the type is wrong.
            ["interval", "weekday", "week", "day", "months", "dates", "rule"].forEach { _ = reader.value($0) }
            diagnostics.report(
                "unknown frequency type \"\(type)\"; use one of \(Self.frequencyTypes.joined(separator: ", "))\(Suggestion.hint(for: type, in: Self.frequencyTypes))",
                at: reader.value("type"))
            return nil
        }
    }

    private func rejectWeekdayWithDay(_ reader: MappingReader) {
        for key in ["weekday", "week"] where reader.has(key) {
            diagnostics.report(
                "`\(key)` cannot be combined with `day`: give either a day of the month or a week and weekday", at: reader.keyNode(key))
            _ = reader.value(key)
        }
    }

    /// `weekday: tuesday` (English or Swedish).
    func weekday(_ reader: MappingReader, required: Bool) -> Weekday? {
        guard let text = reader.string("weekday", required: required) else { return nil }
        if let day = Self.weekdayNames[text.lowercased()] { return day }
        diagnostics.report(
            "`weekday` must be a weekday (monday … friday, or måndag … fredag), not \"\(text)\"\(Suggestion.hint(for: text.lowercased(), in: Array(Self.weekdayNames.keys)))",
            at: reader.value("weekday"))
        return nil
    }

    /// `week: 1`…`4` or `last`.
    private func ordinal(_ reader: MappingReader) -> Int? {
        guard let text = reader.string("week", required: true)?.lowercased() else { return nil }
        if ["last", "sista"].contains(text) { return -1 }
        if let n = Int(text), (1...4).contains(n) { return n }
        let hint = text == "5" ? "; a fifth weekday does not exist in every month — use `last`" : ""
        diagnostics.report("`week` must be 1, 2, 3, 4 or last, not \"\(text)\"\(hint)", at: reader.value("week"))
        return nil
    }

    /// `day: 1`…`28` or `last`.
    private func monthDay(_ reader: MappingReader) -> Int? {
        guard let text = reader.string("day", required: true)?.lowercased() else { return nil }
        if ["last", "sista"].contains(text) { return -1 }
        if let n = Int(text), (1...28).contains(n) { return n }
        let hint =
            Int(text).map { (29...31).contains($0) } == true
            ? "; day \(text) does not exist in every month, so some months would have no meeting — use `last`" : ""
        diagnostics.report("`day` must be a day of the month from 1 to 28, or last, not \"\(text)\"\(hint)", at: reader.value("day"))
        return nil
    }

    /// `months: [2, 5, september, november]`.
    private func months(_ reader: MappingReader) -> [Int]? {
        guard let items = reader.strings("months") else {
            reader.missing("months")
            return nil
        }
        if items.isEmpty {
            diagnostics.report("`months` must list at least one month (1–12 or its name)", at: reader.value("months"))
            return nil
        }
        var result: [Int] = []
        for (text, node) in items {
            let month = Int(text).flatMap { (1...12).contains($0) ? $0 : nil } ?? Self.monthNames[text.lowercased()]
            guard let month else {
                diagnostics.report("each of `months` must be a month (1–12 or its name), not \"\(text)\"", at: node)
                continue
            }
            if result.contains(month) { diagnostics.report("the month \(text) is listed twice", at: node) }
            result.append(month)
        }
        return result.isEmpty ? nil : result.sorted()
    }

    static let weekdayNames: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        let swedish = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
        for day in Weekday.allCases {
            names[day.name] = day
            names[swedish[day.rawValue - 1]] = day
        }
        return names
    }()

    static let monthNames: [String: Int] = {
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ]
        let swedish = [
            "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december",
        ]
        var names: [String: Int] = [:]
        for i in 0..<12 {
            names[english[i]] = i + 1
            names[swedish[i]] = i + 1
        }
        return names
    }()
}
