public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// The action items of a structure open before a meeting, as
    /// ``AppDatabase/openActions(structureID:before:excluding:)`` gives them.
    public func openActions(structureID: String, before date: LocalDate, excluding: Int64?) async throws -> [OpenAction] {
        try await actions(structureID: structureID, before: date, excluding: excluding, responsible: nil).filter { $0.status != .done }
    }

    /// Every action item with its latest status, oldest first, as
    /// ``AppDatabase/allActions(structureID:responsible:)`` gives them.
    public func allActions(structureID: String?, responsible: String?) async throws -> [OpenAction] {
        try await actions(structureID: structureID, before: nil, excluding: nil, responsible: responsible)
    }

    /// The action items of current minutes (of a structure, a responsible, before a day, but
    /// those of minutes `excluding`) by meeting day and number, each with the status and comment
    /// of its latest follow-up at a current meeting from the day it was decided on.
    ///
    /// Set-based: the latest follow-up of every number is found once (a follow-up counts for the
    /// number of the item it was recorded against: of a structure, its item is read to know the
    /// structure; otherwise only corrections' items are), then joined to the items. The latest of a
    /// number lying before the day an item was decided means all do, and the item has none.
    func actions(structureID: String?, before date: LocalDate?, excluding: Int64?, responsible: String?) async throws -> [OpenAction] {
        var values: [SQLValue] = []
        func bind(_ value: SQLValue) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        var items = [RegisterSQL.current("m")]
        var followUps = [RegisterSQL.current("fm")]
        if let excluding {
            let id = bind(.integer(excluding))
            items.append("m.id <> \(id)")
            followUps.append("fm.id <> \(id)")
        }
        if let structureID {
            let id = bind(.text(structureID))
            items.append("a.structure_id = \(id)")
            followUps.append("c.structure_id = \(id)")
        }
        if let responsible { items.append("a.responsible_id = \(bind(.text(responsible)))") }
        if let date {
            let day = bind(.text(date.iso))
            items.append("m.meeting_date < \(day)")
            followUps.append("fm.meeting_date < \(day)")
        }
        let rows = try await client.checkedRows(
            """
            WITH latest AS (
                SELECT DISTINCT ON (COALESCE(c.continues_id, f.action_id)) COALESCE(c.continues_id, f.action_id) AS number,
                       fm.meeting_date AS day, f.status, f.comment
                FROM action_follow_ups f JOIN minutes fm ON fm.id = f.minutes_id
                \(structureID == nil ? RegisterSQL.continuedItems("f") : "JOIN action_items c ON c.id = f.action_id")
                WHERE \(followUps.joined(separator: " AND "))
                ORDER BY COALESCE(c.continues_id, f.action_id), fm.meeting_date DESC, fm.id DESC, f.status = 'done' DESC)
            SELECT COALESCE(a.continues_id, a.id) AS number, a.text, a.structure_id, a.responsible_kind, a.responsible_id, a.due,
                   m.meeting_date, CASE WHEN l.day >= m.meeting_date THEN l.status END,
                   CASE WHEN l.day >= m.meeting_date THEN l.comment END
            FROM action_items a JOIN minutes m ON m.id = a.minutes_id
            LEFT JOIN latest l ON l.number = COALESCE(a.continues_id, a.id)
            WHERE \(items.joined(separator: " AND "))
            ORDER BY m.meeting_date, number
            """, values, table: "action_items")
        return try rows.map { row in
            guard let kind = Responsible.Kind(rawValue: try row.text(3, "responsible_kind")) else {
                throw StoreError.unreadable("action_items", column: "responsible_kind")
            }
            let item = ActionItem(
                id: try row.integer(0, "id"), text: try row.text(1, "text"),
                responsible: Responsible(kind: kind, id: try row.text(4, "responsible_id")), due: try row.date(5, "due"))
            var action = OpenAction(
                item: item, structureID: try row.text(2, "structure_id"), decidedOn: try row.date(6, "meeting_date", table: "minutes"),
                status: .notStarted)
            if let status = try row.optionalText(7, "status", table: "action_follow_ups") {
                guard let known = ActionStatus(rawValue: status) else { throw StoreError.unreadable("action_follow_ups", column: "status") }
                action.status = known
                action.comment = try row.text(8, "comment", table: "action_follow_ups")
            }
            return action
        }
    }

    /// The latest status recorded for each action-plan activity of a structure before a day.
    public func activityStatus(structureID: String, before date: LocalDate) async throws -> [String: ActivityStatus] {
        let rows = try await client.checkedRows(
            """
            SELECT f.activity_id, f.status FROM activity_follow_ups f JOIN minutes m ON m.id = f.minutes_id
            WHERE m.structure_id = $1 AND m.meeting_date < $2 AND \(RegisterSQL.current())
            ORDER BY m.meeting_date, m.id
            """, [.text(structureID), .text(date.iso)], table: "activity_follow_ups")
        var result: [String: ActivityStatus] = [:]
        for row in rows {
            guard let status = ActivityStatus(rawValue: try row.text(1, "status")) else {
                throw StoreError.unreadable("activity_follow_ups", column: "status")
            }
            result[try row.text(0, "activity_id")] = status
        }
        return result
    }

    /// The latest follow-up of every action-plan activity at a meeting on or before a day, by
    /// structure and activity.
    public func activityFollowUps(through: LocalDate) async throws -> [ActivityRecord] {
        let rows = try await client.checkedRows(
            """
            SELECT DISTINCT ON (m.structure_id, f.activity_id) m.structure_id, f.activity_id, m.meeting_date, f.status, f.comment
            FROM activity_follow_ups f JOIN minutes m ON m.id = f.minutes_id
            WHERE m.meeting_date <= $1 AND \(RegisterSQL.current())
            ORDER BY m.structure_id, f.activity_id, m.meeting_date DESC, m.id DESC
            """, [.text(through.iso)], table: "activity_follow_ups")
        return try rows.map { row in
            guard let status = ActivityStatus(rawValue: try row.text(3, "status")) else {
                throw StoreError.unreadable("activity_follow_ups", column: "status")
            }
            return ActivityRecord(
                structureID: try row.text(0, "structure_id", table: "minutes"), activityID: try row.text(1, "activity_id"),
                date: try row.date(2, "meeting_date", table: "minutes"), status: status, comment: try row.text(4, "comment"))
        }.sorted { ($0.structureID, $0.activityID) < ($1.structureID, $1.activityID) }
    }

    /// The action items of a structure that corrections withdrew, as
    /// ``AppDatabase/withdrawnActions(structureID:)`` gives them (``WithdrawnActionRules``).
    public func withdrawnActions(structureID: String) async throws -> [WithdrawnAction] {
        let members = try await client.checkedRows(
            """
            SELECT c.minutes_id, c.root_id, c.superseded, m.amends_id, m.meeting_date
            FROM minutes_chain c JOIN minutes m ON m.id = c.minutes_id
            WHERE m.structure_id = $1 ORDER BY c.minutes_id
            """, [.text(structureID)], table: "minutes_chain"
        ).map { row in
            WithdrawnActionRules.ChainMember(
                id: try row.integer(0, "minutes_id"), root: try row.integer(1, "root_id"), counts: try row.integer(2, "superseded") == 0,
                amends: try row.optionalInteger(3, "amends_id", table: "minutes"), date: try row.date(4, "meeting_date", table: "minutes"))
        }
        guard !members.isEmpty else { return [] }
        var items: [Int64: [ActionItem]] = [:]
        for row in try await client.checkedRows(
            """
            SELECT a.minutes_id, a.id, a.text, a.responsible_kind, a.responsible_id, a.due, a.continues_id
            FROM action_items a JOIN minutes_chain c ON c.minutes_id = a.minutes_id
            WHERE a.structure_id = $1 ORDER BY a.minutes_id, a.position
            """, [.text(structureID)], table: "action_items")
        {
            guard let kind = Responsible.Kind(rawValue: try row.text(3, "responsible_kind")) else {
                throw StoreError.unreadable("action_items", column: "responsible_kind")
            }
            items[try row.integer(0, "minutes_id"), default: []].append(
                ActionItem(
                    id: try row.integer(1, "id"), text: try row.text(2, "text"),
                    responsible: Responsible(kind: kind, id: try row.text(4, "responsible_id")), due: try row.date(5, "due"),
                    continues: try row.optionalInteger(6, "continues_id")))
        }
        return WithdrawnActionRules.withdrawn(structureID: structureID, members: members, items: items)
    }
}
