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
        func nearest(to date: LocalDate) -> [LocalDate] {
            held.map(\.plannedDate).sorted { abs($0.days(to: date)) < abs($1.days(to: date)) }.prefix(3).sorted()
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
            guard scheduler.isWorkingDay(start.date, breaks: structure.breaks) else {
                throw .dayOff(structureID: structure.id, date: start.date)
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
public enum RegisterError: SamverkanError, Hashable {
    /// No meeting of the structure is planned or held on the date.
    case noMeeting(structureID: String, date: LocalDate, nearest: [LocalDate])
    /// The meeting is cancelled already.
    case alreadyCancelled(structureID: String, date: LocalDate)
    /// The meeting is cancelled, so it cannot be moved or have minutes; restore it first.
    case cancelled(structureID: String, date: LocalDate)
    /// A move to the time the meeting already has.
    case unchanged(structureID: String, date: LocalDate)
    /// The new day is a weekend, a public holiday or in one of the structure's breaks.
    case dayOff(structureID: String, date: LocalDate)
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
        case .dayOff: "register.day-off"
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
            ["structure": id, "date": date.iso, "nearest": nearest.map(\.iso).joined(separator: ", ")]
        case .alreadyCancelled(let id, let date), .cancelled(let id, let date), .unchanged(let id, let date),
            .dayOff(let id, let date), .nothingToRestore(let id, let date):
            ["structure": id, "date": date.iso]
        case .onAnotherMeeting(let id, let date, let planned):
            ["structure": id, "date": date.iso, "planned": planned.iso]
        case .reasonMissing(let action): ["action": action.rawValue]
        case .newTimeMissing: [:]
        }
    }
}
