public import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Minutes by id, with every part, or nil (as ``AppDatabase/minutes(id:)``).
    public func minutes(id: Int64) async throws -> Minutes? {
        try await Self.fetchMinutes(where: "m.id = $1", [.integer(id)], on: client).first
    }

    /// The minutes with each follow-up naming its action item by number (`#N`), as
    /// ``AppDatabase/withActionNumbers(_:)``: one query for every follow-up.
    public func withActionNumbers(_ minutes: Minutes) async throws -> Minutes {
        try await Self.withActionNumbers(minutes, on: client)
    }

    static func withActionNumbers(_ minutes: Minutes, on client: PostgresClient) async throws -> Minutes {
        let ids = minutes.actionFollowUps.map(\.actionID)
        guard !ids.isEmpty else { return minutes }
        let rows = try await client.rows(
            "SELECT id, continues_id FROM action_items WHERE id = ANY(\(RegisterSQL.idArray(1))) AND continues_id IS NOT NULL",
            [RegisterSQL.ids(ids)])
        var numbers: [Int64: Int64] = [:]
        for row in PostgresRow.all(rows, table: "action_items") {
            numbers[try row.integer(0, "id")] = try row.integer(1, "continues_id")
        }
        var result = minutes
        for index in result.actionFollowUps.indices {
            if let number = numbers[result.actionFollowUps[index].actionID] { result.actionFollowUps[index].actionID = number }
        }
        return result
    }

    /// Every minutes row (alias `m`) that passes `condition`, with all their parts, by id: one
    /// query per table however many minutes are read.
    /// - Throws: ``StoreError`` naming the table and column when a stored row cannot be read.
    static func fetchMinutes(where condition: String, _ values: [SQLValue], on client: PostgresClient) async throws -> [Minutes] {
        let rows = try await client.rows(
            """
            SELECT m.id, m.structure_id, m.meeting_date, m.meeting_time, m.planned_date, m.place, m.chair, m.secretary,
                   m.approvers, m.previous_approved, m.amends_id, m.created_at, m.approved_at, m.approved_on,
                   m.approved_by, m.content_hash
            FROM minutes m WHERE \(condition) ORDER BY m.id
            """, values)
        guard !rows.isEmpty else { return [] }
        var result = try PostgresRow.all(rows, table: "minutes").map(minutesRow)
        let parts = try await MinutesParts.fetch(where: condition, values, on: client)
        for index in result.indices {
            let id = result[index].id ?? 0
            result[index].attendance = parts.attendance[id] ?? []
            result[index].organisationAttendance = parts.organisationAttendance[id] ?? []
            result[index].agenda = parts.agenda[id] ?? []
            result[index].items = parts.items[id] ?? []
            result[index].decisions = parts.decisions[id] ?? []
            result[index].newActions = parts.newActions[id] ?? []
            result[index].actionFollowUps = parts.actionFollowUps[id] ?? []
            result[index].activityFollowUps = parts.activityFollowUps[id] ?? []
        }
        return result
    }

    /// The minutes of a `minutes` row, without their parts.
    /// - Throws: ``StoreError`` when a column cannot be read or the approval columns are only partly set.
    static func minutesRow(_ row: PostgresRow) throws -> Minutes {
        var time: LocalTime?
        if let text = try row.optionalText(3, "meeting_time") {
            guard let parsed = LocalTime(text: text) else { throw StoreError.unreadable("minutes", column: "meeting_time") }
            time = parsed
        }
        var minutes = Minutes(
            id: try row.integer(0, "id"), structureID: try row.text(1, "structure_id"), date: try row.date(2, "meeting_date"),
            time: time, plannedDate: try row.optionalDate(4, "planned_date"), place: try row.text(5, "place"),
            chair: try row.text(6, "chair"), secretary: try row.text(7, "secretary"), approvers: lines(try row.text(8, "approvers")),
            previousApproved: try row.optionalBool(9, "previous_approved"), amends: try row.optionalInteger(10, "amends_id"),
            createdAt: try row.text(11, "created_at"))
        let approvedAt = try row.optionalText(12, "approved_at")
        let approvedOn = try row.optionalDate(13, "approved_on")
        let approvedBy = try row.optionalText(14, "approved_by")
        let hash = try row.optionalText(15, "content_hash")
        switch (approvedAt, approvedOn, approvedBy, hash) {
        case (nil, nil, nil, nil):
            break
        case (let recordedAt?, let date?, let by?, let hash?):
            minutes.approval = Approval(by: lines(by), date: date, recordedAt: recordedAt, contentHash: hash)
        default:
            throw StoreError.unreadable("minutes", column: "approved_at")
        }
        return minutes
    }

    /// The lines of a column holding one name a line.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
