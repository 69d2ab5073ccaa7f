import SamverkanDomain
import SamverkanICal
import SamverkanTime
internal import Yams

extension ConfigParser {
    /// Reads the fields of a structure, a `defaults:` block, a generator or an override.
    func parseFields(
        _ node: Node, what: String, scope: FieldScope, extraKeys: [String] = [],
        reader existing: MappingReader? = nil, whatID: String? = nil
    ) -> StructureFields {
        guard let reader = existing ?? MappingReader(node, what: what, owner: whatID, diagnostics: diagnostics) else {
            return StructureFields()
        }
        var fields = StructureFields()
        fields.node = node
        if scope == .structure {
            fields.name = reader.string("name")
            if let text = reader.string("kind") {
                fields.kind = StructureKind(rawValue: text)
                if fields.kind == nil {
                    diagnostics.report(
                        "config.structure-kind",
                        [
                            "value": text, "known": StructureKind.allCases.map(\.rawValue).joined(separator: ", "),
                            "suggestion": Suggestion.closest(to: text, in: StructureKind.allCases.map(\.rawValue)) ?? "",
                        ],
                        at: reader.value("kind"))
                }
            }
            fields.municipality = reader.string("municipality")
            if let id = fields.municipality { refer(id, to: .municipality, at: reader.value("municipality")) }
            fields.careCentre = reader.string("care-centre")
            if let id = fields.careCentre { refer(id, to: .careCentre, at: reader.value("care-centre")) }
            if let members = reader.strings("members") {
                fields.members = members.map(\.0)
                members.forEach { refer($0.0, to: .organisation, at: $0.1) }
            }
        }
        if scope != .defaults {
            if let people = reader.strings("participants") {
                fields.participants = people.map(\.0)
                people.forEach { refer($0.0, to: .person, at: $0.1) }
            }
            for key in ["chair", "secretary"] {
                guard let id = reader.string(key) else { continue }
                refer(id, to: .person, at: reader.value(key))
                if key == "chair" { fields.chair = id } else { fields.secretary = id }
            }
            if let list = reader.list("activities") {
                fields.activities = list.enumerated().compactMap { parseActivity($1, index: $0 + 1) }
            }
        }
        if let node = reader.value("frequency") {
            fields.frequency = parseFrequency(node)
            fields.frequencyNode = node
        }
        fields.starts = reader.date("starts")
        if fields.starts == nil, reader.has("starts") { fields.unreadable.insert("starts") }
        fields.until = reader.date("until")
        if let text = reader.string("time") {
            fields.time = LocalTime(text: text)
            if fields.time == nil {
                fields.unreadable.insert("time")
                diagnostics.report("config.not-a-time", ["value": text], at: reader.value("time"))
            }
        }
        fields.duration = reader.int("duration", in: 5...720)
        if let zone = reader.string("timezone") {
            // The same check as the calendar export: a zone Outlook's compact form can hold.
            do {
                try ICalTimeZone.named(zone).checkCalendarForm()
                fields.timeZone = zone
            } catch {
                diagnostics.report("config.timezone", ["detail": "\(error)"], at: reader.value("timezone"))
            }
        }
        fields.place = reader.string("place")
        if let link = reader.string("video-link") {
            if link.hasPrefix("https://") || link.hasPrefix("http://") {
                fields.videoLink = link
            } else {
                diagnostics.report("config.video-link", ["value": link], at: reader.value("video-link"))
            }
        }
        fields.noticeDays = reader.int("notice-days", in: 0...90)
        fields.approvalDays = reader.int("approval-days", in: 1...365)
        if let list = reader.list("standing-agenda") { fields.standingAgenda = list.compactMap(parseAgendaItem) }
        fields.focusAreas = parseFocusAreas(reader)
        fields.grantPoints = parseNumbers(reader, "grant-points", in: 1...8).map { $0.compactMap(GrantPoint.init(rawValue:)) }
        fields.holidays = holidayPolicy(reader, "holidays")
        if let list = reader.list("holiday-periods") { fields.holidayPeriods = list.compactMap(parseHolidayPeriod) }
        if let list = reader.list("breaks") { fields.breaks = list.compactMap(parseBreak) }
        if existing == nil {
            let notHere =
                scope == .structure
                ? [] : FieldScope.structureOnly + (scope == .defaults ? ["participants", "chair", "secretary", "activities"] : [])
            for key in notHere where reader.has(key) {
                diagnostics.report("config.structure-only-key", reader.context(["key": key]), at: reader.keyNode(key))
            }
            fields.unreadable.formUnion(reader.finish(known: extraKeys + notHere))
        }
        return fields
    }

    /// A list of whole numbers in a range, e.g. `focus-areas: [1, 3]`.
    func parseNumbers(_ reader: MappingReader, _ key: String, in range: ClosedRange<Int>) -> [Int]? {
        guard let items = reader.strings(key) else { return nil }
        var result: [Int] = []
        for (text, node) in items {
            if let n = Int(text), range.contains(n) {
                result.append(n)
            } else {
                diagnostics.report(
                    "config.item-not-a-number", ["key": key, "low": "\(range.lowerBound)", "high": "\(range.upperBound)", "value": text],
                    at: node)
            }
        }
        return result
    }
}
