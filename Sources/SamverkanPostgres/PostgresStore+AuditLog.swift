public import SamverkanStore

extension PostgresStore {
    /// Appends one row to the audit log in the transaction of the write it records, as
    /// ``AppDatabase``'s writes do: the database user is PostgreSQL's `current_user` (the
    /// column's default), the person this store acts as (``acting(as:)``).
    func appendAudit(_ action: AuditAction, _ target: AuditTarget, detail: String? = nil, on client: PostgresClient) async throws {
        try await RowsInsert.run([auditRow(action, target, detail: detail)], on: client)
    }

    /// The audit row of a write, to insert with the write's own rows.
    func auditRow(_ action: AuditAction, _ target: AuditTarget, detail: String? = nil) -> RowsInsert {
        RowsInsert(
            table: "audit_log", columns: ["at", "actor_person", "action", "target", "detail"],
            rows: [
                [
                    .text(AuditEntry.timestamp()), .optional(auditActor.person), .text(action.rawValue), .text(target.text),
                    .optional(detail),
                ]
            ])
    }

    /// The audit rows about minutes, in the order they were written.
    public func auditLog(minutesIDs: [Int64]) async throws -> [AuditEntry] {
        guard !minutesIDs.isEmpty else { return [] }
        let targets = minutesIDs.map { AuditTarget.minutes($0).text }.joined(separator: "\n")
        return try await auditEntries(where: "target = ANY(string_to_array($1, chr(10)))", [.text(targets)])
    }

    /// Every row of the audit log, in the order written.
    public func auditLog() async throws -> [AuditEntry] {
        try await auditEntries(where: "TRUE", [])
    }

    private func auditEntries(where condition: String, _ values: [SQLValue]) async throws -> [AuditEntry] {
        let rows = try await client.rows(
            """
            SELECT id, at, actor_database_user, actor_person, action, target, detail FROM audit_log
            WHERE \(condition) ORDER BY id
            """, values)
        return try PostgresRow.all(rows, table: "audit_log").map { row in
            AuditEntry(
                id: try row.integer(0, "id"), at: try row.text(1, "at"), databaseUser: try row.text(2, "actor_database_user"),
                person: try row.optionalText(3, "actor_person"), action: try row.text(4, "action"), target: try row.text(5, "target"),
                detail: try row.optionalText(6, "detail"))
        }
    }
}
