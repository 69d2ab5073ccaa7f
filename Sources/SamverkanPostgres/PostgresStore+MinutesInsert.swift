import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Inserts minutes and their parts, as ``AppDatabase``'s save does, in two statements: the
    /// `minutes` row, then every child table's rows (one multi-row `INSERT` each), the search
    /// text and the rows `with` adds (an audit row) together. Ids are kept when set; `createdAt`
    /// is now when not set.
    /// - Parameters:
    ///   - minutes: given their id and the ids of their new action items.
    ///   - with: more rows to insert with the parts, given the new minutes' id.
    static func insertMinutes(
        _ minutes: inout Minutes, with more: (Int64) -> [RowsInsert] = { _ in [] }, on client: PostgresClient
    ) async throws {
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
        let id = try PostgresRow(first, table: "minutes").integer(0, "id")
        minutes.id = id
        let search = RowsInsert(table: "minutes_search", columns: ["rowid", "body"], rows: [[.integer(id), .text(minutes.searchText)]])
        let actions = try await RowsInsert.run(parts(of: minutes, id: id) + [search] + more(id), on: client)
        for row in PostgresRow.all(actions, table: "action_items") {
            let position = Int(try row.integer(0, "position"))
            if minutes.newActions.indices.contains(position) { minutes.newActions[position].id = try row.integer(1, "id") }
        }
    }

    /// The child rows of minutes `id` (every part but the search text); only the action items
    /// return rows: their position and id.
    private static func parts(of minutes: Minutes, id: Int64) -> [RowsInsert] {
        let key = SQLValue.integer(id)
        return [
            RowsInsert(
                table: "minutes_attendance",
                columns: ["minutes_id", "position", "person_id", "organisation_id", "principal", "present", "substitute"],
                rows: minutes.attendance.enumerated().map { position, row in
                    [
                        key, .integer(Int64(position)), .text(row.personID), .text(row.organisationID), .text(row.principal.rawValue),
                        flag(row.present), row.substitute.map(SQLValue.text) ?? .null,
                    ]
                }),
            RowsInsert(
                table: "minutes_organisation_attendance",
                columns: ["minutes_id", "position", "organisation_id", "principal", "present", "attendee"],
                rows: minutes.organisationAttendance.enumerated().map { position, row in
                    [
                        key, .integer(Int64(position)), .text(row.organisationID), .text(row.principal.rawValue), flag(row.present),
                        .text(row.attendee),
                    ]
                }),
            RowsInsert(
                table: "minutes_agenda", columns: ["minutes_id", "position", "agenda_item_id", "covered", "notes"],
                rows: minutes.agenda.enumerated().map { position, row in
                    [key, .integer(Int64(position)), .text(row.itemID), flag(row.covered), .text(row.notes)]
                }),
            RowsInsert(
                table: "minutes_items", columns: ["minutes_id", "position", "title", "notes"],
                rows: minutes.items.enumerated().map { position, item in
                    [key, .integer(Int64(position)), .text(item.title), .text(item.notes)]
                },
            ),
            RowsInsert(
                table: "decisions", columns: ["minutes_id", "position", "structure_id", "year", "number", "inherited", "text"],
                rows: minutes.decisions.enumerated().map { position, decision in
                    [
                        key, .integer(Int64(position)), .text(minutes.structureID), .integer(Int64(minutes.date.year)),
                        decision.number.map { .integer(Int64($0)) } ?? .null, flag(decision.inherited), .text(decision.text),
                    ]
                }),
            RowsInsert(
                table: "action_items",
                columns: [
                    "id", "minutes_id", "position", "structure_id", "text", "responsible_kind", "responsible_id", "due", "continues_id",
                ],
                rows: minutes.newActions.enumerated().map { position, item in
                    [
                        item.id.map(SQLValue.integer) ?? .null, key, .integer(Int64(position)), .text(minutes.structureID),
                        .text(item.text), .text(item.responsible.kind.rawValue), .text(item.responsible.id), .text(item.due.iso),
                        item.continues.map(SQLValue.integer) ?? .null,
                    ]
                }, defaultWhenNull: [0], returning: "position, id"),
            RowsInsert(
                table: "action_follow_ups", columns: ["minutes_id", "position", "action_id", "status", "comment"],
                rows: minutes.actionFollowUps.enumerated().map { position, row in
                    [key, .integer(Int64(position)), .integer(row.actionID), .text(row.status.rawValue), .text(row.comment)]
                }),
            RowsInsert(
                table: "activity_follow_ups", columns: ["minutes_id", "position", "activity_id", "status", "comment"],
                rows: minutes.activityFollowUps.enumerated().map { position, row in
                    [key, .integer(Int64(position)), .text(row.activityID), .text(row.status.rawValue), .text(row.comment)]
                }),
        ]
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
        try await RowsInsert.run(
            [RowsInsert(table: table, columns: columns, rows: rows, defaultWhenNull: defaultWhenNull, returning: returning)], on: client)
    }
}
