internal import GRDB

extension AppDatabase {
    /// Migration `v11-organisation-attendance`: member organisations marked present without a
    /// configured person (`minutes_organisation_attendance`, with who came).
    ///
    /// Read-only under approved minutes like every child table of minutes. The summary columns
    /// of `v3-report-summary` (`present_sides`, `present_organisations`) now count a present
    /// organisation row like a present person: the attendance triggers are replaced by ones
    /// reading both tables. Minutes already stored have no organisation rows, so their summary
    /// stays as it is and nothing is backfilled.
    static func registerOrganisationAttendanceMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-organisation-attendance") { db in
            try db.execute(
                sql: """
                    CREATE TABLE minutes_organisation_attendance (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        organisation_id TEXT NOT NULL,
                        principal TEXT NOT NULL CHECK (principal IN ('region', 'municipality', 'other')),
                        present INTEGER NOT NULL CHECK (present IN (0, 1)),
                        attendee TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (minutes_id, organisation_id)
                    ) STRICT;
                    """)
            try db.execute(sql: readOnlyChildTriggers("minutes_organisation_attendance"))
            for table in ["minutes_attendance", "minutes_organisation_attendance"] {
                try db.execute(
                    sql: """
                        DROP TRIGGER IF EXISTS \(table)_summary_insert;
                        DROP TRIGGER IF EXISTS \(table)_summary_update;
                        DROP TRIGGER IF EXISTS \(table)_summary_delete;
                        """)
                try db.execute(sql: summaryTriggers(table, presenceSummary))
            }
        }
    }

    /// SQL: `column = value` assignments of the attendance summary of the minutes with id `id`,
    /// from present people (or their substitutes) and organisations marked present.
    static func presenceSummary(_ id: String) -> String {
        let present = """
            SELECT principal, organisation_id FROM minutes_attendance
                WHERE minutes_id = \(id) AND (present = 1 OR substitute <> '')
            UNION ALL
            SELECT principal, organisation_id FROM minutes_organisation_attendance
                WHERE minutes_id = \(id) AND present = 1
            """
        return """
            present_sides = (SELECT COALESCE(MAX(principal = 'region'), 0) + 2 * COALESCE(MAX(principal = 'municipality'), 0)
                             FROM (\(present))),
            present_organisations = (SELECT COALESCE(group_concat(organisation_id, char(31)), '') FROM (
                SELECT DISTINCT organisation_id FROM (\(present)) ORDER BY organisation_id))
            """
    }
}
