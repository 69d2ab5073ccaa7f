internal import GRDB
import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// Every action item not done, oldest first, as ``allActions(structureID:responsible:)``
    /// gives them without the done ones (by meeting day, then number; status and comment of the
    /// latest follow-up at a current meeting from the day the item was decided on).
    ///
    /// Set-based (national scale: ~40,000 open of ~180,000 items, as many follow-ups): each
    /// table is read once and the rows are matched here, instead of SQLite looking up every
    /// item's follow-ups (and their minutes and chain rows) one item at a time, which cost most
    /// of `notify`'s second. The latest follow-up of a number is its latest at any current
    /// meeting: when that one lies before the day the item was decided on, so do all the others,
    /// and the item has none that counts — the same answer as asking only from that day on.
    static func openActionItems(_ db: Database) throws -> [OpenAction] {
        // Corrections are few: the records that do not count, and the numbers (`#N`) the items
        // of corrections keep (from a partial index).
        let corrected = Set(try Int64.fetchAll(db, sql: "SELECT minutes_id FROM minutes_chain WHERE superseded = 1"))
        var numbers: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, continues_id FROM action_items WHERE continues_id IS NOT NULL") {
            numbers[row[0]] = row[1]
        }
        let latest = try latestFollowUps(db, corrected: corrected, numbers: numbers)
        var open: [(decided: Int, number: Int64, action: OpenAction, followUp: Int64?)] = []
        let table = "action_items"
        let items = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.id, a.continues_id, a.minutes_id, m.meeting_date, a.text, a.structure_id, a.responsible_kind,
                       a.responsible_id, a.due
                FROM action_items a JOIN minutes m ON m.id = a.minutes_id
                """)
        while let row = try items.next() {
            guard !corrected.contains(try row.checked(2, table, "minutes_id", as: Int64.self)) else { continue }
            let number = try row.checked(1, table, "continues_id", as: Int64?.self) ?? row.checked(0, table, "id", as: Int64.self)
            let decided = try row.checkedDate(3, "minutes", "meeting_date")
            var status = ActionStatus.notStarted
            var followUp: Int64?
            if let last = latest[number], last.day >= decided.dayNumber {
                guard last.status != .done else { continue }
                status = last.status
                followUp = last.row
            }
            let kind = try row.checked(6, table, "responsible_kind", as: String.self)
            guard let responsibleKind = Responsible.Kind(rawValue: kind) else {
                throw StoreError.unreadable(table, column: "responsible_kind")
            }
            let item = ActionItem(
                id: number, text: try row.checked(4, table, "text"),
                responsible: Responsible(kind: responsibleKind, id: try row.checked(7, table, "responsible_id")),
                due: try row.checkedDate(8, table, "due"))
            open.append(
                (
                    decided.dayNumber, number,
                    OpenAction(item: item, structureID: try row.checked(5, table, "structure_id"), decidedOn: decided, status: status),
                    followUp
                ))
        }
        open.sort { ($0.decided, $0.number) < ($1.decided, $1.number) }
        var result = open.map(\.action)
        // The comments of the latest follow-ups of the open items (only those that say something).
        var wanted: [Int64: Int] = [:]
        for (index, entry) in open.enumerated() { if let row = entry.followUp { wanted[row] = index } }
        guard !wanted.isEmpty else { return result }
        let comments = try Row.fetchCursor(db, sql: "SELECT rowid, comment FROM action_follow_ups WHERE comment <> ''")
        while let row = try comments.next() {
            guard let index = wanted[try row.checked(0, "action_follow_ups", "rowid", as: Int64.self)] else { continue }
            result[index].comment = try row.checked(1, "action_follow_ups", "comment")
        }
        return result
    }

    /// The latest follow-up at a current meeting of every action number (by meeting day, then
    /// minutes id; a `done` one first among follow-ups of the same number at the same minutes):
    /// its day, status and row.
    private static func latestFollowUps(
        _ db: Database, corrected: Set<Int64>, numbers: [Int64: Int64]
    ) throws -> [Int64: (day: Int, minutes: Int64, status: ActionStatus, row: Int64)] {
        var latest: [Int64: (day: Int, minutes: Int64, status: ActionStatus, row: Int64)] = [:]
        let table = "action_follow_ups"
        let followUps = try Row.fetchCursor(
            db,
            sql: """
                SELECT f.action_id, f.minutes_id, fm.meeting_date, f.status, f.rowid
                FROM action_follow_ups f JOIN minutes fm ON fm.id = f.minutes_id
                """)
        while let row = try followUps.next() {
            let minutes = try row.checked(1, table, "minutes_id", as: Int64.self)
            guard !corrected.contains(minutes) else { continue }
            let recorded = try row.checked(0, table, "action_id", as: Int64.self)
            let number = numbers[recorded] ?? recorded
            let day = try row.checkedDate(2, "minutes", "meeting_date").dayNumber
            guard let status = ActionStatus(rawValue: try row.checked(3, table, "status")) else {
                throw StoreError.unreadable(table, column: "status")
            }
            if let known = latest[number] {
                if (known.day, known.minutes) > (day, minutes) { continue }
                if (known.day, known.minutes) == (day, minutes), known.status == .done || status != .done { continue }
            }
            latest[number] = (day, minutes, status, try row.checked(4, table, "rowid", as: Int64.self))
        }
        return latest
    }
}
