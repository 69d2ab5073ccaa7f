public import SamverkanTime

extension MeetingRegister {
    /// Checks a coordinator's decision against a structure's current meetings before it is stored.
    /// - Parameters:
    ///   - decision: the decision to make.
    ///   - meetings: the structure's meetings in the register (around the date is enough).
    ///   - structure: the structure (breaks, duration).
    ///   - scheduler: for working days (holidays, weekends).
    /// - Throws: ``RegisterError`` saying what is wrong and what to do instead; nothing is stored.
    public static func check(
        _ decision: MeetingDecision, meetings: [RegisteredMeeting], structure: CollaborationStructure,
        scheduler: Scheduler
    ) throws(RegisterError) {
        if decision.reason.allSatisfy({ $0 == " " || $0 == "\t" || $0.isNewline }) {
            throw .reasonMissing(action: decision.action)
        }
        let held = meetings.filter(\.isHeld)
        /// The nearest meetings as the register has them now: cancelled ones too, moved ones at their new day.
        func nearest(to date: LocalDate) -> [NearbyMeeting] {
            meetings.filter { $0.state != .skipped }.map(NearbyMeeting.init)
                .sorted { abs($0.date.days(to: date)) < abs($1.date.days(to: date)) }.prefix(3).sorted { $0.date < $1.date }
        }
        func target(_ date: LocalDate) throws(RegisterError) -> RegisteredMeeting {
            if let meeting = meetings.first(where: { $0.plannedDate == date && $0.state != .skipped })
                ?? held.first(where: { $0.start.date == date })
            {
                return meeting
            }
            throw .noMeeting(structureID: structure.id, date: date, nearest: nearest(to: date))
        }
        func requireFree(_ start: LocalDateTime, except: RegisteredMeeting?) throws(RegisterError) {
            if let reason = scheduler.dayOff(start.date, breaks: structure.breaks) {
                throw .dayOff(structureID: structure.id, date: start.date, reason: reason)
            }
            if let other = held.first(where: { $0.start.date == start.date && $0 != except }) {
                throw .onAnotherMeeting(structureID: structure.id, date: start.date, plannedDate: other.plannedDate)
            }
        }
        switch decision.action {
        case .cancel:
            let meeting = try target(decision.date)
            if meeting.state == .cancelled { throw .alreadyCancelled(structureID: structure.id, date: meeting.plannedDate) }
        case .move:
            guard let start = decision.start else { throw .newTimeMissing }
            let meeting = try target(decision.date)
            if meeting.state == .cancelled { throw .cancelled(structureID: structure.id, date: meeting.plannedDate) }
            if meeting.start == start { throw .unchanged(structureID: structure.id, date: meeting.plannedDate) }
            try requireFree(start, except: meeting)
        case .add:
            guard let start = decision.start else { throw .newTimeMissing }
            try requireFree(start, except: nil)
        case .restore:
            guard let meeting = meetings.first(where: { $0.plannedDate == decision.date }), meeting.decision != nil,
                meeting.state != .extra
            else {
                throw .nothingToRestore(structureID: structure.id, date: decision.date)
            }
        }
    }
}

/// A coordinator's decision that cannot be made, with what to do instead.
public enum RegisterError: ListedValues, Hashable {
    /// No meeting of the structure is planned or held on the date; the nearest as they are now.
    case noMeeting(structureID: String, date: LocalDate, nearest: [NearbyMeeting])
    /// The meeting is cancelled already.
    case alreadyCancelled(structureID: String, date: LocalDate)
    /// The meeting is cancelled, so it cannot be moved or have minutes; restore it first.
    case cancelled(structureID: String, date: LocalDate)
    /// A move to the time the meeting already has.
    case unchanged(structureID: String, date: LocalDate)
    /// The new day is a weekend, a public holiday or in one of the structure's breaks (which one
    /// the message says).
    case dayOff(structureID: String, date: LocalDate, reason: Occurrence.Reason)
    /// Another meeting of the same structure is on the new day.
    case onAnotherMeeting(structureID: String, date: LocalDate, plannedDate: LocalDate)
    /// No decision on that meeting to undo.
    case nothingToRestore(structureID: String, date: LocalDate)
    /// A decision needs a reason (shown in calendars and listings).
    case reasonMissing(action: MeetingDecision.Action)
    /// A move or an extra meeting needs its new date and time.
    case newTimeMissing

    /// A stable code for the kind of problem.
    public var code: String {
        switch self {
        case .noMeeting(_, _, let nearest): nearest.isEmpty ? "register.no-meeting-near" : "register.no-meeting"
        case .alreadyCancelled: "register.already-cancelled"
        case .cancelled: "register.cancelled"
        case .unchanged: "register.unchanged"
        case .dayOff(_, let date, .weekend): date.weekday == .saturday ? "register.day-off-saturday" : "register.day-off-sunday"
        case .dayOff(_, _, .holiday): "register.day-off-holiday"
        case .dayOff(_, _, .breakPeriod): "register.day-off-break"
        case .onAnotherMeeting: "register.on-another-meeting"
        case .nothingToRestore: "register.nothing-to-restore"
        case .reasonMissing: "register.reason-missing"
        case .newTimeMissing: "register.new-time-missing"
        }
    }

    /// The values the message names (no personal data: ids and dates only).
    public var values: [String: String] {
        switch self {
        case .noMeeting(let id, let date, let nearest):
            ["structure": id, "date": date.iso, "nearest": nearest.map(\.date.iso).joined(separator: ", ")]
        case .alreadyCancelled(let id, let date), .cancelled(let id, let date), .unchanged(let id, let date),
            .nothingToRestore(let id, let date), .dayOff(let id, let date, .weekend):
            ["structure": id, "date": date.iso]
        case .dayOff(let id, let date, .holiday(let kind)):
            // The holiday's name is `holiday.<code>` in phrases.txt (see ErrorMessages).
            ["structure": id, "date": date.iso, "holiday": kind.rawValue]
        case .dayOff(let id, let date, .breakPeriod(let name)):
            ["structure": id, "date": date.iso, "name": name]
        case .onAnotherMeeting(let id, let date, let planned):
            ["structure": id, "date": date.iso, "planned": planned.iso]
        case .reasonMissing(let action): ["action": action.rawValue]
        case .newTimeMissing: [:]
        }
    }

    /// The nearest meetings of ``noMeeting(structureID:date:nearest:)``, each marked cancelled or moved.
    public var listedValues: [String: [ErrorPart]] {
        guard case .noMeeting(_, _, let nearest) = self else { return [:] }
        return ["nearest": nearest.map(\.part)]
    }
}
