import Foundation
internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// Saves new minutes, with every child row and the search text, in one write transaction:
    /// a crash or SIGKILL leaves either the whole minutes or none of them.
    /// - Parameters:
    ///   - minutes: what the draft said.
    ///   - savedAt: when they are saved (ISO 8601, UTC); now when nil. The CLI passes a time on
    ///     its "today" (`SAMVERKAN_TODAY`), from which a correction's wait for justering counts.
    /// - Returns: the minutes as stored, with their id and the ids of new action items.
    /// - Throws: ``StoreError`` when minutes for the meeting exist already, or the amended
    ///   record is missing or already corrected.
    @discardableResult
    public func save(_ minutes: Minutes, savedAt: String? = nil) throws -> Minutes {
        try immediateWrite { db in
            var stored = minutes
            stored.id = nil
            stored.approval = nil
            stored.createdAt = savedAt ?? Self.timestamp()
            if let original = minutes.amends {
                guard let corrected = try Self.fetchMinutes(id: original, db: db) else {
                    throw StoreError("minutes.not-found", ["id": String(original)])
                }
                if let newer = try SQLRequest<Int64>("SELECT id FROM minutes WHERE amends_id = \(original)").fetchOne(db) {
                    throw StoreError("minutes.already-amended", ["id": String(original), "newer": String(newer)])
                }
                try Self.checkCorrection(minutes, of: try Self.withActionNumbers(corrected, db: db))
            } else if let existing = try SQLRequest<Int64>(
                """
                SELECT id FROM minutes WHERE structure_id = \(minutes.structureID) AND meeting_date = \(minutes.date.iso) AND amends_id IS NULL
                """
            ).fetchOne(db) {
                throw StoreError("minutes.exist", ["id": String(existing), "structure": minutes.structureID, "date": minutes.date.iso])
            }
            // A cancelled meeting has no minutes: the cancellation would silently disappear.
            let planned = minutes.plannedDate ?? minutes.date
            if minutes.amends == nil,
                try SQLRequest<Int>(
                    """
                    SELECT 1 FROM cancelled_meetings WHERE structure_id = \(minutes.structureID) AND meeting_date = \(planned.iso)
                    """
                ).fetchOne(db) != nil
            {
                throw StoreError("minutes.meeting-cancelled", ["structure": minutes.structureID, "date": planned.iso])
            }
            try Self.insert(&stored, db: db)
            try audit(
                db, minutes.amends == nil ? .minutesSaved : .minutesAmended, .minutes(stored.id ?? 0),
                detail: minutes.amends.map { "amends=\($0)" })
            return stored
        }
    }

    /// Refuses a correction that changes nothing, or that gives an action item a number the
    /// corrected minutes have no item of (or two items the same number). Pure: both engines check
    /// corrections with it.
    /// - Parameter original: the corrected minutes, their follow-ups by action number.
    /// - Throws: ``StoreError`` `minutes.correction-unchanged` or `minutes.correction-action-unknown`.
    public static func checkCorrection(_ minutes: Minutes, of original: Minutes) throws {
        let id = String(original.id ?? 0)
        if minutes.saysTheSame(as: original) { throw StoreError("minutes.correction-unchanged", ["id": id]) }
        let numbers = Set(original.newActions.compactMap(\.number))
        var seen: Set<Int64> = []
        for number in minutes.newActions.compactMap(\.continues) {
            guard numbers.contains(number), seen.insert(number).inserted else {
                throw StoreError("minutes.correction-action-unknown", ["id": id, "number": String(number)])
            }
        }
    }

    /// Inserts minutes and their children (ids kept when set, as on import; `createdAt` now
    /// when not set).
    static func insert(_ minutes: inout Minutes, db: Database) throws {
        var record = MinutesRecord(minutes, createdAt: minutes.createdAt ?? timestamp())
        try record.insert(db)
        guard let id = record.id else { throw StoreError("store.internal", ["what": "the new minutes got no id"]) }
        minutes.id = id
        for (position, row) in minutes.attendance.enumerated() {
            try AttendanceRecord(row, minutesID: id, position: position).insert(db)
        }
        for (position, row) in minutes.organisationAttendance.enumerated() {
            try OrganisationAttendanceRecord(row, minutesID: id, position: position).insert(db)
        }
        for (position, row) in minutes.agenda.enumerated() {
            try AgendaCoverageRecord(row, minutesID: id, position: position).insert(db)
        }
        for (position, item) in minutes.items.enumerated() {
            try MinutesItemRecord(item, minutesID: id, position: position).insert(db)
        }
        for (position, decision) in minutes.decisions.enumerated() {
            try DecisionRecord(decision, minutesID: id, position: position, structureID: minutes.structureID, year: minutes.date.year)
                .insert(db)
        }
        for position in minutes.newActions.indices {
            var action = ActionItemRecord(minutes.newActions[position], minutesID: id, position: position, structureID: minutes.structureID)
            try action.insert(db)
            minutes.newActions[position].id = action.id
        }
        for (position, row) in minutes.actionFollowUps.enumerated() {
            try ActionFollowUpRecord(row, minutesID: id, position: position).insert(db)
        }
        for (position, row) in minutes.activityFollowUps.enumerated() {
            try ActivityFollowUpRecord(row, minutesID: id, position: position).insert(db)
        }
        try MinutesSearchRecord(rowid: id, body: minutes.searchText).insert(db)
    }

    /// Writes the approval columns of stored minutes, after a signature for each approver
    /// that has none yet (approvals read from an archive: one signature each, on the day of
    /// approval).
    static func writeApproval(_ approval: Approval, id: Int64, db: Database) throws {
        for name in approval.by {
            try insertSignature(minutesID: id, name: name, date: approval.date, recordedAt: approval.recordedAt, db: db)
        }
        try db.execute(
            literal: """
                UPDATE minutes SET approved_at = \(approval.recordedAt), approved_on = \(approval.date.iso),
                                   approved_by = \(approval.by.joined(separator: "\n")), content_hash = \(approval.contentHash)
                WHERE id = \(id)
                """)
    }

    /// Approves (*justerar*) minutes: every name in `by` signs on `date` and the minutes are
    /// approved at once (see ``sign(id:names:date:required:)`` for signing one by one).
    /// - Parameters:
    ///   - id: the minutes.
    ///   - by: the chair and the approvers.
    ///   - date: the day of approval.
    /// - Returns: the approved minutes.
    public func approve(id: Int64, by: [String], date: LocalDate) throws -> Minutes {
        try sign(id: id, names: by, date: date, required: by).minutes
    }

    /// Completes an approval in the signing transaction: numbers the decisions `§ N` per
    /// structure and calendar year of the meeting, in order of approval, stores the content
    /// hash and links the approval into the chain. From then on the database refuses every
    /// change to the minutes.
    static func completeApproval(_ unapproved: Minutes, by: [String], date: LocalDate, db: Database) throws -> Minutes {
        var minutes = unapproved
        let id = minutes.id ?? 0
        // MAX of no rows is NULL: the first number of a year is 1.
        var next =
            try SQLRequest<Int>(
                """
                SELECT MAX(number) FROM decisions
                WHERE structure_id = \(minutes.structureID) AND year = \(minutes.date.year) AND inherited = 0
                """
            ).fetchOne(db) ?? 0
        for position in minutes.decisions.indices where minutes.decisions[position].number == nil {
            next += 1
            minutes.decisions[position].number = next
            try db.execute(literal: "UPDATE decisions SET number = \(next) WHERE minutes_id = \(id) AND position = \(position)")
        }
        let approval = Approval(
            by: by, date: date, recordedAt: Self.timestamp(),
            contentHash: minutes.approvalDigest(by: by, date: date))
        try Self.writeApproval(approval, id: id, db: db)
        try Self.appendChainLink(minutesID: id, db: db)
        minutes.approval = approval
        return minutes
    }

    /// Minutes by id, with every part, or nil.
    public func minutes(id: Int64) throws -> Minutes? {
        try read { db in try Self.fetchMinutes(id: id, db: db) }
    }

    static func timestamp() -> String { AuditEntry.timestamp() }

    /// Now as an ISO 8601 UTC timestamp to the second (`2025-03-01T09:12:00Z`): when a decision
    /// was made, when the register was derived.
    /// - Parameter day: the day to record instead of today's (the time of day stays now's): a
    ///   fixed "today" (`SAMVERKAN_TODAY`) that tests and demonstrations run on.
    public static func secondsTimestamp(on day: LocalDate? = nil) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let now = formatter.string(from: Date())
        guard let day else { return now }
        return day.iso + now.dropFirst(10)
    }
}

extension Minutes {
    /// Every text of the minutes, for full-text search (the body both engines index).
    public var searchText: String {
        var parts = [place, chair, secretary] + approvers
        parts += attendance.compactMap(\.substitute) + organisationAttendance.map(\.attendee)
        parts += agenda.map(\.notes) + items.flatMap { [$0.title, $0.notes] } + decisions.map(\.text)
        parts += newActions.map(\.text) + actionFollowUps.map(\.comment) + activityFollowUps.map(\.comment)
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
