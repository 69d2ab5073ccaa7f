internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// The action items of a structure that are open before a meeting: decided at an earlier
    /// meeting and not marked done at any meeting since. Corrected minutes count through their
    /// amendment; `excluding` leaves out a record being corrected.
    public func openActions(structureID: String, before date: LocalDate, excluding: Int64? = nil) throws -> [OpenAction] {
        try read { db in
            try Self.actions(db: db, structureID: structureID, before: date, excluding: excluding).filter { $0.status != .done }
        }
    }

    /// Every action item with its latest status (`samverkan actions`), oldest first.
    public func allActions(structureID: String? = nil, responsible: String? = nil) throws -> [OpenAction] {
        try read { db in
            try Self.actions(db: db, structureID: structureID, before: nil, excluding: nil, responsible: responsible)
        }
    }

    static func actions(
        db: Database, structureID: String?, before date: LocalDate?, excluding: Int64?,
        responsible: String? = nil
    ) throws -> [OpenAction] {
        var filters: [SQL] = [current(), "m.id IS NOT \(excluding)"]
        // A follow-up counts from the meeting that decided the item on (not at minutes of an
        // earlier meeting written later).
        var followFilter: SQL = "fm.id IS NOT \(excluding) AND fm.meeting_date >= m.meeting_date"
        if let structureID { filters.append("a.structure_id = \(structureID)") }
        if let responsible { filters.append("a.responsible_id = \(responsible)") }
        if let date {
            filters.append("m.meeting_date < \(date.iso)")
            followFilter += " AND fm.meeting_date < \(date.iso)"
        }
        let request: SQLRequest<OpenActionRow> = """
            SELECT \(actionNumber) AS id, a.text, a.structure_id, a.responsible_kind, a.responsible_id, a.due,
                   m.meeting_date AS decided_on, \(latestFollowUp("status", where: followFilter)) AS status,
                   \(latestFollowUp("comment", where: followFilter)) AS comment
            FROM action_items a JOIN minutes m ON m.id = a.minutes_id
            WHERE \(filters.joined(operator: .and))
            ORDER BY m.meeting_date, id
            """
        return try OpenActionRow.fetchAllChecked(db, request).map(\.openAction)
    }

    /// The latest current minutes of a structure before a date, for "approval of the previous minutes".
    public func previousMinutes(structureID: String, before date: LocalDate, excluding: Int64? = nil) throws -> PreviousMinutes? {
        try read { db in
            try MinutesRecord.fetchOneChecked(
                db,
                """
                SELECT * FROM minutes m
                WHERE structure_id = \(structureID) AND meeting_date < \(date.iso) AND m.id IS NOT \(excluding) AND \(Self.current())
                ORDER BY meeting_date DESC, id DESC LIMIT 1
                """
            ).flatMap { record in record.id.map { PreviousMinutes(id: $0, date: record.meetingDate) } }
        }
    }

    /// The latest status recorded for each action-plan activity of a structure before a date.
    public func activityStatus(structureID: String, before date: LocalDate) throws -> [String: ActivityStatus] {
        try read { db in
            var result: [String: ActivityStatus] = [:]
            for followUp in try ActivityFollowUpRecord.fetchAllChecked(
                db,
                """
                SELECT f.* FROM activity_follow_ups f JOIN minutes m ON m.id = f.minutes_id
                WHERE m.structure_id = \(structureID) AND m.meeting_date < \(date.iso) AND \(Self.current())
                ORDER BY m.meeting_date, m.id
                """)
            {
                result[followUp.activityID] = followUp.status
            }
            return result
        }
    }

    /// The dates of a structure that have minutes or are cancelled.
    public func recordedDates(structureID: String) throws -> Set<LocalDate> {
        try read { db in
            let dates = try SQLRequest<String>(
                """
                SELECT meeting_date FROM minutes WHERE structure_id = \(structureID)
                UNION SELECT meeting_date FROM cancelled_meetings WHERE structure_id = \(structureID)
                """
            ).fetchAll(db)
            return Set(
                try dates.map { text in
                    guard let date = LocalDate(iso: text) else { throw StoreError.unreadable("minutes", column: "meeting_date") }
                    return date
                })
        }
    }

    /// Records a meeting as cancelled (a `cancel` decision; the register shows it from its next
    /// refresh). `samverkan meeting cancel` checks the date against the register first
    /// (``decide(_:configuration:scheduler:through:now:)``); this is what imports and
    /// `minutes cancel` of earlier versions stored.
    /// - Throws: ``StoreError`` when it has minutes or is cancelled already.
    public func cancel(structureID: String, date: LocalDate, reason: String) throws {
        try immediateWrite { db in
            if let id = try SQLRequest<Int64>("SELECT id FROM minutes WHERE structure_id = \(structureID) AND meeting_date = \(date.iso)")
                .fetchOne(db)
            {
                throw StoreError("meeting.has-minutes", ["structure": structureID, "date": date.iso, "id": String(id)])
            }
            if try SQLRequest<Int>(
                """
                SELECT 1 FROM cancelled_meetings WHERE structure_id = \(structureID) AND meeting_date = \(date.iso)
                """
            ).fetchOne(db) != nil {
                throw StoreError("meeting.already-cancelled", ["structure": structureID, "date": date.iso])
            }
            try Self.record(
                db,
                MeetingDecision(
                    structureID: structureID, date: date, action: .cancel, reason: reason,
                    decidedAt: Self.timestamp()))
            try audit(db, .minutesCancelled, .meeting(structureID: structureID, date: date.iso))
        }
    }

    /// Recorded and cancelled meetings in a period, by date.
    public func listMinutes(structureID: String? = nil, from: LocalDate? = nil, through: LocalDate? = nil) throws -> [MinutesSummary] {
        try read { db in
            var filters: [SQL] = []
            if let structureID { filters.append("structure_id = \(structureID)") }
            if let from { filters.append("meeting_date >= \(from.iso)") }
            if let through { filters.append("meeting_date <= \(through.iso)") }
            let condition: SQL = filters.isEmpty ? "1" : SQL(filters.joined(operator: .and))
            var result = try MinutesListRow.fetchAllChecked(
                db,
                """
                SELECT m.*, (SELECT id FROM minutes newer WHERE newer.amends_id = m.id) AS amended_by,
                       (SELECT COUNT(*) FROM decisions d WHERE d.minutes_id = m.id) AS decision_count,
                       (SELECT COUNT(*) FROM action_items a WHERE a.minutes_id = m.id) AS action_count,
                       (SELECT group_concat(name, char(10)) FROM
                           (SELECT name FROM minutes_signatures s WHERE s.minutes_id = m.id ORDER BY position)) AS signed_by,
                       \(Self.current()) AS counts
                FROM minutes m WHERE \(condition)
                """
            ).map(\.summary)
            result += try CancelledMeetingRecord.fetchAllChecked(db, "SELECT * FROM cancelled_meetings WHERE \(condition)").map {
                MinutesSummary(id: nil, structureID: $0.structureID, date: $0.meetingDate, status: .cancelled, reason: $0.reason)
            }
            return result.sorted { ($0.date, $0.structureID, $0.id ?? 0) < ($1.date, $1.structureID, $1.id ?? 0) }
        }
    }

    /// Full-text search (SQLite FTS5) over every text of the minutes; each word matches as a
    /// prefix, all words must match. Each meeting is found once, as its current version (see
    /// ``onePerMeeting(_:db:)``).
    public func search(_ text: String, limit: Int = 50) throws -> [MinutesSearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map { "\"\($0)\"*" }
        guard !words.isEmpty else { return [] }
        return try read { db in
            let hits = try SearchHitRow.fetchAllChecked(
                db,
                """
                SELECT m.id, m.structure_id, m.meeting_date, snippet(minutes_search, 0, '[', ']', '…', 12) AS snippet
                FROM minutes_search JOIN minutes m ON m.id = minutes_search.rowid
                WHERE minutes_search MATCH \(words.joined(separator: " ")) ORDER BY rank LIMIT \(limit)
                """
            ).map(\.hit)
            return try Self.onePerMeeting(hits, db: db)
        }
    }

    /// The minutes that correct a record (`minutes amend`), oldest first.
    ///
    /// The walk stops at a record already seen: a database with an amendment cycle (written
    /// by an earlier version, or by hand) never makes it loop.
    public func amendments(of id: Int64) throws -> [Minutes] {
        try read { db in
            var result: [Minutes] = []
            var seen: Set<Int64> = [id]
            var current = id
            while let next = try SQLRequest<Int64>("SELECT id FROM minutes WHERE amends_id = \(current) ORDER BY id LIMIT 1").fetchOne(db),
                seen.insert(next).inserted,
                let minutes = try Self.fetchMinutes(id: next, db: db)
            {
                result.append(minutes)
                current = next
            }
            return result
        }
    }

    /// Every approved record whose content no longer matches the hash stored at approval.
    /// - Returns: the approved minutes checked and the ids that do not match.
    public func verifyApproved() throws -> (checked: [Minutes], changed: [Int64]) {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM minutes WHERE approved_at IS NOT NULL ORDER BY id")
            let checked = try ids.compactMap { try Self.fetchMinutes(id: $0, db: db) }
            return (checked, checked.filter { !$0.isIntact }.compactMap(\.id))
        }
    }
}
