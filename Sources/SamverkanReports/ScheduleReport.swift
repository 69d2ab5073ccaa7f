import Foundation
public import SamverkanDomain
public import SamverkanRendering
import SamverkanICal
public import SamverkanTime

/// Lists the meetings of structures in a window, as JSON or a table.
public struct ScheduleReport: Sendable {
    public let configuration: RegionConfiguration
    public let phrases: Phrasebook
    public let scheduler: Scheduler

    public init(configuration: RegionConfiguration, phrases: Phrasebook, scheduler: Scheduler = Scheduler()) {
        self.configuration = configuration
        self.phrases = phrases
        self.scheduler = scheduler
    }

    /// The meetings of each structure whose planned date lies in the window.
    public func occurrences(of structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> [(CollaborationStructure, [Occurrence])] {
        try structures.map { ($0, try scheduler.occurrences(of: $0, from: from, through: through)) }
    }

    /// The documented JSON document, meetings ordered by start (then structure).
    public func listing(of structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> ScheduleListing {
        var entries: [(LocalDateTime, ScheduleEntry)] = []
        for (structure, occurrences) in try occurrences(of: structures, from: from, through: through) {
            let zone = try ICalTimeZone.named(structure.timeZone)
            for occurrence in occurrences {
                let uid = configuration.calendarUID(of: structure, plannedDate: occurrence.plannedStart.date)
                let entry = ScheduleEntry(
                    structure: structure.id, uid: uid, start: zone.iso8601(occurrence.start), end: zone.iso8601(occurrence.end),
                    status: occurrence.status.rawValue,
                    originalStart: occurrence.status == .scheduled ? nil : zone.iso8601(occurrence.plannedStart),
                    reason: occurrence.reason?.text(phrases), reasonCode: occurrence.reason?.code)
                entries.append((occurrence.start, entry))
            }
        }
        entries.sort { ($0.0, $0.1.structure) < ($1.0, $1.1.structure) }
        return ScheduleListing(schemaVersion: 1, from: from.iso, to: through.iso, occurrences: entries.map(\.1))
    }

    /// Pretty-printed JSON with sorted keys.
    public func json(of structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> String {
        try ReportJSON.text(listing(of: structures, from: from, through: through))
    }

    /// A table: date, weekday, time, structure, status and reason.
    public func table(of structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> String {
        var rows: [(LocalDateTime, [String])] = []
        for (structure, occurrences) in try occurrences(of: structures, from: from, through: through) {
            for occurrence in occurrences {
                let status = phrases.text("status.\(occurrence.status.rawValue)")
                var note = occurrence.reason?.text(phrases) ?? ""
                if occurrence.status == .moved {
                    note = phrases.text("schedule.moved-from", ["date": occurrence.plannedStart.date.iso, "reason": note])
                }
                rows.append((occurrence.start, [
                    occurrence.start.date.iso, phrases.text("weekday.\(occurrence.start.date.weekday.name)"),
                    "\(occurrence.start.time)–\(occurrence.end.time)", structure.id, status, note,
                ]))
            }
        }
        rows.sort { ($0.0, $0.1[3]) < ($1.0, $1.1[3]) }
        let header = ["table.date", "table.weekday", "table.time", "table.structure", "table.status", "table.note"].map { phrases.text($0) }
        return TextTable(header: header, rows: rows.map(\.1)).render()
    }

}
