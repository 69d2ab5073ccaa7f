import Foundation
import SamverkanDomain
import SamverkanTime
internal import Yams

extension ConfigParser {
    /// A standing agenda item: `- Fast vårdkontakt` or `- {id, title, focus-areas, grant-points}`.
    func parseAgendaItem(_ node: Node) -> AgendaItem? {
        if case .scalar(let scalar) = node {
            let title = scalar.string.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else {
                diagnostics.report("config.agenda-item-title", at: node)
                return nil
            }
            return AgendaItem(id: Self.slug(title), title: title)
        }
        guard let reader = MappingReader(node, what: "config.what-agenda-item", diagnostics: diagnostics) else { return nil }
        let title = reader.string("title", required: true)
        let id = reader.string("id")
        if let id, !Self.isValidID(id) {
            diagnostics.report("config.bad-short-id", ["id": id], at: reader.value("id"))
        }
        let areas = parseFocusAreas(reader) ?? []
        let points = parseNumbers(reader, "grant-points", in: 1...8)?.compactMap(GrantPoint.init(rawValue:))
        reader.finish()
        guard let title else { return nil }
        return AgendaItem(
            id: id ?? Self.slug(title), title: title, focusAreas: areas,
            grantPoints: points ?? grantPoints(of: areas))
    }

    /// A focus area of the region's plan: `{number: 1, name: …, grant-points: [1, 2, 3]}`.
    func parseFocusAreaDefinition(_ node: Node) {
        guard let reader = MappingReader(node, what: "config.what-focus-area", diagnostics: diagnostics) else { return }
        defer { reader.finish() }
        let number = reader.int("number", in: 1...99, required: true)
        let name = reader.string("name", required: true)
        let points = parseNumbers(reader, "grant-points", in: 1...8)?.compactMap(GrantPoint.init(rawValue:)) ?? []
        guard let number, let name, let area = FocusArea(rawValue: number) else { return }
        if focusAreaDefinitions.contains(where: { $0.area == area }) {
            diagnostics.report("config.focus-area-twice", ["number": "\(number)"], at: reader.value("number"))
            return
        }
        focusAreaDefinitions.append(FocusAreaDefinition(area: area, name: name, grantPoints: points.sorted()))
    }

    /// A structure's or agenda item's `focus-areas: [1, 3]`, each defined under the top-level
    /// `focus-areas` (read before any structure).
    func parseFocusAreas(_ reader: MappingReader) -> [FocusArea]? {
        guard let numbers = parseNumbers(reader, "focus-areas", in: 1...99) else { return nil }
        var areas: [FocusArea] = []
        for number in numbers {
            guard let area = FocusArea(rawValue: number), focusAreaDefinitions.contains(where: { $0.area == area }) else {
                let known = focusAreaDefinitions.map { String($0.area.rawValue) }.joined(separator: ", ")
                diagnostics.report(
                    known.isEmpty ? "config.focus-area-none" : "config.focus-area-unknown", ["number": "\(number)", "known": known],
                    at: reader.value("focus-areas"))
                continue
            }
            areas.append(area)
        }
        return areas
    }

    /// The grant points the configured focus areas link to.
    func grantPoints(of areas: [FocusArea]) -> [GrantPoint] {
        Array(Set(areas.flatMap { area in focusAreaDefinitions.first { $0.area == area }?.grantPoints ?? [] })).sorted()
    }

    /// A break: `{name, from: MM-DD, to: MM-DD}` or `{name, month: 7}` (or `month: juli`).
    func parseBreak(_ node: Node) -> Break? {
        guard let reader = MappingReader(node, what: "config.what-break", diagnostics: diagnostics) else { return nil }
        defer { reader.finish() }
        let name = reader.string("name", required: true)
        if let text = reader.string("month") {
            let month = Int(text).flatMap { (1...12).contains($0) ? $0 : nil } ?? Self.monthNames[text.lowercased()]
            guard let month else {
                diagnostics.report("config.not-a-month", ["value": text], at: reader.value("month"))
                return nil
            }
            guard let name else { return nil }
            return Break(
                name: name, fromMonth: month, fromDay: 1, toMonth: month,
                toDay: LocalDate.daysIn(month: month, year: 2001))
        }
        // Both read, so a wrong `from` does not leave `to` unread (and reported as unknown).
        let from = monthDay(reader, "from")
        let to = monthDay(reader, "to")
        guard let from, let to, let name else { return nil }
        return Break(name: name, fromMonth: from.0, fromDay: from.1, toMonth: to.0, toDay: to.1)
    }

    /// A holiday policy: `skip`, `move-earlier` or `move-later`.
    func holidayPolicy(_ reader: MappingReader, _ key: String, required: Bool = false) -> HolidayPolicy? {
        guard let text = reader.string(key, required: required) else { return nil }
        guard let policy = HolidayPolicy(rawValue: text) else {
            diagnostics.report(
                "config.holiday-policy",
                ["key": key, "value": text, "suggestion": Suggestion.closest(to: text, in: HolidayPolicy.allCases.map(\.rawValue)) ?? ""],
                at: reader.value(key))
            return nil
        }
        return policy
    }

    /// A holiday policy for part of the year: `{from: MM-DD, to: MM-DD, holidays: skip, name: Jul}`.
    func parseHolidayPeriod(_ node: Node) -> HolidayPeriod? {
        guard let reader = MappingReader(node, what: "config.what-holiday-period", diagnostics: diagnostics) else { return nil }
        defer { reader.finish() }
        let name = reader.string("name") ?? ""
        let from = monthDay(reader, "from", required: true)
        let to = monthDay(reader, "to", required: true)
        let policy = holidayPolicy(reader, "holidays", required: true)
        guard let from, let to, let policy else { return nil }
        return HolidayPeriod(
            days: Break(name: name, fromMonth: from.0, fromDay: from.1, toMonth: to.0, toDay: to.1),
            policy: policy)
    }

    private func monthDay(_ reader: MappingReader, _ key: String, required: Bool? = nil) -> (Int, Int)? {
        guard let text = reader.string(key, required: required ?? !reader.has("month")) else { return nil }
        let parts = text.split(separator: "-")
        if parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m),
            d >= 1, d <= LocalDate.daysIn(month: m, year: 2000)
        {
            return (m, d)
        }
        diagnostics.report("config.not-a-month-day", ["key": key, "value": text], at: reader.value(key))
        return nil
    }

    /// An action-plan activity.
    func parseActivity(_ node: Node, index: Int) -> ActionPlanActivity? {
        guard let reader = MappingReader(node, what: "config.what-activity", diagnostics: diagnostics) else { return nil }
        defer { reader.finish() }
        let id = reader.string("id")
        if let id, !Self.isValidID(id) {
            diagnostics.report("config.bad-short-id", ["id": id], at: reader.value("id"))
        }
        let activity = reader.string("activity", required: true)
        let responsible = reader.string("responsible", required: true)
        let decidedBy = reader.string("decided-by")
        let followUp = reader.string("follow-up")
        var timePlan: TimePlan?
        if let text = reader.string("time-plan", required: true) {
            timePlan = Self.timePlan(text)
            if timePlan == nil {
                diagnostics.report(
                    "config.time-plan", ["value": text],
                    at: reader.value("time-plan"))
            }
        }
        var status = ActivityStatus.notStarted
        if let text = reader.string("status") {
            if let parsed = Self.activityStatus(text) {
                status = parsed
            } else {
                diagnostics.report(
                    "config.activity-status", ["value": text],
                    at: reader.value("status"))
            }
        }
        guard let activity, let responsible, let timePlan else { return nil }
        return ActionPlanActivity(
            id: id ?? "aktivitet-\(index)", activity: activity, responsible: responsible,
            decidedBy: decidedBy, timePlan: timePlan, status: status, followUp: followUp)
    }

    static func timePlan(_ text: String) -> TimePlan? {
        switch text.lowercased() {
        case "ongoing", "löpande": return .ongoing
        case "depends-on-national-work", "beroende av nationellt utvecklingsarbete": return .dependsOnNationalWork
        default: break
        }
        if let date = LocalDate(iso: text) { return .date(date) }
        let parts = text.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) {
            return .month(year: y, month: m)
        }
        if text.count == 4, let y = Int(text), (2000...2100).contains(y) { return .year(y) }
        return nil
    }

    static func activityStatus(_ text: String) -> ActivityStatus? {
        switch text.lowercased() {
        case "not-started", "ej påbörjad", "ej startad": return .notStarted
        case "started", "pågår", "påbörjad": return .started
        case "partly", "delvis": return .partly
        case "done", "klar", "genomförd": return .done
        default: return nil
        }
    }
}
