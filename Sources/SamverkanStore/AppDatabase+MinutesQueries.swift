import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// The action items of a structure that are open before a meeting: decided at an earlier
    /// meeting and not marked done at any meeting since. Corrected minutes count through their
    /// amendment; `excluding` leaves out a record being corrected.
    public func openActions(structureID: String, before date: LocalDate, excluding: Int64? = nil) throws -> [OpenAction] {
        try writer.read { db in
            try Self.actions(db: db, structureID: structureID, before: date, excluding: excluding).filter { $0.status != .done }
        }
    }

    /// Every action item with its latest status (`samverkan actions`), oldest first.
    public func allActions(structureID: String? = nil, responsible: String? = nil) throws -> [OpenAction] {
        try writer.read { db in
            try Self.actions(db: db, structureID: structureID, before: nil, excluding: nil, responsible: responsible)
        }
    }

    static func actions(db: Database, structureID: String?, before date: LocalDate?, excluding: Int64?,
                        responsible: String? = nil) throws -> [OpenAction] {
        var filters = [current(), "m.id IS NOT ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [excluding]
        // A follow-up counts from the meeting that decided the item on (not at minutes of an
        // earlier meeting written later).
        var followFilter = "fm.id IS NOT ? AND fm.meeting_date >= m.meeting_date"
        var followArguments: [(any DatabaseValueConvertible)?] = [excluding]
        if let structureID { filters.append("a.structure_id = ?"); arguments.append(structureID) }
        if let responsible { filters.append("a.responsible_id = ?"); arguments.append(responsible) }
        if let date {
            filters.append("m.meeting_date < ?"); arguments.append(date.iso)
            followFilter += " AND fm.meeting_date < ?"; followArguments.append(date.iso)
        }
        let sql = """
            SELECT a.*, m.meeting_date AS decided_on, \(latestFollowUp("status", where: followFilter)) AS status,
                   \(latestFollowUp("comment", where: followFilter)) AS comment
            FROM action_items a JOIN minutes m ON m.id = a.minutes_id
            WHERE \(filters.joined(separator: " AND "))
            ORDER BY m.meeting_date, a.id
            """
        let all = followArguments + followArguments + arguments
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all.map { $0?.databaseValue ?? .null })).map { row in
            OpenAction(item: action(row), structureID: row["structure_id"], decidedOn: Self.date(row["decided_on"]),
                       status: (row["status"] as String?).flatMap(ActionStatus.init(rawValue:)) ?? .notStarted,
                       comment: row["comment"] ?? "")
        }
    }

    /// The latest current minutes of a structure before a date, for "approval of the previous minutes".
    public func previousMinutes(structureID: String, before date: LocalDate, excluding: Int64? = nil) throws -> PreviousMinutes? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, meeting_date FROM minutes m
                WHERE structure_id = ? AND meeting_date < ? AND m.id IS NOT ? AND \(Self.current())
                ORDER BY meeting_date DESC, id DESC LIMIT 1
                """, arguments: [structureID, date.iso, excluding]).map {
                PreviousMinutes(id: $0["id"], date: Self.date($0["meeting_date"]))
            }
        }
    }

    /// The latest status recorded for each action-plan activity of a structure before a date.
    public func activityStatus(structureID: String, before date: LocalDate) throws -> [String: ActivityStatus] {
        try writer.read { db in
            var result: [String: ActivityStatus] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT f.activity_id, f.status FROM activity_follow_ups f JOIN minutes m ON m.id = f.minutes_id
                WHERE m.structure_id = ? AND m.meeting_date < ? AND \(Self.current())
                ORDER BY m.meeting_date, m.id
                """, arguments: [structureID, date.iso]) {
                result[row["activity_id"]] = ActivityStatus(rawValue: row["status"])
            }
            return result
        }
    }

    /// The dates of a structure that have minutes or are cancelled.
    public func recordedDates(structureID: String) throws -> Set<LocalDate> {
        try writer.read { db in
            let dates = try String.fetchAll(db, sql: """
                SELECT meeting_date FROM minutes WHERE structure_id = ?
                UNION SELECT meeting_date FROM cancelled_meetings WHERE structure_id = ?
                """, arguments: [structureID, structureID])
            return Set(dates.compactMap { LocalDate(iso: $0) })
        }
    }

    /// Records a meeting as cancelled.
    /// - Throws: ``StoreError`` when it has minutes or is cancelled already.
    public func cancel(structureID: String, date: LocalDate, reason: String) throws {
        try immediateWrite { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM minutes WHERE structure_id = ? AND meeting_date = ?",
                                           arguments: [structureID, date.iso]) {
                throw StoreError("meeting.has-minutes", ["structure": structureID, "date": date.iso, "id": String(id)])
            }
            if try Row.fetchOne(db, sql: "SELECT 1 FROM cancelled_meetings WHERE structure_id = ? AND meeting_date = ?",
                                arguments: [structureID, date.iso]) != nil {
                throw StoreError("meeting.already-cancelled", ["structure": structureID, "date": date.iso])
            }
            try db.execute(sql: "INSERT INTO cancelled_meetings (structure_id, meeting_date, reason, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [structureID, date.iso, reason, Self.timestamp()])
        }
    }

    /// Recorded and cancelled meetings in a period, by date.
    public func listMinutes(structureID: String? = nil, from: LocalDate? = nil, through: LocalDate? = nil) throws -> [MinutesSummary] {
        try writer.read { db in
            var filters = ["1"]
            var arguments: [String] = []
            if let structureID { filters.append("structure_id = ?"); arguments.append(structureID) }
            if let from { filters.append("meeting_date >= ?"); arguments.append(from.iso) }
            if let through { filters.append("meeting_date <= ?"); arguments.append(through.iso) }
            let condition = filters.joined(separator: " AND ")
            var result = try Row.fetchAll(db, sql: """
                SELECT m.*, (SELECT id FROM minutes newer WHERE newer.amends_id = m.id) AS amended_by,
                       (SELECT COUNT(*) FROM decisions d WHERE d.minutes_id = m.id) AS decision_count,
                       (SELECT COUNT(*) FROM action_items a WHERE a.minutes_id = m.id) AS action_count
                FROM minutes m WHERE \(condition)
                """, arguments: StatementArguments(arguments)).map { row in
                MinutesSummary(id: row["id"], structureID: row["structure_id"], date: Self.date(row["meeting_date"]),
                               status: row["approved_at"] == nil ? .draft : .approved,
                               extra: row["planned_date"] == nil, amends: row["amends_id"], amendedBy: row["amended_by"],
                               approvedOn: (row["approved_on"] as String?).flatMap { LocalDate(iso: $0) },
                               decisions: row["decision_count"], newActions: row["action_count"])
            }
            result += try Row.fetchAll(db, sql: "SELECT * FROM cancelled_meetings WHERE \(condition)",
                                       arguments: StatementArguments(arguments)).map { row in
                MinutesSummary(id: nil, structureID: row["structure_id"], date: Self.date(row["meeting_date"]),
                               status: .cancelled, reason: row["reason"])
            }
            return result.sorted { ($0.date, $0.structureID, $0.id ?? 0) < ($1.date, $1.structureID, $1.id ?? 0) }
        }
    }

    /// Full-text search (SQLite FTS5) over every text of the minutes; each word matches as a
    /// prefix, all words must match.
    public func search(_ text: String, limit: Int = 50) throws -> [MinutesSearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map { "\"\($0)\"*" }
        guard !words.isEmpty else { return [] }
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.structure_id, m.meeting_date, snippet(minutes_search, 0, '[', ']', '…', 12) AS snippet
                FROM minutes_search JOIN minutes m ON m.id = minutes_search.rowid
                WHERE minutes_search MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [words.joined(separator: " "), limit]).map {
                MinutesSearchHit(id: $0["id"], structureID: $0["structure_id"], date: Self.date($0["meeting_date"]),
                                 snippet: ($0["snippet"] as String).split(separator: "\n").joined(separator: " / "))
            }
        }
    }

    /// The minutes that correct a record (`minutes amend`), oldest first.
    public func amendments(of id: Int64) throws -> [Minutes] {
        try writer.read { db in
            var result: [Minutes] = []
            var current = id
            while let next = try Int64.fetchOne(db, sql: "SELECT id FROM minutes WHERE amends_id = ?", arguments: [current]),
                  let minutes = try Self.fetchMinutes(id: next, db: db) {
                result.append(minutes)
                current = next
            }
            return result
        }
    }

    /// Every approved record whose content no longer matches the hash stored at approval.
    /// - Returns: the approved minutes checked and the ids that do not match.
    public func verifyApproved() throws -> (checked: [Minutes], changed: [Int64]) {
        try writer.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM minutes WHERE approved_at IS NOT NULL ORDER BY id")
            let checked = try ids.compactMap { try Self.fetchMinutes(id: $0, db: db) }
            return (checked, checked.filter { !$0.isIntact }.compactMap(\.id))
        }
    }
}
