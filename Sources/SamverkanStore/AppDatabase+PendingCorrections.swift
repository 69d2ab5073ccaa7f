internal import GRDB
public import SamverkanTime

extension AppDatabase {
    /// The structures of the corrections of approved minutes that wait for approval (one entry per
    /// correction), of meetings up to `through`: until they are approved the originals count.
    ///
    /// The latest record of a correction chain that does not count (`minutes_chain.superseded`)
    /// is such a correction, as the compliance report counts them.
    public func pendingCorrectionStructures(through: LocalDate) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.structure_id FROM minutes_chain c JOIN minutes m ON m.id = c.minutes_id
                    WHERE c.superseded = 1 AND m.meeting_date <= ?
                      AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.amends_id = m.id)
                    ORDER BY m.id
                    """, arguments: [through.iso])
        }
    }
}
