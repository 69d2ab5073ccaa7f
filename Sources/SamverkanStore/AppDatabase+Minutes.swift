import Foundation
import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// Saves new minutes, with every child row and the search text, in one write transaction:
    /// a crash or SIGKILL leaves either the whole minutes or none of them.
    /// - Returns: the minutes as stored, with their id and the ids of new action items.
    /// - Throws: ``StoreError`` when minutes for the meeting exist already, or the amended
    ///   record is missing or already corrected.
    @discardableResult
    public func save(_ minutes: Minutes) throws -> Minutes {
        try immediateWrite { db in
            var stored = minutes
            stored.id = nil
            stored.approval = nil
            stored.createdAt = Self.timestamp()
            if let original = minutes.amends {
                guard try Row.fetchOne(db, sql: "SELECT 1 FROM minutes WHERE id = ?", arguments: [original]) != nil else {
                    throw StoreError("minutes.not-found", ["id": String(original)])
                }
                if let newer = try Int64.fetchOne(db, sql: "SELECT id FROM minutes WHERE amends_id = ?", arguments: [original]) {
                    throw StoreError("minutes.already-amended", ["id": String(original), "newer": String(newer)])
                }
            } else if let existing = try Int64.fetchOne(db, sql: """
                SELECT id FROM minutes WHERE structure_id = ? AND meeting_date = ? AND amends_id IS NULL
                """, arguments: [minutes.structureID, minutes.date.iso]) {
                throw StoreError("minutes.exist", ["id": String(existing), "structure": minutes.structureID, "date": minutes.date.iso])
            }
            try Self.insert(&stored, db: db)
            return stored
        }
    }

    /// Inserts minutes and their children (ids kept when set, as on import).
    static func insert(_ minutes: inout Minutes, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO minutes (id, structure_id, meeting_date, meeting_time, planned_date, place, chair, secretary,
                                 approvers, previous_approved, amends_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [minutes.id, minutes.structureID, minutes.date.iso, minutes.time?.description,
                             minutes.plannedDate?.iso, minutes.place, minutes.chair, minutes.secretary,
                             minutes.approvers.joined(separator: "\n"), minutes.previousApproved,
                             minutes.amends, minutes.createdAt ?? timestamp()])
        let id = db.lastInsertedRowID
        minutes.id = id
        for (position, row) in minutes.attendance.enumerated() {
            try db.execute(sql: """
                INSERT INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present, substitute)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, row.personID, row.organisationID, row.principal.rawValue, row.present, row.substitute])
        }
        for (position, row) in minutes.agenda.enumerated() {
            try db.execute(sql: "INSERT INTO minutes_agenda (minutes_id, position, agenda_item_id, covered, notes) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, position, row.itemID, row.covered, row.notes])
        }
        for (position, item) in minutes.items.enumerated() {
            try db.execute(sql: "INSERT INTO minutes_items (minutes_id, position, title, notes) VALUES (?, ?, ?, ?)",
                           arguments: [id, position, item.title, item.notes])
        }
        for (position, decision) in minutes.decisions.enumerated() {
            try db.execute(sql: """
                INSERT INTO decisions (minutes_id, position, structure_id, year, number, inherited, text) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, minutes.structureID, minutes.date.year, decision.number, decision.inherited, decision.text])
        }
        for position in minutes.newActions.indices {
            let action = minutes.newActions[position]
            try db.execute(sql: """
                INSERT INTO action_items (id, minutes_id, position, structure_id, text, responsible_kind, responsible_id, due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [action.id, id, position, minutes.structureID, action.text, action.responsible.kind.rawValue,
                                 action.responsible.id, action.due.iso])
            minutes.newActions[position].id = db.lastInsertedRowID
        }
        for (position, row) in minutes.actionFollowUps.enumerated() {
            try db.execute(sql: "INSERT INTO action_follow_ups (minutes_id, position, action_id, status, comment) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, position, row.actionID, row.status.rawValue, row.comment])
        }
        for (position, row) in minutes.activityFollowUps.enumerated() {
            try db.execute(sql: "INSERT INTO activity_follow_ups (minutes_id, position, activity_id, status, comment) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, position, row.activityID, row.status.rawValue, row.comment])
        }
        try db.execute(sql: "INSERT INTO minutes_search (rowid, body) VALUES (?, ?)", arguments: [id, minutes.searchText])
    }

    /// Approves (*justerar*) minutes: numbers their decisions `§ N` per structure and calendar
    /// year of the meeting, in order of approval, and stores the content hash. From then on the
    /// database refuses every change to them.
    /// - Parameters:
    ///   - id: the minutes.
    ///   - by: the chair and the approvers.
    ///   - date: the day of approval.
    /// - Returns: the approved minutes.
    public func approve(id: Int64, by: [String], date: LocalDate) throws -> Minutes {
        try immediateWrite { db in
            guard var minutes = try Self.fetchMinutes(id: id, db: db) else {
                throw StoreError("minutes.not-found", ["id": String(id)])
            }
            if let approval = minutes.approval {
                throw StoreError("minutes.already-approved", ["id": String(id), "date": approval.date.iso])
            }
            guard date >= minutes.date else {
                throw StoreError("minutes.approved-before-meeting", ["id": String(id), "date": date.iso, "meeting": minutes.date.iso])
            }
            var next = try Int.fetchOne(db, sql: """
                SELECT COALESCE(MAX(number), 0) FROM decisions WHERE structure_id = ? AND year = ? AND inherited = 0
                """, arguments: [minutes.structureID, minutes.date.year]) ?? 0
            for position in minutes.decisions.indices where minutes.decisions[position].number == nil {
                next += 1
                minutes.decisions[position].number = next
                try db.execute(sql: "UPDATE decisions SET number = ? WHERE minutes_id = ? AND position = ?",
                               arguments: [next, id, position])
            }
            let approval = Approval(by: by, date: date, recordedAt: Self.timestamp(),
                                    contentHash: minutes.approvalDigest(by: by, date: date))
            try db.execute(sql: """
                UPDATE minutes SET approved_at = ?, approved_on = ?, approved_by = ?, content_hash = ? WHERE id = ?
                """, arguments: [approval.recordedAt, date.iso, by.joined(separator: "\n"), approval.contentHash, id])
            minutes.approval = approval
            return minutes
        }
    }

    /// Minutes by id, with every part, or nil.
    public func minutes(id: Int64) throws -> Minutes? {
        try writer.read { db in try Self.fetchMinutes(id: id, db: db) }
    }

    /// A write in a `BEGIN IMMEDIATE` transaction: another process writing at the same time
    /// waits for the lock (busy timeout) instead of failing halfway.
    func immediateWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

extension Minutes {
    /// Every text of the minutes, for full-text search.
    var searchText: String {
        var parts = [place, chair, secretary] + approvers
        parts += attendance.compactMap(\.substitute)
        parts += agenda.map(\.notes) + items.flatMap { [$0.title, $0.notes] } + decisions.map(\.text)
        parts += newActions.map(\.text) + actionFollowUps.map(\.comment) + activityFollowUps.map(\.comment)
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
