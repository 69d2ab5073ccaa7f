public import SamverkanDomain
public import SamverkanTime

/// The usual arguments of ``MeetingStore``'s operations, as ``AppDatabase`` gives them.
extension MeetingStore {
    /// Saves new minutes now (see ``AppDatabase/save(_:savedAt:)``).
    public func save(_ minutes: Minutes) async throws -> Minutes {
        try await save(minutes, savedAt: nil)
    }

    /// Every structure's minutes of every day.
    public func listMinutes() async throws -> [MinutesSummary] {
        try await listMinutes(structureID: nil, from: nil, through: nil)
    }

    /// The 50 best hits.
    public func search(_ text: String) async throws -> [MinutesSearchHit] {
        try await search(text, limit: 50)
    }

    /// Open action items of minutes before a day, none excluded.
    public func openActions(structureID: String, before date: LocalDate) async throws -> [OpenAction] {
        try await openActions(structureID: structureID, before: date, excluding: nil)
    }

    /// Every action item of every structure.
    public func allActions() async throws -> [OpenAction] {
        try await allActions(structureID: nil, responsible: nil)
    }

    /// The latest minutes before a day, none excluded.
    public func previousMinutes(structureID: String, before date: LocalDate) async throws -> PreviousMinutes? {
        try await previousMinutes(structureID: structureID, before: date, excluding: nil)
    }

    /// Minutes of every structure waiting for justering.
    public func pendingMinutes() async throws -> [PendingMinutes] {
        try await pendingMinutes(structureID: nil)
    }

    /// Every structure's registered meetings in a period.
    public func registeredMeetings(from: LocalDate, through: LocalDate) async throws -> [RegisteredMeeting] {
        try await registeredMeetings(structureIDs: nil, from: from, through: through)
    }

    /// The calendar sequence of a series, not bumped.
    public func sequence(uid: String, structureID: String, contentHash: String) async throws -> Int {
        try await sequence(uid: uid, structureID: structureID, contentHash: contentHash, bump: false)
    }

    /// Every mail sent or tried.
    public func mailLog() async throws -> [MailSending] {
        try await mailLog(status: nil)
    }
}

extension MeetingStore {
    /// Records how sending a mail ended, without an error.
    public func finishMail(key: String, sent: Bool, now: String) async throws {
        try await finishMail(key: key, sent: sent, error: nil, now: now)
    }

    /// Action items of one structure (nil: all), of anyone.
    public func allActions(structureID: String?) async throws -> [OpenAction] {
        try await allActions(structureID: structureID, responsible: nil)
    }

    /// Minutes of one structure (nil: all) of every day. (Not the requirement's own signature
    /// with defaults: that would be a default implementation calling itself.)
    public func listMinutes(structureID: String?) async throws -> [MinutesSummary] {
        try await listMinutes(structureID: structureID, from: nil, through: nil)
    }

    /// What notify decides from, of minutes held any day.
    public func notifyInput(today: LocalDate, from: LocalDate, through: LocalDate, heldSince: LocalDate) async throws -> NotifyInput {
        try await notifyInput(today: today, from: from, through: through, heldSince: heldSince, heldThrough: nil)
    }
}
