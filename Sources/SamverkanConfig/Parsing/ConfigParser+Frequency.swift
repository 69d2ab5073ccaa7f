import SamverkanDomain
import SamverkanICal
import SamverkanTime
internal import Yams

extension ConfigParser {
    static let frequencyTypes = ["weekly", "monthly", "months", "dates", "rrule"]

    /// Reads `frequency:` in one of its forms (see the README's configuration reference).
    func parseFrequency(_ node: Node) -> Frequency? {
        guard let reader = MappingReader(node, what: "config.what-frequency", diagnostics: diagnostics) else { return nil }
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
                    diagnostics.report("config.item-not-a-date", ["value": text], at: node)
                    continue
                }
                if dates.contains(date) { diagnostics.report("config.date-twice", ["value": text], at: node) }
                dates.append(date)
            }
            if items.isEmpty { diagnostics.report("config.dates-empty", at: reader.value("dates")) }
            return dates.isEmpty ? nil : .dates(dates.sorted())
        case "rrule":
            guard let text = reader.string("rule", required: true) else { return nil }
            do {
                let rule = try RecurrenceRule(parsing: text)
                let frequency = Frequency.rule(rule)
                if let reason = frequency.inexpressibleReason {
                    diagnostics.report("config.inexpressible-\(reason.rawValue)", ["rule": text], at: reader.value("rule"))
                    return nil
                }
                return frequency
            } catch {
                diagnostics.report("config.bad-rrule", ["detail": error.message], at: reader.value("rule"))
                return nil
            }
        default:
            // The other keys belong to a type not known yet: only the type is wrong.
            ["interval", "weekday", "week", "day", "months", "dates", "rule"].forEach { _ = reader.value($0) }
            diagnostics.report(
                "config.frequency-type",
                [
                    "value": type, "known": Self.frequencyTypes.joined(separator: ", "),
                    "suggestion": Suggestion.closest(to: type, in: Self.frequencyTypes) ?? "",
                ],
                at: reader.value("type"))
            return nil
        }
    }

    private func rejectWeekdayWithDay(_ reader: MappingReader) {
        for key in ["weekday", "week"] where reader.has(key) {
            diagnostics.report("config.day-and-week", ["key": key], at: reader.keyNode(key))
            _ = reader.value(key)
        }
    }

    /// `weekday: tuesday` (English or Swedish).
    func weekday(_ reader: MappingReader, required: Bool) -> Weekday? {
        guard let text = reader.string("weekday", required: required) else { return nil }
        if let day = Self.weekdayNames[text.lowercased()] { return day }
        diagnostics.report(
            "config.weekday",
            ["value": text, "suggestion": Suggestion.closest(to: text.lowercased(), in: Array(Self.weekdayNames.keys)) ?? ""],
            at: reader.value("weekday"))
        return nil
    }

    /// `week: 1`…`4` or `last`.
    private func ordinal(_ reader: MappingReader) -> Int? {
        guard let text = reader.string("week", required: true)?.lowercased() else { return nil }
        if ["last", "sista"].contains(text) { return -1 }
        if let n = Int(text), (1...4).contains(n) { return n }
        diagnostics.report(text == "5" ? "config.week-fifth" : "config.week", ["value": text], at: reader.value("week"))
        return nil
    }

    /// `day: 1`…`28` or `last`.
    private func monthDay(_ reader: MappingReader) -> Int? {
        guard let text = reader.string("day", required: true)?.lowercased() else { return nil }
        if ["last", "sista"].contains(text) { return -1 }
        if let n = Int(text), (1...28).contains(n) { return n }
        let late = Int(text).map { (29...31).contains($0) } == true
        diagnostics.report(late ? "config.day-late" : "config.day", ["value": text], at: reader.value("day"))
        return nil
    }

    /// `months: [2, 5, september, november]`.
    private func months(_ reader: MappingReader) -> [Int]? {
        guard let items = reader.strings("months") else {
            reader.missing("months")
            return nil
        }
        if items.isEmpty {
            diagnostics.report("config.months-empty", at: reader.value("months"))
            return nil
        }
        var result: [Int] = []
        for (text, node) in items {
            let month = Int(text).flatMap { (1...12).contains($0) ? $0 : nil } ?? Self.monthNames[text.lowercased()]
            guard let month else {
                diagnostics.report("config.item-not-a-month", ["value": text], at: node)
                continue
            }
            if result.contains(month) { diagnostics.report("config.month-twice", ["value": text], at: node) }
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
