import Foundation
public import SamverkanDomain
import SamverkanICal
public import SamverkanRendering
public import SamverkanTime

/// Lists the meetings of the meeting register in a window, as JSON or a table: planned, moved,
/// skipped (holidays, breaks), cancelled and extra meetings, with why.
public struct ScheduleReport: Sendable {
    public let configuration: RegionConfiguration
    public let phrases: Phrasebook

    public init(configuration: RegionConfiguration, phrases: Phrasebook) {
        self.configuration = configuration
        self.phrases = phrases
    }

    /// The documented JSON document, meetings ordered by start (then structure).
    /// - Parameter meetings: the register's meetings whose planned date lies in the window.
    public func listing(of meetings: [RegisteredMeeting], from: LocalDate, through: LocalDate) throws -> ScheduleListing {
        var entries: [ScheduleEntry] = []
        var zones: [String: ICalTimeZone] = [:]
        for meeting in Self.ordered(meetings) {
            guard let structure = configuration.structure(meeting.structureID) else { continue }
            let zone = try zones[structure.timeZone] ?? ICalTimeZone.named(structure.timeZone)
            zones[structure.timeZone] = zone
            let changed = meeting.state != .planned && meeting.state != .extra
            entries.append(
                ScheduleEntry(
                    structure: structure.id, uid: meeting.uid, start: zone.iso8601(meeting.start), end: zone.iso8601(meeting.end),
                    status: Self.status(meeting.state), originalStart: changed ? zone.iso8601(meeting.plannedStart) : nil,
                    reason: reason(meeting), reasonCode: Self.reasonCode(meeting),
                    decidedBy: meeting.decision?.decidedBy, decidedAt: meeting.decision?.decidedAt))
        }
        return ScheduleListing(schemaVersion: 1, from: from.iso, to: through.iso, occurrences: entries)
    }

    /// Pretty-printed JSON with sorted keys.
    public func json(of meetings: [RegisteredMeeting], from: LocalDate, through: LocalDate) throws -> String {
        try ReportJSON.text(listing(of: meetings, from: from, through: through))
    }

    /// A table: date, weekday, time, structure, status and why.
    public func table(of meetings: [RegisteredMeeting]) -> String {
        let rows = Self.ordered(meetings).map { meeting -> [String] in
            var note = reason(meeting) ?? ""
            if meeting.state == .moved {
                note = phrases.text(
                    meeting.decision == nil ? "schedule.moved-from" : "schedule.moved-by-decision",
                    ["date": meeting.plannedDate.iso, "reason": note])
            } else if meeting.state == .cancelled, let decision = meeting.decision {
                note = phrases.text(
                    "schedule.cancelled-because",
                    [
                        "reason": decision.reason, "by": decision.decidedBy ?? "", "at": String(decision.decidedAt.prefix(10)),
                    ])
            }
            return [
                meeting.start.date.iso, phrases.text("weekday.\(meeting.start.date.weekday.name)"),
                "\(meeting.start.time)–\(meeting.end.time)", meeting.structureID,
                phrases.text("status.\(Self.status(meeting.state))"), note,
            ]
        }
        let header = ["table.date", "table.weekday", "table.time", "table.structure", "table.status", "table.note"].map { phrases.text($0) }
        return TextTable(header: header, rows: rows).render()
    }

    /// Why a meeting is not as planned: the holiday or break, or the coordinator's reason.
    func reason(_ meeting: RegisteredMeeting) -> String? {
        if let decision = meeting.decision, decision.action != .restore { return decision.reason }
        return meeting.calendarReason?.text(phrases)
    }

    /// By start, then structure.
    static func ordered(_ meetings: [RegisteredMeeting]) -> [RegisteredMeeting] {
        meetings.sorted { ($0.start, $0.structureID) < ($1.start, $1.structureID) }
    }

    /// The JSON status: `scheduled`, `moved`, `skipped`, `cancelled` or `extra`.
    static func status(_ state: RegisteredMeeting.State) -> String {
        state == .planned ? "scheduled" : state.rawValue
    }

    /// A stable code: the holiday's (`midsummer-eve`), `weekend`, `break`, or the decision's
    /// (`decision-cancel`, `decision-move`, `decision-add`).
    static func reasonCode(_ meeting: RegisteredMeeting) -> String? {
        if let decision = meeting.decision, decision.action != .restore { return "decision-\(decision.action.rawValue)" }
        return meeting.calendarReason?.code
    }
}
