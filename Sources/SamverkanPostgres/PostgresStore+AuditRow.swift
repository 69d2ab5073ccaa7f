import SamverkanStore

extension PostgresStore {
    /// Appends one row to the audit log in the transaction of the write it records (as
    /// `AppDatabase.audit` does): when, the `--as` person, what and about which record; the
    /// database user is PostgreSQL's `current_user` (the column's default).
    func appendAudit(_ client: PostgresClient, _ action: AuditAction, _ target: AuditTarget, detail: String? = nil) async throws {
        try await client.execute(
            "INSERT INTO audit_log (at, actor_person, action, target, detail) VALUES ($1, $2, $3, $4, $5)",
            [.text(AuditEntry.timestamp()), .optional(auditActor.person), .text(action.rawValue), .text(target.text), .optional(detail)])
    }
}
