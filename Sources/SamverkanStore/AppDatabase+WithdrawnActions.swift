internal import GRDB
public import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// The action items of a structure that corrections withdrew (see ``WithdrawnAction``), by
    /// number: items of a record of a correction chain (`minutes_chain`) that the record that
    /// counts no longer holds. Until a correction is approved the approved original counts, so
    /// an item is withdrawn only once the correction leaving it out counts.
    public func withdrawnActions(structureID: String) throws -> [WithdrawnAction] {
        try read { db in try Self.withdrawnActions(structureID: structureID, db: db) }
    }

    static func withdrawnActions(structureID: String, db: Database) throws -> [WithdrawnAction] {
        let members = try Row.fetchAll(
            db,
            sql: """
                SELECT c.minutes_id, c.root_id, c.superseded, m.amends_id, m.meeting_date
                FROM minutes_chain c JOIN minutes m ON m.id = c.minutes_id
                WHERE m.structure_id = ? ORDER BY c.minutes_id
                """, arguments: [structureID]
        ).map { row in
            WithdrawnActionRules.ChainMember(
                id: try row.checked(0, "minutes_chain", "minutes_id"), root: try row.checked(1, "minutes_chain", "root_id"),
                counts: try row.checked(2, "minutes_chain", "superseded", as: Int.self) == 0,
                amends: try row.checked(3, "minutes", "amends_id", as: Int64?.self), date: try row.checkedDate(4, "minutes", "meeting_date")
            )
        }
        guard !members.isEmpty else { return [] }
        let items = Dictionary(
            grouping: try ActionItemRecord.fetchAllChecked(
                db,
                """
                SELECT a.* FROM action_items a JOIN minutes_chain c ON c.minutes_id = a.minutes_id
                WHERE a.structure_id = \(structureID) ORDER BY a.minutes_id, a.position
                """), by: \.minutesID
        ).mapValues { $0.map(\.item) }
        return WithdrawnActionRules.withdrawn(structureID: structureID, members: members, items: items)
    }
}
