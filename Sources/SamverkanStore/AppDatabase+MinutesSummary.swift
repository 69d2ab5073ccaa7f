internal import GRDB

extension AppDatabase {
    /// The separator of the id lists in the summary columns (ASCII unit separator U+001F, one
    /// UTF-8 byte: never in an id).
    static let summarySeparator: UInt8 = 0x1F

    /// Summary columns on `minutes`, kept by triggers, so a report over years of minutes reads
    /// one row per meeting instead of joining attendance and agenda rows:
    ///
    /// - `present_sides`: 1 when someone of the region was present, + 2 for the municipality
    ///   (a substitute counts as present);
    /// - `present_organisations`: the ids of the organisations with someone present, sorted,
    ///   separated by U+001F;
    /// - `covered_items`: the ids of the covered standing agenda items, sorted, likewise.
    ///
    /// Every insert, update or delete of an attendance or agenda row recomputes its minutes'
    /// columns, whatever program writes; the migration fills them for the minutes already there.
    /// (Children of approved minutes cannot change, so neither can their summary.)
    ///
    /// Covering indexes let the report read a period's minutes, their action items and
    /// follow-ups without visiting table rows (they replace `minutes_date` and
    /// `action_items_minutes`, which they start with).
    static func registerSummaryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-report-summary") { db in
            try db.execute(
                sql: """
                    ALTER TABLE minutes ADD COLUMN present_sides INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE minutes ADD COLUMN present_organisations TEXT NOT NULL DEFAULT '';
                    ALTER TABLE minutes ADD COLUMN covered_items TEXT NOT NULL DEFAULT '';
                    """)
            // Every insert recomputes, even of an absent person: an INSERT OR REPLACE deletes the
            // row it replaces without a delete trigger.
            for (table, columns) in [("minutes_attendance", attendanceSummary), ("minutes_agenda", agendaSummary)] {
                try db.execute(sql: summaryTriggers(table, columns))
            }
            // Approved minutes refuse every UPDATE: lift that for the backfill only, then put
            // the same trigger back (all in the migration's transaction).
            try db.execute(
                sql: """
                    DROP TRIGGER minutes_approved_no_update;
                    UPDATE minutes SET \(attendanceSummary("minutes.id")), \(agendaSummary("minutes.id"));
                    CREATE TRIGGER minutes_approved_no_update BEFORE UPDATE ON minutes
                    WHEN OLD.approved_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;

                    DROP INDEX minutes_date;
                    CREATE INDEX minutes_report ON minutes(meeting_date, structure_id, planned_date, approved_on,
                                                           present_sides, present_organisations, covered_items);
                    DROP INDEX action_items_minutes;
                    CREATE INDEX action_items_report ON action_items(minutes_id, structure_id, due);
                    CREATE INDEX action_follow_ups_report ON action_follow_ups(minutes_id, action_id, status);
                    """)
        }
    }

    /// SQL: the triggers that recompute the summary `columns` (assignments for a minutes id) of
    /// the minutes whose child row in `table` is inserted, updated or deleted.
    static func summaryTriggers(_ table: String, _ columns: (String) -> String) -> String {
        """
        CREATE TRIGGER \(table)_summary_insert AFTER INSERT ON \(table)
        BEGIN UPDATE minutes SET \(columns("NEW.minutes_id")) WHERE id = NEW.minutes_id; END;
        CREATE TRIGGER \(table)_summary_update AFTER UPDATE ON \(table)
        BEGIN
            UPDATE minutes SET \(columns("OLD.minutes_id")) WHERE id = OLD.minutes_id;
            UPDATE minutes SET \(columns("NEW.minutes_id")) WHERE id = NEW.minutes_id;
        END;
        CREATE TRIGGER \(table)_summary_delete AFTER DELETE ON \(table)
        BEGIN UPDATE minutes SET \(columns("OLD.minutes_id")) WHERE id = OLD.minutes_id; END;
        """
    }

    /// SQL: `column = value` assignments of the attendance summary of the minutes with id `id`.
    static func attendanceSummary(_ id: String) -> String {
        let present = "minutes_id = \(id) AND (present = 1 OR substitute <> '')"
        return """
            present_sides = (SELECT COALESCE(MAX(principal = 'region'), 0) + 2 * COALESCE(MAX(principal = 'municipality'), 0)
                             FROM minutes_attendance WHERE \(present)),
            present_organisations = (SELECT COALESCE(group_concat(organisation_id, char(31)), '') FROM (
                SELECT DISTINCT organisation_id FROM minutes_attendance WHERE \(present) ORDER BY organisation_id))
            """
    }

    /// SQL: the assignment of the agenda summary of the minutes with id `id`.
    static func agendaSummary(_ id: String) -> String {
        """
        covered_items = (SELECT COALESCE(group_concat(agenda_item_id, char(31)), '') FROM (
            SELECT agenda_item_id FROM minutes_agenda WHERE minutes_id = \(id) AND covered = 1 ORDER BY agenda_item_id))
        """
    }
}
