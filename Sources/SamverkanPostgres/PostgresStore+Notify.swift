public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// What `samverkan notify` decides from, as ``AppDatabase/notifyInput(today:from:through:heldSince:heldThrough:)``
    /// reads it: the register's meetings in the window, every open action item, each
    /// structure's (with a meeting in the window) latest current minutes before `through` and the
    /// minutes and cancellations from `from`, the minutes waiting for approval with their
    /// signatures, and the approval reminders sent so far. Set-based: one statement each, not one
    /// per structure or per draft, in one read-only snapshot.
    public func notifyInput(today: LocalDate, from: LocalDate, through: LocalDate, heldSince: LocalDate, heldThrough: LocalDate?)
        async throws -> NotifyInput
    {
        let input = try await readSnapshot { client in
            let meetings = try await Self.registeredMeetings(client, structureIDs: nil, from: from, through: through)
            let latest = try await Self.latestMinutes(client, structureIDs: Set(meetings.map(\.structureID)), before: through)
            let drafts = try await Self.drafts(client, heldSince: heldSince, heldThrough: heldThrough)
            var reminded: Set<String> = []
            for row in try await client.checkedRows(
                "SELECT key, recipient, item FROM mail_log WHERE kind = 'approval' AND status IN ('sent', 'sending')", table: "mail_log")
            {
                ApprovalReminders.add(
                    key: try row.text(0, "key"), recipient: try row.text(1, "recipient"), item: try row.optionalText(2, "item"),
                    to: &reminded)
            }
            return NotifyInput(meetings: meetings, openActions: [], minutes: latest, drafts: drafts, remindedApprovals: reminded)
        }
        var result = input
        result.openActions = try await allActions(structureID: nil, responsible: nil).filter { $0.status != .done }
        return result.adding(minutes: try await listMinutes(structureID: nil, from: from, through: nil))
    }

    /// The latest current minutes before a day of each of some structures, by structure id.
    static func latestMinutes(_ client: PostgresClient, structureIDs: Set<String>, before day: LocalDate) async throws -> [MinutesSummary] {
        guard !structureIDs.isEmpty else { return [] }
        return try await client.checkedRows(
            """
            SELECT DISTINCT ON (m.structure_id) m.id, m.structure_id, m.meeting_date, m.approved_on FROM minutes m
            WHERE m.structure_id = ANY(string_to_array($1, chr(31))) AND m.meeting_date < $2 AND \(RegisterSQL.current())
            ORDER BY m.structure_id, m.meeting_date DESC, m.id DESC
            """, [RegisterSQL.list(structureIDs), .text(day.iso)], table: "minutes"
        ).map { row in
            MinutesSummary(
                id: try row.integer(0, "id"), structureID: try row.text(1, "structure_id"), date: try row.date(2, "meeting_date"),
                status: try row.optionalText(3, "approved_on") == nil ? .draft : .approved)
        }.sorted { $0.structureID < $1.structureID }
    }

    /// The latest records not approved of meetings held from `heldSince` through `heldThrough`
    /// (nil: any), and every correction waiting for approval, by meeting day and id, with who
    /// signs and who has signed.
    static func drafts(_ client: PostgresClient, heldSince: LocalDate, heldThrough: LocalDate?) async throws -> [NotifyInput.Draft] {
        let rows = try await client.checkedRows(
            """
            SELECT id, structure_id, meeting_date, created_at, chair, approvers, amends_id FROM minutes m
            WHERE approved_at IS NULL AND NOT EXISTS (SELECT 1 FROM minutes newer WHERE newer.amends_id = m.id)
              AND ((meeting_date >= $1 AND meeting_date <= $2) OR amends_id IS NOT NULL)
            ORDER BY meeting_date, id
            """, [.text(heldSince.iso), .text((heldThrough ?? LocalDate(year: 9999, month: 1, day: 1)!).iso)], table: "minutes")
        var drafts = try rows.map { row in
            guard let recorded = LocalDate(iso: try row.text(3, "created_at").prefix(10)) else {
                throw StoreError.unreadable("minutes", column: "created_at")
            }
            return NotifyInput.Draft(
                id: try row.integer(0, "id"), structureID: try row.text(1, "structure_id"), date: try row.date(2, "meeting_date"),
                recordedOn: recorded,
                signatories: [try row.text(4, "chair")] + (try row.text(5, "approvers")).split(separator: "\n").map(String.init),
                amends: try row.optionalInteger(6, "amends_id"))
        }
        guard !drafts.isEmpty else { return [] }
        var signed: [Int64: [String]] = [:]
        for row in try await client.checkedRows(
            """
            SELECT minutes_id, name FROM minutes_signatures WHERE minutes_id = ANY(\(RegisterSQL.idArray(1)))
            ORDER BY minutes_id, position
            """, [RegisterSQL.ids(drafts.map(\.id))], table: "minutes_signatures")
        {
            signed[try row.integer(0, "minutes_id"), default: []].append(try row.text(1, "name"))
        }
        for index in drafts.indices { drafts[index].signed = signed[drafts[index].id] ?? [] }
        return drafts
    }
}
