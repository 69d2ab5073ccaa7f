import Foundation
public import GRDB
public import SamverkanDomain
import SamverkanTime

/// Minutes and archives built from the rows of the store's tables, whichever engine read them:
/// PostgreSQL's tables have SQLite's columns, so its rows decode with the same records (and
/// the same checks) as ``AppDatabase``'s, and `minutes export` gives the same bytes on both.
public enum StoreRows {
    /// The child tables of minutes, each read `ORDER BY minutes_id, position`.
    public static let minutesChildTables = [
        AttendanceRecord.databaseTableName, OrganisationAttendanceRecord.databaseTableName,
        AgendaCoverageRecord.databaseTableName, MinutesItemRecord.databaseTableName, DecisionRecord.databaseTableName,
        ActionItemRecord.databaseTableName, ActionFollowUpRecord.databaseTableName, ActivityFollowUpRecord.databaseTableName,
    ]

    /// Minutes with every part, from the rows of `minutes` (in the order wanted) and of each
    /// child table of ``minutesChildTables`` (keyed by table name, in `minutes_id, position`
    /// order; a table missing is one without rows).
    /// - Throws: ``StoreError`` naming the table and column of a row that cannot be read.
    public static func minutes(_ rows: [Row], children: [String: [Row]]) throws -> [Minutes] {
        var byID: [Int64: Minutes] = [:]
        var order: [Int64] = []
        for row in rows {
            let minutes = try decode(MinutesRecord.self, row).minutes()
            guard let id = minutes.id else { throw StoreError.unreadable(MinutesRecord.databaseTableName, column: "id") }
            byID[id] = minutes
            order.append(id)
        }
        func each<Record: StoreRow & TableRecord>(_ type: Record.Type, _ add: (inout Minutes, Record) -> Void) throws {
            for row in children[Record.databaseTableName] ?? [] {
                let record = try decode(Record.self, row)
                guard let id = row["minutes_id"] as Int64? else {
                    throw StoreError.unreadable(Record.databaseTableName, column: "minutes_id")
                }
                guard byID[id] != nil else { continue }
                add(&byID[id]!, record)
            }
        }
        try each(AttendanceRecord.self) { $0.attendance.append($1.attendance) }
        try each(OrganisationAttendanceRecord.self) { $0.organisationAttendance.append($1.attendance) }
        try each(AgendaCoverageRecord.self) { $0.agenda.append($1.coverage) }
        try each(MinutesItemRecord.self) { $0.items.append($1.item) }
        try each(DecisionRecord.self) { $0.decisions.append($1.decision) }
        try each(ActionItemRecord.self) { $0.newActions.append($1.item) }
        try each(ActionFollowUpRecord.self) { $0.actionFollowUps.append($1.followUp) }
        try each(ActivityFollowUpRecord.self) { $0.activityFollowUps.append($1.followUp) }
        return order.compactMap { byID[$0] }
    }

    /// The archive `AppDatabase.exportArchive` makes, from rows: minutes (by id) with their
    /// children as ``minutes(_:children:)`` takes them; `cancelled_meetings` by meeting date and
    /// structure (binary order of the text); `minutes_signatures` (`minutes_id`, `name`,
    /// `signed_on`, `recorded_at`) by minutes and position; `meeting_decisions` by id.
    public static func archive(
        minutes rows: [Row], children: [String: [Row]], cancelled: [Row], signatures: [Row], decisions: [Row]
    ) throws -> MinutesArchive {
        let minutes = try minutes(rows, children: children)
        let cancelled = try cancelled.map { try decode(CancelledMeetingRecord.self, $0).meeting }
        let signatures = try signatures.map { row in
            guard let id = row["minutes_id"] as Int64?, let name = row["name"] as String?,
                let date = (row["signed_on"] as String?).flatMap(LocalDate.init(iso:)), let recordedAt = row["recorded_at"] as String?
            else { throw StoreError.unreadable("minutes_signatures", column: "signed_on") }
            return ArchivedSignature(minutesID: id, signature: Signature(name: name, date: date, recordedAt: recordedAt))
        }
        let decisions = try Self.decisions(decisions)
        return MinutesArchive(
            minutes: minutes, cancelled: cancelled, signatures: signatures.isEmpty ? nil : signatures, meetingDecisions: decisions)
    }

    /// The archive as `minutes export --format json` writes it: stable, pretty-printed JSON
    /// with sorted keys and a final newline.
    public static func json(_ archive: MinutesArchive) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(archive), as: UTF8.self) + "\n"
    }

    static func decode<Record: StoreRow>(_ type: Record.Type, _ row: Row) throws -> Record {
        do { return try Record(row: row) } catch { throw Record.storeError(error) }
    }
}
