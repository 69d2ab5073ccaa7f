import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension GlobalOptions {
    /// The last day the meeting register covers: the end of the year two years after today, or
    /// further when a command asks about a later day.
    func registerHorizon(today: LocalDate, atLeast day: LocalDate? = nil) -> LocalDate {
        FeedRenderer.registerHorizon(today: today, atLeast: day)
    }

    /// Brings the register up to date with the configuration (deriving only what changed) and
    /// warns on standard error about decisions and minutes whose meeting the configuration no
    /// longer plans, so a coordinator sees them; nothing is dropped.
    @discardableResult
    func refreshRegister(
        _ database: any MeetingStore, _ configuration: RegionConfiguration, phrases: Phrasebook,
        through: LocalDate
    ) async throws -> RegisterRefresh {
        let refresh = try await store {
            try await database.refreshRegister(configuration, scheduler: Scheduler(), through: through, now: Self.timestamp())
        }
        for decision in refresh.unmatchedDecisions {
            warn(
                phrases.text(
                    "register.warning.decision",
                    [
                        "structure": decision.structureID, "date": decision.date.iso,
                        "action": phrases.text("decision.\(decision.action.rawValue)"),
                    ]))
        }
        for stranded in refresh.strandedMinutes {
            warn(
                phrases.text(
                    "register.warning.minutes",
                    [
                        "structure": stranded.structureID, "date": stranded.plannedDate.iso, "id": String(stranded.minutesID),
                    ]))
        }
        return refresh
    }

    /// Makes a coordinator's decision about a meeting (checked against the register, stored,
    /// applied) and prints where the meeting now stands.
    /// - Parameters:
    ///   - database: the command's store when it has one open already (else it is opened here).
    ///   - start: the new start, from the structure and the meeting as it stands.
    /// - Returns: the meeting as it stood before the decision, and as it stands after, and the
    ///   store it was decided in (for what the command does next).
    @discardableResult
    func decide(
        structureID: String, date: LocalDate, action: MeetingDecision.Action, reason: String, by: String?,
        database given: (any MeetingStore)? = nil, start: (CollaborationStructure, RegisteredMeeting?) throws -> LocalDateTime?
    ) async throws
        -> (before: RegisteredMeeting?, after: RegisteredMeeting?, database: any MeetingStore)
    {
        let configuration = try loadConfiguration().configuration
        let phrases = try phrasebook()
        let target = try configuration.structures(withIDs: [structureID])[0]
        // A calendar decision, not minutes: the message speaks of the reason or the name (never echoed).
        if IdentityNumberGuard.containsNumber(reason) { throw CLIError("meeting.privacy-reason") }
        if let by, IdentityNumberGuard.containsNumber(by) { throw CLIError("meeting.privacy-by") }
        var decidedBy: String?
        if let by {
            guard let person = configuration.person(by) else {
                throw LookupError(kind: "person", ids: [by], known: configuration.people.map(\.id))
            }
            decidedBy = person.name
        }
        let database: any MeetingStore
        if let given { database = given } else { database = try await openDatabase() }
        let horizon = registerHorizon(today: try today(), atLeast: date)
        try await refreshRegister(database, configuration, phrases: phrases, through: horizon)
        let current = try await store {
            try await database.registeredMeetings(structureIDs: [target.id], from: date, through: date)
        }.first { $0.plannedDate == date && $0.state != .extra }
        let decision = MeetingDecision(
            structureID: target.id, date: date, action: action, start: try start(target, current),
            reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
            decidedBy: decidedBy, decidedAt: try recordedTimestamp())
        let result = try await store {
            try await database.decide(
                decision, configuration: configuration, scheduler: Scheduler(), through: horizon, now: Self.timestamp())
        }
        let values = [
            "structure": target.id, "date": date.iso,
            "start": result.map { "\($0.start.date.iso) \($0.start.time)–\($0.end.time)" } ?? "",
        ]
        print(phrases.text("meeting.done.\(action.rawValue)", values))
        return (current, result, database)
    }

    /// Now, as an ISO 8601 UTC timestamp to the second (the store's).
    static func timestamp() -> String { AppDatabase.secondsTimestamp() }

    /// Now as a timestamp on the day ``today()`` says, for what a command records as done today
    /// (a meeting decision, a correction saved): with `SAMVERKAN_TODAY` set, on that day, as
    /// every date the command reads and prints.
    func recordedTimestamp() throws -> String {
        let fixed = ProcessInfo.processInfo.environment["SAMVERKAN_TODAY"].map { !$0.isEmpty } ?? false
        return AppDatabase.secondsTimestamp(on: fixed ? try today() : nil)
    }

    /// A line on standard error (after what was printed so far, so the two stay in order), never
    /// repeating an identity number.
    func warn(_ text: String) {
        TerminalOutput.writeError((text + "\n"))
    }
}
