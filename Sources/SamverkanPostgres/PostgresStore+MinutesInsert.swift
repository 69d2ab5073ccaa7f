import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Inserts minutes and their parts, as ``AppDatabase``'s save does: the `minutes` row, then
    /// each child table's rows in one multi-row `INSERT` (none for an empty part), then the
    /// search text. Ids are kept when set; `createdAt` is now when not set.
    /// - Parameter minutes: given their id and the ids of their new action items.
    static func insertMinutes(_ minutes: inout Minutes, on client: PostgresClient) async throws {
        let inserted = try await insertRows(
            "minutes",
            [
                "id", "structure_id", "meeting_date", "meeting_time", "planned_date", "place", "chair", "secretary", "approvers",
                "previous_approved", "amends_id", "created_at",
            ],
            [
                [
                    minutes.id.map(SQLValue.integer) ?? .null, .text(minutes.structureID), .text(minutes.date.iso),
                    minutes.time.map { .text($0.description) } ?? .null, minutes.plannedDate.map { .text($0.iso) } ?? .null,
                    .text(minutes.place), .text(minutes.chair), .text(minutes.secretary),
                    .text(minutes.approvers.joined(separator: "\n")), minutes.previousApproved.map(flag) ?? .null,
                    minutes.amends.map(SQLValue.integer) ?? .null, .text(minutes.createdAt ?? AuditEntry.timestamp()),
                ]
            ], defaultWhenNull: [0], returning: "id", on: client)
        guard let first = inserted.first else { throw StoreError("store.internal", ["what": "the new minutes got no id"]) }
        let id = try PostgresRowsA(first, table: "minutes").int(0, "id")
        minutes.id = id
        try await insertParts(of: &minutes, id: id, on: client)
        try await insertRows("minutes_search", ["rowid", "body"], [[.integer(id), .text(minutes.searchText)]], on: client)
    }

    /// Inserts the child rows of minutes `id` (every part but the search text).
    private static func insertParts(of minutes: inout Minutes, id: Int64, on client: PostgresClient) async throws {
        let key = SQLValue.integer(id)
        try await insertRows(
            "minutes_attendance", ["minutes_id", "position", "person_id", "organisation_id", "principal", "present", "substitute"],
            minutes.attendance.enumerated().map { position, row in
                [
                    key, .integer(Int64(position)), .text(row.personID), .text(row.organisationID), .text(row.principal.rawValue),
                    flag(row.present), row.substitute.map(SQLValue.text) ?? .null,
                ]
            }, on: client)
        try await insertRows(
            "minutes_organisation_attendance", ["minutes_id", "position", "organisation_id", "principal", "present", "attendee"],
            minutes.organisationAttendance.enumerated().map { position, row in
                [
                    key, .integer(Int64(position)), .text(row.organisationID), .text(row.principal.rawValue), flag(row.present),
                    .text(row.attendee),
                ]
            }, on: client)
        try await insertRows(
            "minutes_agenda", ["minutes_id", "position", "agenda_item_id", "covered", "notes"],
            minutes.agenda.enumerated().map { position, row in
                [key, .integer(Int64(position)), .text(row.itemID), flag(row.covered), .text(row.notes)]
            }, on: client)
        try await insertRows(
            "minutes_items", ["minutes_id", "position", "title", "notes"],
            minutes.items.enumerated().map { position, item in [key, .integer(Int64(position)), .text(item.title), .text(item.notes)] },
            on: client)
        try await insertRows(
            "decisions", ["minutes_id", "position", "structure_id", "year", "number", "inherited", "text"],
            minutes.decisions.enumerated().map { position, decision in
                [
                    key, .integer(Int64(position)), .text(minutes.structureID), .integer(Int64(minutes.date.year)),
                    decision.number.map { .integer(Int64($0)) } ?? .null, flag(decision.inherited), .text(decision.text),
                ]
            }, on: client)
        let actions = try await insertRows(
            "action_items",
            ["id", "minutes_id", "position", "structure_id", "text", "responsible_kind", "responsible_id", "due", "continues_id"],
            minutes.newActions.enumerated().map { position, item in
                [
                    item.id.map(SQLValue.integer) ?? .null, key, .integer(Int64(position)), .text(minutes.structureID),
                    .text(item.text), .text(item.responsible.kind.rawValue), .text(item.responsible.id), .text(item.due.iso),
                    item.continues.map(SQLValue.integer) ?? .null,
                ]
            }, defaultWhenNull: [0], returning: "position, id", on: client)
        for row in PostgresRowsA.all(actions, table: "action_items") {
            let position = Int(try row.int(0, "position"))
            if minutes.newActions.indices.contains(position) { minutes.newActions[position].id = try row.int(1, "id") }
        }
        try await insertRows(
            "action_follow_ups", ["minutes_id", "position", "action_id", "status", "comment"],
            minutes.actionFollowUps.enumerated().map { position, row in
                [key, .integer(Int64(position)), .integer(row.actionID), .text(row.status.rawValue), .text(row.comment)]
            }, on: client)
        try await insertRows(
            "activity_follow_ups", ["minutes_id", "position", "activity_id", "status", "comment"],
            minutes.activityFollowUps.enumerated().map { position, row in
                [key, .integer(Int64(position)), .text(row.activityID), .text(row.status.rawValue), .text(row.comment)]
            }, on: client)
    }

    /// A 0/1 flag, as both engines store booleans.
    static func flag(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }

    /// Inserts rows into a table, as many as fit in one statement at a time (PostgreSQL binds
    /// at most 65,535 values), every value bound.
    /// - Parameters:
    ///   - defaultWhenNull: the column indexes where NULL means the column's default (an id
    ///     the database assigns).
    ///   - returning: the `RETURNING` list, if rows are wanted back.
    /// - Returns: the rows `returning` asked for, in no particular order.
    @discardableResult
    static func insertRows(
        _ table: String, _ columns: [String], _ rows: [[SQLValue]], defaultWhenNull: Set<Int> = [], returning: String? = nil,
        on client: PostgresClient
    ) async throws -> [[SQLValue]] {
        guard !rows.isEmpty else { return [] }
        var result: [[SQLValue]] = []
        let batch = max(1, 65_535 / columns.count)
        for start in stride(from: 0, to: rows.count, by: batch) {
            var values: [SQLValue] = []
            var tuples: [String] = []
            for row in rows[start..<min(rows.count, start + batch)] {
                var placeholders: [String] = []
                for (index, value) in row.enumerated() {
                    if value == .null, defaultWhenNull.contains(index) {
                        placeholders.append("DEFAULT")
                    } else {
                        values.append(value)
                        placeholders.append("$\(values.count)")
                    }
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
                + (returning.map { " RETURNING \($0)" } ?? "")
            result += try await client.rows(sql, values)
        }
        return result
    }
}
