public import SamverkanDomain
public import SamverkanICal
public import SamverkanTime

/// What one calendar series of a structure holds in a window, before it is written as iCalendar:
/// the master event with its rule, the skipped meetings (`EXDATE`) and the moved ones
/// (`RECURRENCE-ID` overrides). A structure with explicit dates gives one plan per held date.
public struct SeriesPlan: Sendable, Hashable {
    /// A moved meeting: its planned start (the `RECURRENCE-ID`) and where it went.
    public struct Override: Sendable, Hashable {
        public let recurrenceID: LocalDateTime
        public let start: LocalDateTime
        public let end: LocalDateTime
    }

    public let structure: CollaborationStructure
    public let uid: String
    /// The first planned start in the window (`DTSTART`), always a start the rule gives.
    public let start: LocalDateTime
    public let end: LocalDateTime
    /// The rule, or nil for a single dated meeting.
    public let rule: RecurrenceRule?
    /// The last planned start in the window (written as `UNTIL` in UTC).
    public let until: LocalDateTime?
    /// Planned starts of skipped meetings.
    public let exdates: [LocalDateTime]
    public let overrides: [Override]

    /// The plans of a structure's meetings in a window (empty when none is planned there).
    /// - Parameters:
    ///   - occurrences: the structure's occurrences in the window, from ``Scheduler``.
    ///   - uid: gives the UID of the series, or of a dated meeting from its planned date.
    public static func plans(for structure: CollaborationStructure, occurrences: [Occurrence],
                             uid: (LocalDate?) -> String) throws -> [SeriesPlan] {
        // A window whose meetings are all skipped has no series to show.
        guard let first = occurrences.first, let last = occurrences.last, occurrences.contains(where: \.isHeld) else { return [] }
        let duration = structure.durationMinutes
        guard let rule = try structure.frequency.recurrenceRule() else {
            // Explicit dates: one event per held meeting, its UID from the planned date.
            return occurrences.filter(\.isHeld).map { occurrence in
                SeriesPlan(structure: structure, uid: uid(occurrence.plannedStart.date), start: occurrence.start,
                           end: occurrence.end, rule: nil, until: nil, exdates: [], overrides: [])
            }
        }
        let overrides = occurrences.filter { $0.status == .moved }.map {
            Override(recurrenceID: $0.plannedStart, start: $0.start, end: $0.end)
        }
        return [SeriesPlan(structure: structure, uid: uid(nil), start: first.plannedStart,
                           end: first.plannedStart.adding(minutes: duration), rule: rule, until: last.plannedStart,
                           exdates: occurrences.filter { $0.status == .skipped }.map(\.plannedStart),
                           overrides: overrides)]
    }
}
