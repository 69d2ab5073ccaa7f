public import SamverkanDomain
public import SamverkanStore

extension PostgresStore {
    /// Every approved record whose content no longer matches the hash stored at approval, as
    /// ``AppDatabase/verifyApproved()`` (all of them read at once, one query per table).
    /// - Returns: the approved minutes checked and the ids that do not match.
    public func verifyApproved() async throws -> (checked: [Minutes], changed: [Int64]) {
        let checked = try await Self.fetchMinutes(where: "m.approved_at IS NOT NULL", [], on: client)
        return (checked, checked.filter { !$0.isIntact }.compactMap(\.id))
    }

    /// Checks the chain and every approved record, as ``AppDatabase/auditApprovals()`` does.
    ///
    /// ``ApprovalAudit/integrity`` stays empty: it holds SQLite's `PRAGMA integrity_check`, and
    /// PostgreSQL has no equivalent check a client can run (the server checks its pages itself,
    /// with data checksums when the cluster has them). The content hashes and the chain of
    /// links are checked as on SQLite.
    public func auditApprovals() async throws -> ApprovalAudit {
        var audit = ApprovalAudit()
        audit.checked = try await Self.fetchMinutes(where: "m.approved_at IS NOT NULL", [], on: client)
        for minutes in audit.checked where !minutes.isIntact {
            audit.problems.append(.init(id: minutes.id ?? 0, kind: .contentChanged))
        }
        // Each link with the facts of its minutes row (NULLs when the row is gone), in one query.
        let columns = Self.chainColumns.map { "m.\($0)" }.joined(separator: ", ")
        let rows = try await client.rows(
            """
            SELECT c.position, c.minutes_id, c.link_hash, m.id IS NOT NULL, \(columns)
            FROM approval_chain c LEFT JOIN minutes m ON m.id = c.minutes_id ORDER BY c.position
            """)
        let links = try rows.map { cells in
            let row = PostgresRow(cells, table: "approval_chain")
            return ApprovalAudit.Link(
                position: try row.integer(0, "position"), minutesID: try row.integer(1, "minutes_id"), hash: try row.text(2, "link_hash"),
                facts: try row.bool(3, "id") ? Self.chainFacts(Array(cells.dropFirst(4))) : nil)
        }
        audit.checkChain(links, approved: audit.checked.compactMap(\.id))
        return audit
    }
}
