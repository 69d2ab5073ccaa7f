internal import GRDB

extension AppDatabase {
    /// The tables behind minutes. Each migration is SQL, named, and never changes once shipped.
    ///
    /// Approved minutes are read-only in the database itself: triggers refuse every UPDATE and
    /// DELETE of an approved `minutes` row and every change to its child rows, whatever program
    /// writes. Attendance per principal, covered standing agenda items and approval dates are
    /// columns; migration `v3-report-summary` sums them per minutes for the reports.
    static func registerMinutesMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-minutes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE minutes (
                        id INTEGER PRIMARY KEY,
                        structure_id TEXT NOT NULL,
                        meeting_date TEXT NOT NULL,
                        meeting_time TEXT,
                        planned_date TEXT,
                        place TEXT NOT NULL DEFAULT '',
                        chair TEXT NOT NULL DEFAULT '',
                        secretary TEXT NOT NULL DEFAULT '',
                        approvers TEXT NOT NULL DEFAULT '',
                        previous_approved INTEGER CHECK (previous_approved IN (0, 1)),
                        amends_id INTEGER REFERENCES minutes(id),
                        created_at TEXT NOT NULL,
                        approved_at TEXT,
                        approved_on TEXT,
                        approved_by TEXT,
                        content_hash TEXT,
                        CHECK ((approved_at IS NULL) = (approved_on IS NULL)
                               AND (approved_at IS NULL) = (content_hash IS NULL)
                               AND (approved_at IS NULL) = (approved_by IS NULL))
                    ) STRICT;
                    CREATE INDEX minutes_structure_date ON minutes(structure_id, meeting_date);
                    CREATE INDEX minutes_date ON minutes(meeting_date);
                    CREATE INDEX minutes_amends ON minutes(amends_id);
                    CREATE UNIQUE INDEX minutes_one_per_meeting ON minutes(structure_id, meeting_date) WHERE amends_id IS NULL;

                    CREATE TABLE minutes_attendance (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        person_id TEXT NOT NULL,
                        organisation_id TEXT NOT NULL,
                        principal TEXT NOT NULL CHECK (principal IN ('region', 'municipality', 'other')),
                        present INTEGER NOT NULL CHECK (present IN (0, 1)),
                        substitute TEXT,
                        PRIMARY KEY (minutes_id, person_id)
                    ) STRICT;

                    CREATE TABLE minutes_agenda (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        agenda_item_id TEXT NOT NULL,
                        covered INTEGER NOT NULL CHECK (covered IN (0, 1)),
                        notes TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (minutes_id, agenda_item_id)
                    ) STRICT;
                    CREATE INDEX minutes_agenda_item ON minutes_agenda(agenda_item_id);

                    CREATE TABLE minutes_items (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        notes TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (minutes_id, position)
                    ) STRICT;

                    CREATE TABLE decisions (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        structure_id TEXT NOT NULL,
                        year INTEGER NOT NULL,
                        number INTEGER CHECK (number > 0),
                        inherited INTEGER NOT NULL DEFAULT 0 CHECK (inherited IN (0, 1)),
                        text TEXT NOT NULL,
                        PRIMARY KEY (minutes_id, position)
                    ) STRICT;
                    CREATE UNIQUE INDEX decisions_paragraph ON decisions(structure_id, year, number)
                        WHERE number IS NOT NULL AND inherited = 0;

                    CREATE TABLE action_items (
                        id INTEGER PRIMARY KEY,
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        structure_id TEXT NOT NULL,
                        text TEXT NOT NULL,
                        responsible_kind TEXT NOT NULL CHECK (responsible_kind IN ('person', 'organisation')),
                        responsible_id TEXT NOT NULL,
                        due TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX action_items_structure ON action_items(structure_id);
                    CREATE INDEX action_items_minutes ON action_items(minutes_id);
                    CREATE INDEX action_items_responsible ON action_items(responsible_id);

                    CREATE TABLE action_follow_ups (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        action_id INTEGER NOT NULL REFERENCES action_items(id),
                        status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'partly', 'done')),
                        comment TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (minutes_id, action_id)
                    ) STRICT;
                    CREATE INDEX action_follow_ups_action ON action_follow_ups(action_id);

                    CREATE TABLE activity_follow_ups (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        activity_id TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('not-started', 'started', 'partly', 'done')),
                        comment TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (minutes_id, activity_id)
                    ) STRICT;
                    CREATE INDEX activity_follow_ups_activity ON activity_follow_ups(activity_id);

                    CREATE TABLE cancelled_meetings (
                        structure_id TEXT NOT NULL,
                        meeting_date TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        PRIMARY KEY (structure_id, meeting_date)
                    ) STRICT;

                    CREATE VIRTUAL TABLE minutes_search USING fts5(
                        body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');

                    CREATE TRIGGER minutes_approved_no_update BEFORE UPDATE ON minutes
                    WHEN OLD.approved_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
                    CREATE TRIGGER minutes_approved_no_delete BEFORE DELETE ON minutes
                    WHEN OLD.approved_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
                    """)
            for table in [
                "minutes_attendance", "minutes_agenda", "minutes_items", "decisions", "action_items",
                "action_follow_ups", "activity_follow_ups",
            ] {
                try db.execute(sql: readOnlyChildTriggers(table))
            }
        }
    }

    /// SQL: the triggers that keep the rows of a child table of minutes (`minutes_id`) from
    /// being inserted, changed or deleted once the minutes are approved.
    static func readOnlyChildTriggers(_ table: String) -> String {
        let approved = { (row: String) in
            "(SELECT approved_at FROM minutes WHERE id = \(row).minutes_id) IS NOT NULL"
        }
        return """
            CREATE TRIGGER \(table)_approved_no_insert BEFORE INSERT ON \(table)
            WHEN \(approved("NEW"))
            BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
            CREATE TRIGGER \(table)_approved_no_update BEFORE UPDATE ON \(table)
            WHEN \(approved("OLD")) OR \(approved("NEW"))
            BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
            CREATE TRIGGER \(table)_approved_no_delete BEFORE DELETE ON \(table)
            WHEN \(approved("OLD"))
            BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
            """
    }
}
