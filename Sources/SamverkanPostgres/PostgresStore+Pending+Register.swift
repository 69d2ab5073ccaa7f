public import SamverkanDomain
public import SamverkanStore
public import SamverkanTime

// Scaffold while the PostgreSQL engine is built (group B): replaced by the real operations.
extension PostgresStore {
    public func openActions(structureID: String, before date: LocalDate, excluding: Int64?) async throws -> [OpenAction] {
        throw StoreError("store.internal", ["what": "openActions is not built on PostgreSQL yet"])
    }
    public func allActions(structureID: String?, responsible: String?) async throws -> [OpenAction] {
        throw StoreError("store.internal", ["what": "allActions is not built on PostgreSQL yet"])
    }
    public func activityStatus(structureID: String, before date: LocalDate) async throws -> [String: ActivityStatus] {
        throw StoreError("store.internal", ["what": "activityStatus is not built on PostgreSQL yet"])
    }
    public func withdrawnActions(structureID: String) async throws -> [WithdrawnAction] {
        throw StoreError("store.internal", ["what": "withdrawnActions is not built on PostgreSQL yet"])
    }
    public func activityFollowUps(through: LocalDate) async throws -> [ActivityRecord] {
        throw StoreError("store.internal", ["what": "activityFollowUps is not built on PostgreSQL yet"])
    }
    public func refreshRegister(_ configuration: RegionConfiguration, scheduler: Scheduler, through: LocalDate, now: String) async throws
        -> RegisterRefresh
    {
        throw StoreError("store.internal", ["what": "refreshRegister is not built on PostgreSQL yet"])
    }
    public func registerIsCurrent(_ configuration: RegionConfiguration, through: LocalDate) async throws -> Bool {
        throw StoreError("store.internal", ["what": "registerIsCurrent is not built on PostgreSQL yet"])
    }
    public func decide(
        _ decision: MeetingDecision, configuration: RegionConfiguration, scheduler: Scheduler, through: LocalDate, now: String
    ) async throws -> RegisteredMeeting? {
        throw StoreError("store.internal", ["what": "decide is not built on PostgreSQL yet"])
    }
    public func decisions(structureID: String) async throws -> [MeetingDecision] {
        throw StoreError("store.internal", ["what": "decisions is not built on PostgreSQL yet"])
    }
    public func registeredMeetings(structureIDs: [String]?, from: LocalDate, through: LocalDate) async throws -> [RegisteredMeeting] {
        throw StoreError("store.internal", ["what": "registeredMeetings is not built on PostgreSQL yet"])
    }
    public func registeredMeetings(structureIDs: [String]) async throws -> [RegisteredMeeting] {
        throw StoreError("store.internal", ["what": "registeredMeetings is not built on PostgreSQL yet"])
    }
    public func registerRevision() async throws -> Int64 {
        throw StoreError("store.internal", ["what": "registerRevision is not built on PostgreSQL yet"])
    }
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate) async throws -> MeetingHistory {
        throw StoreError("store.internal", ["what": "history is not built on PostgreSQL yet"])
    }
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate, register configuration: RegionConfiguration) async throws
        -> MeetingHistory
    {
        throw StoreError("store.internal", ["what": "history is not built on PostgreSQL yet"])
    }
    public func notifyInput(today: LocalDate, from: LocalDate, through: LocalDate, heldSince: LocalDate, heldThrough: LocalDate?)
        async throws -> NotifyInput
    {
        throw StoreError("store.internal", ["what": "notifyInput is not built on PostgreSQL yet"])
    }
}
