import SamverkanDomain
import SamverkanICal
import SamverkanTime
internal import Yams

extension ConfigParser {
    /// One entry of `structures:`.
    func parseStructure(_ node: Node) {
        guard let reader = MappingReader(node, what: "config.what-structure", diagnostics: diagnostics) else { return }
        let id = reader.string("id", required: true)
        var fields = parseFields(node, what: "config.what-structure", scope: .structure, reader: reader)
        fields.unreadable.formUnion(reader.finish())
        guard let id else { return }
        if fields.kind == nil, !reader.has("kind"), !fields.unreadable.contains("kind") { reader.missing("kind") }
        build(id: id, idNode: reader.value("id"), fields: defaults.overlaid(by: fields), generated: false)
    }

    /// Builds a structure from merged fields, reporting what is missing or inconsistent.
    func build(id: String, idNode: Node?, fields: StructureFields, generated: Bool) {
        let at = fields.node
        guard define(id, namespace: "structure", at: idNode ?? at) else { return }
        guard let kind = fields.kind else { return }
        var missing: [String] = []
        if fields.frequency == nil, fields.frequencyNode == nil { missing.append("frequency") }
        if fields.time == nil { missing.append("time") }
        if fields.starts == nil { missing.append("starts") }
        for key in missing where !fields.unreadable.contains(key) {
            diagnostics.report("config.structure-missing-key", ["id": id, "key": key], at: idNode ?? at)
        }
        switch kind {
        case .single where fields.careCentre == nil && fields.members == nil:
            diagnostics.report("config.single-needs-centre", ["id": id], at: idNode ?? at)
        case .group where fields.municipality == nil && fields.members == nil:
            diagnostics.report("config.group-needs-municipality", ["id": id], at: idNode ?? at)
        default: break
        }
        guard let frequency = fields.frequency, let time = fields.time, let starts = fields.starts else { return }
        if let until = fields.until, until < starts {
            diagnostics.report("config.ends-before-start", ["id": id, "until": until.iso, "starts": starts.iso], at: idNode ?? at)
            return
        }
        let municipality = fields.municipality ?? fields.careCentre.flatMap { centreMunicipality[$0] }
        var members = fields.members ?? []
        if fields.members == nil {
            switch kind {
            case .single:
                if let centre = fields.careCentre { members = [centre] + (municipality.flatMap { homeHealthCare[$0] }.map { [$0] } ?? []) }
            case .group:
                if let municipality {
                    members = (careCentres[municipality] ?? []).map(\.id) + (homeHealthCare[municipality].map { [$0] } ?? [])
                }
            default: break
            }
        }
        if members.isEmpty, fields.participants?.isEmpty ?? true {
            diagnostics.report("config.no-members", ["id": id], at: idNode ?? at)
        }
        let areas = fields.focusAreas ?? []
        let structure = CollaborationStructure(
            id: id, name: fields.name ?? id, kind: kind, municipality: municipality,
            careCentre: fields.careCentre, members: members, participants: fields.participants ?? [],
            chair: fields.chair, secretary: fields.secretary, frequency: frequency, starts: starts,
            until: fields.until, time: time, durationMinutes: fields.duration ?? 60,
            timeZone: fields.timeZone ?? "Europe/Stockholm", place: fields.place, videoLink: fields.videoLink,
            standingAgenda: fields.standingAgenda ?? [], focusAreas: areas,
            grantPoints: fields.grantPoints ?? grantPoints(of: areas),
            holidayPolicy: fields.holidays ?? .moveEarlier, holidayPeriods: fields.holidayPeriods ?? [],
            breaks: fields.breaks ?? [],
            activities: fields.activities ?? [], generated: generated)
        checkOccurs(structure, at: fields.frequencyNode ?? idNode ?? at)
        var configured = structure
        configured.noticeDays = fields.noticeDays
        configured.approvalDays = fields.approvalDays
        structures.append(configured)
    }

    /// A frequency that gives no meeting in its first two years is a mistake worth naming, and
    /// so is one the scheduler stops on there (a holiday move with no free day), as `schedule`
    /// would.
    func checkOccurs(_ structure: CollaborationStructure, at node: Node?) {
        let horizon = structure.until ?? structure.starts.adding(days: 2 * 366)
        do {
            if try structure.plannedStarts(from: structure.starts, through: horizon, limit: 1).isEmpty {
                diagnostics.report(
                    structure.until == nil ? "config.no-meeting-two-years" : "config.no-meeting-between",
                    ["id": structure.id, "starts": structure.starts.iso, "until": horizon.iso], at: node)
                return
            }
        } catch {
            diagnostics.report("config.frequency-unexpandable", ["id": structure.id, "detail": error.message], at: node)
            return
        }
        do {
            _ = try Self.scheduler.occurrences(of: structure, from: structure.starts, through: horizon)
        } catch let error as ScheduleError {
            let values = error.values
            diagnostics.report(
                error.code == "schedule.no-free-day-later" ? "config.no-free-day-later" : "config.no-free-day-earlier",
                ["id": structure.id, "date": values["date"] ?? "?", "reason": values["reason"] ?? "?", "days": values["days"] ?? "?"],
                at: node)
        } catch {
            diagnostics.report("config.unschedulable", ["id": structure.id, "detail": "\(error)"], at: node)
        }
    }

    /// The scheduler of the check above (its holiday calendar is made once).
    static let scheduler = Scheduler()

    /// The municipality of each care centre.
    var centreMunicipality: [String: String] {
        var result: [String: String] = [:]
        for (municipality, centres) in careCentres { for centre in centres { result[centre.id] = municipality } }
        return result
    }
}
