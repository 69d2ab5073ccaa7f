internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// The register's meetings whose planned or actual day lies in a window, by start.
    /// - Parameter structureIDs: only these structures (nil: all).
    public func registeredMeetings(structureIDs: [String]? = nil, from: LocalDate, through: LocalDate) throws -> [RegisteredMeeting] {
        try read { db in try Self.registeredMeetings(db, structureIDs: structureIDs, from: from, through: through) }
    }

    /// Every meeting the register holds for some structures, whatever its date, by start (for
    /// what must not depend on a window, such as a calendar UID's content hash).
    public func registeredMeetings(structureIDs: [String]) throws -> [RegisteredMeeting] {
        try read { db in try Self.registeredMeetings(db, structureIDs: structureIDs, from: nil, through: nil) }
    }

    static func registeredMeetings(
        _ db: Database, structureIDs: [String]?, from: LocalDate?,
        through: LocalDate?
    ) throws -> [RegisteredMeeting] {
        var filters: [SQL] = []
        if let structureIDs { filters.append("structure_id IN \(structureIDs)") }
        if let from, let through {
            filters.append(
                """
                ((planned_date BETWEEN \(from.iso) AND \(through.iso))
                 OR (start BETWEEN \(from.iso) AND \(through.iso + "T99:99")))
                """)
        }
        let condition: SQL = filters.isEmpty ? "1" : SQL(filters.joined(operator: .and))
        let rows = try RegisteredMeetingRecord.fetchAllChecked(
            db,
            """
            SELECT * FROM meetings WHERE \(condition) ORDER BY start, structure_id, planned_date
            """)
        let ids = Array(Set(rows.compactMap(\.decisionID)))
        var decisions: [Int64: MeetingDecision] = [:]
        if !ids.isEmpty {
            for record in try MeetingDecisionRecord.fetchAllChecked(db, "SELECT * FROM meeting_decisions WHERE id IN \(ids)") {
                if let id = record.id { decisions[id] = try record.decision() }
            }
        }
        return try rows.map { try $0.meeting(decisions: decisions) }
    }
}
