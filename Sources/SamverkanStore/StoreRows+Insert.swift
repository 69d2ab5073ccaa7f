public import GRDB
public import SamverkanDomain
import SamverkanTime

extension StoreRows {
    /// The rows of one table to insert, each by column name.
    public typealias TableRows = (table: String, rows: [[String: DatabaseValue]])

    /// The rows new minutes are stored as, table by table in the order they are inserted
    /// (`minutes`, its children, `minutes_search`), as `AppDatabase.insert` writes them: ids kept
    /// when set (an archive's), left to the database when not (no `id` column then).
    /// - Parameter createdAt: when the minutes are stored, unless they say so themselves.
    public static func insertRows(of minutes: Minutes, createdAt: String) throws -> [TableRows] {
        let id = minutes.id ?? 0
        func rows(_ records: [some EncodableRecord]) throws -> [[String: DatabaseValue]] {
            try records.map { record in
                var row = try record.databaseDictionary
                if row["id"]?.isNull == true { row["id"] = nil }
                return row
            }
        }
        var tables: [TableRows] = [
            (MinutesRecord.databaseTableName, try rows([MinutesRecord(minutes, createdAt: minutes.createdAt ?? createdAt)]))
        ]
        func add<Record: EncodableRecord & TableRecord>(_ records: [Record]) throws {
            guard !records.isEmpty else { return }
            tables.append((Record.databaseTableName, try rows(records)))
        }
        try add(minutes.attendance.enumerated().map { AttendanceRecord($1, minutesID: id, position: $0) })
        try add(minutes.organisationAttendance.enumerated().map { OrganisationAttendanceRecord($1, minutesID: id, position: $0) })
        try add(minutes.agenda.enumerated().map { AgendaCoverageRecord($1, minutesID: id, position: $0) })
        try add(minutes.items.enumerated().map { MinutesItemRecord($1, minutesID: id, position: $0) })
        try add(
            minutes.decisions.enumerated().map {
                DecisionRecord($1, minutesID: id, position: $0, structureID: minutes.structureID, year: minutes.date.year)
            })
        try add(minutes.newActions.enumerated().map { ActionItemRecord($1, minutesID: id, position: $0, structureID: minutes.structureID) })
        try add(minutes.actionFollowUps.enumerated().map { ActionFollowUpRecord($1, minutesID: id, position: $0) })
        try add(minutes.activityFollowUps.enumerated().map { ActivityFollowUpRecord($1, minutesID: id, position: $0) })
        try add([MinutesSearchRecord(rowid: id, body: minutes.searchText)])
        return tables
    }

    /// The row a coordinator's decision about a meeting is stored as (`meeting_decisions`, its
    /// id left to the database).
    public static func decisionRow(_ decision: MeetingDecision) throws -> TableRows {
        var row = try MeetingDecisionRecord(decision).databaseDictionary
        row["id"] = nil
        return (MeetingDecisionRecord.databaseTableName, [row])
    }

    /// Meeting decisions from rows of `meeting_decisions`.
    /// - Throws: ``StoreError`` naming the column of a row that cannot be read.
    public static func decisions(_ rows: [Row]) throws -> [MeetingDecision] {
        try rows.map { try decode(MeetingDecisionRecord.self, $0).decision() }
    }
}
