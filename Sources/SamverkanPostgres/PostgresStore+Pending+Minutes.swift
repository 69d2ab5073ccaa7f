public import SamverkanDomain
public import SamverkanStore
public import SamverkanTime

// Scaffold while the PostgreSQL engine is built (group A): replaced by the real operations.
extension PostgresStore {
    public func save(_ minutes: Minutes, savedAt: String?) async throws -> Minutes {
        throw StoreError("store.internal", ["what": "save is not built on PostgreSQL yet"])
    }
    public func approve(id: Int64, by: [String], date: LocalDate) async throws -> Minutes {
        throw StoreError("store.internal", ["what": "approve is not built on PostgreSQL yet"])
    }
    public func minutes(id: Int64) async throws -> Minutes? {
        throw StoreError("store.internal", ["what": "minutes is not built on PostgreSQL yet"])
    }
    public func withActionNumbers(_ minutes: Minutes) async throws -> Minutes {
        throw StoreError("store.internal", ["what": "withActionNumbers is not built on PostgreSQL yet"])
    }
    public func amendments(of id: Int64) async throws -> [Minutes] {
        throw StoreError("store.internal", ["what": "amendments is not built on PostgreSQL yet"])
    }
    public func listMinutes(structureID: String?, from: LocalDate?, through: LocalDate?) async throws -> [MinutesSummary] {
        throw StoreError("store.internal", ["what": "listMinutes is not built on PostgreSQL yet"])
    }
    public func search(_ text: String, limit: Int) async throws -> [MinutesSearchHit] {
        throw StoreError("store.internal", ["what": "search is not built on PostgreSQL yet"])
    }
    public func verifyApproved() async throws -> (checked: [Minutes], changed: [Int64]) {
        throw StoreError("store.internal", ["what": "verifyApproved is not built on PostgreSQL yet"])
    }
    public func auditApprovals() async throws -> ApprovalAudit {
        throw StoreError("store.internal", ["what": "auditApprovals is not built on PostgreSQL yet"])
    }
    public func cancel(structureID: String, date: LocalDate, reason: String) async throws {
        throw StoreError("store.internal", ["what": "cancel is not built on PostgreSQL yet"])
    }
    public func recordedDates(structureID: String) async throws -> Set<LocalDate> {
        throw StoreError("store.internal", ["what": "recordedDates is not built on PostgreSQL yet"])
    }
    public func previousMinutes(structureID: String, before date: LocalDate, excluding: Int64?) async throws -> PreviousMinutes? {
        throw StoreError("store.internal", ["what": "previousMinutes is not built on PostgreSQL yet"])
    }
    public func signatures(minutesID id: Int64) async throws -> [Signature] {
        throw StoreError("store.internal", ["what": "signatures is not built on PostgreSQL yet"])
    }
    public func sign(id: Int64, names: [String], date: LocalDate, required: [String]) async throws -> (
        minutes: Minutes, justering: Justering
    ) {
        throw StoreError("store.internal", ["what": "sign is not built on PostgreSQL yet"])
    }
    public func pendingMinutes(structureID: String?) async throws -> [PendingMinutes] {
        throw StoreError("store.internal", ["what": "pendingMinutes is not built on PostgreSQL yet"])
    }
    public func pendingCorrectionStructures(through: LocalDate) async throws -> [String] {
        throw StoreError("store.internal", ["what": "pendingCorrectionStructures is not built on PostgreSQL yet"])
    }
    public func auditLog(minutesIDs: [Int64]) async throws -> [AuditEntry] {
        throw StoreError("store.internal", ["what": "auditLog is not built on PostgreSQL yet"])
    }
    public func auditLog() async throws -> [AuditEntry] {
        throw StoreError("store.internal", ["what": "auditLog is not built on PostgreSQL yet"])
    }
}
