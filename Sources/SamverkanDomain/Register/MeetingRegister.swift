import SamverkanTime

/// Derives a structure's meetings for the register: the configuration's occurrences (holidays
/// and breaks applied), then the coordinators' decisions in the order they were made.
///
/// Pure: the store persists what this returns, and re-derives a structure only when its
/// configuration changed. Decisions that no longer fit the configuration are returned as
/// ``Derivation/unmatched`` so they can be reported, never silently dropped.
public enum MeetingRegister {
    /// A structure's meetings and the decisions that found no meeting.
    public struct Derivation: Sendable, Hashable {
        public var meetings: [RegisteredMeeting]
        /// Decisions about a planned date the configuration no longer plans.
        public var unmatched: [MeetingDecision]
    }

    /// The register rows of one structure.
    /// - Parameters:
    ///   - structure: the structure.
    ///   - occurrences: its occurrences from the scheduler over the register's window.
    ///   - decisions: its decisions, oldest first.
    ///   - configuration: for calendar UIDs.
    public static func derive(
        _ structure: CollaborationStructure, occurrences: [Occurrence],
        decisions: [MeetingDecision], configuration: RegionConfiguration
    ) -> Derivation {
        let inSeries: Bool
        if case .dates = structure.frequency { inSeries = false } else { inSeries = true }
        let seriesUID = configuration.calendarUID(of: structure)
        var meetings = occurrences.map { occurrence -> RegisteredMeeting in
            let state: RegisteredMeeting.State
            switch occurrence.status {
            case .scheduled: state = .planned
            case .moved: state = .moved
            case .skipped: state = .skipped
            }
            return RegisteredMeeting(
                structureID: structure.id, plannedStart: occurrence.plannedStart,
                uid: inSeries ? seriesUID : configuration.calendarUID(of: structure, plannedDate: occurrence.plannedStart.date),
                inSeries: inSeries, start: occurrence.start, end: occurrence.end, state: state,
                calendarReason: occurrence.reason)
        }
        let base = meetings
        var unmatched: [MeetingDecision] = []
        for decision in decisions {
            switch decision.action {
            case .add:
                guard let start = decision.start else {
                    unmatched.append(decision)
                    continue
                }
                meetings.removeAll { $0.state == .extra && $0.plannedDate == decision.date }
                meetings.append(
                    RegisteredMeeting(
                        structureID: structure.id, plannedStart: start,
                        uid: configuration.calendarUID(ofExtraMeetingOf: structure, on: start.date), inSeries: false,
                        start: start, end: start.adding(minutes: structure.durationMinutes), state: .extra, decision: decision))
            case .cancel, .move, .restore:
                guard let index = meetings.firstIndex(where: { $0.plannedDate == decision.date }) else {
                    unmatched.append(decision)
                    continue
                }
                if meetings[index].state == .extra {
                    // An extra meeting is taken back by cancelling it; restore keeps it.
                    if decision.action == .cancel { meetings.remove(at: index) }
                    continue
                }
                switch decision.action {
                case .cancel:
                    meetings[index].state = .cancelled
                    meetings[index].decision = decision
                case .move:
                    guard let start = decision.start else {
                        unmatched.append(decision)
                        continue
                    }
                    let length = meetings[index].start.minutes(to: meetings[index].end)
                    meetings[index].start = start
                    meetings[index].end = start.adding(minutes: length)
                    meetings[index].state = .moved
                    meetings[index].decision = decision
                default:
                    meetings[index] = base.first { $0.plannedDate == decision.date } ?? meetings[index]
                }
            }
        }
        meetings.sort { ($0.start, $0.plannedStart) < ($1.start, $1.plannedStart) }
        return Derivation(meetings: meetings, unmatched: unmatched)
    }
}
