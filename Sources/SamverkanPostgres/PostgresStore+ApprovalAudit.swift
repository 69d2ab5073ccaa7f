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
        var previous = ""
        var expected: Int64 = 1
        var linked = Set<Int64>()
        for cells in rows {
            let row = PostgresRowsA(cells, table: "approval_chain")
            let position = try row.int(0, "position")
            let id = try row.int(1, "minutes_id")
            let stored = try row.text(2, "link_hash")
            linked.insert(id)
            defer {
                previous = stored
                expected = position + 1
            }
            if position != expected {
                audit.problems.append(.init(id: id, kind: .missingBefore))
            }
            guard try row.bool(3, "id") else {
                audit.problems.append(.init(id: id, kind: .deleted))
                continue
            }
            let facts = Self.chainFacts(Array(cells.dropFirst(4)))
            if facts.first(where: { $0.key == "content_hash" })?.value == "\u{0}null" {
                audit.problems.append(.init(id: id, kind: .unapproved))
                continue
            }
            if ApprovalChain.linkHash(previous: previous, position: position, facts: facts) != stored {
                audit.problems.append(.init(id: id, kind: .linkBroken))
            }
        }
        audit.head = previous.isEmpty ? nil : previous
        for id in audit.checked.compactMap(\.id) where !linked.contains(id) {
            audit.problems.append(.init(id: id, kind: .notInChain))
        }
        return audit
    }
}
