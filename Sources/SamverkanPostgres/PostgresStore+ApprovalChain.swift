import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// The columns of `minutes` a chain link covers: ``AppDatabase``'s (the same facts, so a
    /// database copied between the engines verifies on both).
    static var chainColumns: [String] { AppDatabase.chainColumns }

    /// The transaction-level advisory lock every approval takes before it numbers decisions and
    /// links the chain: approvals take turns, so two at once never get the same § number or
    /// chain position (nor skip one). Two 32-bit keys ("Svkn", 2): apart from the migrator's
    /// single 64-bit key.
    static let approvalLock = "SELECT pg_advisory_xact_lock(1400138606, 2)"

    /// Completes an approval in the signing transaction, as ``AppDatabase``'s does: numbers the
    /// decisions `§ N` per structure and calendar year of the meeting, in order of approval,
    /// stores the content hash and links the approval into the chain.
    static func completeApproval(_ unapproved: Minutes, by: [String], date: LocalDate, on client: PostgresClient) async throws
        -> Minutes
    {
        var minutes = unapproved
        let id = minutes.id ?? 0
        try await client.execute(approvalLock)
        // Read after the lock: the numbers of every approval before this one are committed.
        let maximum = try await client.rows(
            "SELECT COALESCE(MAX(number), 0) FROM decisions WHERE structure_id = $1 AND year = $2 AND inherited = 0",
            [.text(minutes.structureID), .integer(Int64(minutes.date.year))])
        var next = try maximum.first.map { try PostgresRow($0, table: "decisions").integer(0, "number") } ?? 0
        var positions: [String] = []
        var numbers: [String] = []
        for position in minutes.decisions.indices where minutes.decisions[position].number == nil {
            next += 1
            minutes.decisions[position].number = Int(next)
            positions.append(String(position))
            numbers.append(String(next))
        }
        if !positions.isEmpty {
            try await client.execute(
                """
                UPDATE decisions d SET number = v.number
                FROM unnest(\(RegisterSQL.idArray(2)), \(RegisterSQL.idArray(3))) AS v(position, number)
                WHERE d.minutes_id = $1 AND d.position = v.position
                """,
                [.integer(id), .text(positions.joined(separator: ",")), .text(numbers.joined(separator: ","))])
        }
        let approval = Approval(
            by: by, date: date, recordedAt: AuditEntry.timestamp(), contentHash: minutes.approvalDigest(by: by, date: date))
        try await writeApproval(approval, id: id, on: client)
        try await appendChainLink(minutesID: id, on: client)
        minutes.approval = approval
        return minutes
    }

    /// Writes the approval columns of stored minutes, after a signature for each approver that
    /// has none yet (in the approval's transaction), as ``AppDatabase``'s does.
    static func writeApproval(_ approval: Approval, id: Int64, on client: PostgresClient) async throws {
        if !approval.by.isEmpty {
            try await client.execute(
                """
                INSERT INTO minutes_signatures (minutes_id, position, name, signed_on, recorded_at)
                SELECT $1, base.next + row_number() OVER (ORDER BY given.n) - 1, given.name, $3, $4
                FROM (SELECT DISTINCT ON (name) name, n FROM unnest(string_to_array($2, chr(10))) WITH ORDINALITY AS g(name, n)
                      WHERE name <> '' ORDER BY name, n) AS given,
                     (SELECT COALESCE(MAX(position) + 1, 0) AS next FROM minutes_signatures WHERE minutes_id = $1) AS base
                WHERE NOT EXISTS (SELECT 1 FROM minutes_signatures s WHERE s.minutes_id = $1 AND s.name = given.name)
                """,
                [.integer(id), .text(approval.by.joined(separator: "\n")), .text(approval.date.iso), .text(approval.recordedAt)])
        }
        try await client.execute(
            "UPDATE minutes SET approved_at = $1, approved_on = $2, approved_by = $3, content_hash = $4 WHERE id = $5",
            [
                .text(approval.recordedAt), .text(approval.date.iso), .text(approval.by.joined(separator: "\n")),
                .text(approval.contentHash), .integer(id),
            ])
    }

    /// The facts of the minutes `id` a link covers (NULL as `\0null`, numbers in decimal), or
    /// nil when there is no such row.
    static func chainFacts(minutesID id: Int64, on client: PostgresClient) async throws -> [(key: String, value: String)]? {
        let rows = try await client.rows(
            "SELECT \(chainColumns.joined(separator: ", ")) FROM minutes WHERE id = $1", [.integer(id)])
        return rows.first.map(chainFacts)
    }

    /// The facts of one row of ``chainColumns``.
    static func chainFacts(_ row: [SQLValue]) -> [(key: String, value: String)] {
        chainColumns.indices.map { index in
            let value: String =
                switch index < row.count ? row[index] : .null {
                case .null: "\u{0}null"
                case .text(let text): text
                case .integer(let number): String(number)
                case .real, .blob: "\u{0}other"
                }
            return (chainColumns[index], value)
        }
    }

    /// Appends the link of newly approved minutes to the chain (under ``approvalLock``).
    static func appendChainLink(minutesID id: Int64, on client: PostgresClient) async throws {
        guard let facts = try await chainFacts(minutesID: id, on: client) else {
            throw StoreError("store.internal", ["what": "approved minutes vanished before their link was written"])
        }
        let last = try await client.rows("SELECT position, link_hash FROM approval_chain ORDER BY position DESC LIMIT 1")
        let row = last.first.map { PostgresRow($0, table: "approval_chain") }
        let position = (try row?.integer(0, "position") ?? 0) + 1
        let hash = ApprovalChain.linkHash(previous: try row?.text(1, "link_hash") ?? "", position: position, facts: facts)
        try await client.execute(
            "INSERT INTO approval_chain (position, minutes_id, link_hash) VALUES ($1, $2, $3)",
            [.integer(position), .integer(id), .text(hash)])
    }
}
