public import SamverkanDomain
public import SamverkanTime

/// One store API, two engines: everything the CLI and the reports read from and write to the
/// store, whichever engine holds it — the embedded SQLite file (``AppDatabase``, the default)
/// or a shared PostgreSQL database (`PostgresStore` in `SamverkanPostgres`).
///
/// Requirements are `async` because PostgreSQL is reached over the network; the embedded store
/// meets them with its synchronous methods. Both engines enforce the same rules in the
/// database itself (approved minutes read-only, signatures, § numbers unique per structure and
/// year) and throw the same ``StoreError`` codes, so a caller never asks which engine it has.
/// See ``AppDatabase`` for what each operation does; its doc comments are the contract.
public protocol MeetingStore: Sendable {
    /// The engine's name for people (`SQLite`, `PostgreSQL`), as `db status` prints it.
    var engineName: String { get }
    /// Who this store's writes are recorded as done by in the audit log.
    var auditActor: AuditActor { get }
    /// The same store, its writes recorded as done by a configured person (`--as`).
    func acting(as person: String?) -> Self
    /// Ends the store's connections (the embedded store needs nothing; PostgreSQL closes).
    func close() async

    // MARK: Minutes

    func save(_ minutes: Minutes, savedAt: String?) async throws -> Minutes
    func approve(id: Int64, by: [String], date: LocalDate) async throws -> Minutes
    func minutes(id: Int64) async throws -> Minutes?
    func withActionNumbers(_ minutes: Minutes) async throws -> Minutes
    func amendments(of id: Int64) async throws -> [Minutes]
    func listMinutes(structureID: String?, from: LocalDate?, through: LocalDate?) async throws -> [MinutesSummary]
    func search(_ text: String, limit: Int) async throws -> [MinutesSearchHit]
    func verifyApproved() async throws -> (checked: [Minutes], changed: [Int64])
    func auditApprovals() async throws -> ApprovalAudit
    func cancel(structureID: String, date: LocalDate, reason: String) async throws
    func recordedDates(structureID: String) async throws -> Set<LocalDate>
    func previousMinutes(structureID: String, before date: LocalDate, excluding: Int64?) async throws -> PreviousMinutes?

    // MARK: Action items and follow-ups

    func openActions(structureID: String, before date: LocalDate, excluding: Int64?) async throws -> [OpenAction]
    func allActions(structureID: String?, responsible: String?) async throws -> [OpenAction]
    func activityStatus(structureID: String, before date: LocalDate) async throws -> [String: ActivityStatus]
    func withdrawnActions(structureID: String) async throws -> [WithdrawnAction]
    func activityFollowUps(through: LocalDate) async throws -> [ActivityRecord]

    // MARK: Justering

    func signatures(minutesID id: Int64) async throws -> [Signature]
    func sign(id: Int64, names: [String], date: LocalDate, required: [String]) async throws -> (minutes: Minutes, justering: Justering)
    func pendingMinutes(structureID: String?) async throws -> [PendingMinutes]
    func pendingCorrectionStructures(through: LocalDate) async throws -> [String]

    // MARK: Audit log

    func auditLog(minutesIDs: [Int64]) async throws -> [AuditEntry]
    func auditLog() async throws -> [AuditEntry]

    // MARK: Meeting register

    func refreshRegister(
        _ configuration: RegionConfiguration, scheduler: Scheduler, through: LocalDate, now: String
    ) async throws -> RegisterRefresh
    func registerIsCurrent(_ configuration: RegionConfiguration, through: LocalDate) async throws -> Bool
    func decide(
        _ decision: MeetingDecision, configuration: RegionConfiguration, scheduler: Scheduler,
        through: LocalDate, now: String
    ) async throws -> RegisteredMeeting?
    func decisions(structureID: String) async throws -> [MeetingDecision]
    func registeredMeetings(structureIDs: [String]?, from: LocalDate, through: LocalDate) async throws -> [RegisteredMeeting]
    func registeredMeetings(structureIDs: [String]) async throws -> [RegisteredMeeting]
    func registerRevision() async throws -> Int64

    // MARK: Reports and notify

    func history(from: LocalDate, through: LocalDate, asOf: LocalDate) async throws -> MeetingHistory
    func history(
        from: LocalDate, through: LocalDate, asOf: LocalDate, register configuration: RegionConfiguration
    ) async throws -> MeetingHistory
    func notifyInput(
        today: LocalDate, from: LocalDate, through: LocalDate, heldSince: LocalDate, heldThrough: LocalDate?
    ) async throws -> NotifyInput

    // MARK: Calendar sequences, feeds and mail

    func sequence(uid: String, structureID: String, contentHash: String, bump: Bool) async throws -> Int
    func createFeed(tokenHash: String, selectionKind: String, selectionValue: String) async throws -> Int64
    func feeds() async throws -> [SubscriptionFeed]
    func activeFeed(tokenHash: String) async throws -> SubscriptionFeed?
    func revokeFeed(id: Int64) async throws -> Bool
    func claimMail(_ candidates: [MailSending], now: String, staleBefore: String) async throws -> [MailSending]
    func finishMail(key: String, sent: Bool, error: String?, now: String) async throws
    func mailLog(status: MailSending.Status?) async throws -> [MailSending]

    // MARK: Archive and schema

    func exportArchive() async throws -> MinutesArchive
    func exportJSON() async throws -> String
    func importArchive(_ archive: MinutesArchive) async throws -> (minutes: Int, decisions: Int)
    func schemaVersion() async throws -> String
}
