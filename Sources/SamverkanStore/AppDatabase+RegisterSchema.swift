internal import GRDB

extension AppDatabase {
    /// Migration `v4-meeting-register`: the meeting register and the coordinators' decisions.
    ///
    /// - `meeting_decisions` is append-only history: cancel, move, add and restore, with the
    ///   reason, who and when. The cancellations of `cancelled_meetings` (v2) become `cancel`
    ///   decisions; `cancelled_meetings` becomes a view of the meetings whose latest decision is
    ///   a cancellation, so every reader of it sees the same truth.
    /// - `meetings` holds every meeting the configuration plans (holidays and breaks applied)
    ///   with the decisions applied: identity (structure, planned date), UID and RECURRENCE-ID,
    ///   start, end, state. It is derived, never edited by hand: `register_structures` records
    ///   per structure the digest of what it was derived from and how far.
    static func registerRegisterMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-meeting-register") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meeting_decisions (
                        id INTEGER PRIMARY KEY,
                        structure_id TEXT NOT NULL,
                        meeting_date TEXT NOT NULL,
                        action TEXT NOT NULL CHECK (action IN ('cancel', 'move', 'add', 'restore')),
                        new_start TEXT CHECK (new_start IS NULL OR new_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
                        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                        decided_by TEXT,
                        decided_at TEXT NOT NULL,
                        CHECK ((action IN ('move', 'add')) = (new_start IS NOT NULL))
                    ) STRICT;
                    CREATE INDEX meeting_decisions_meeting ON meeting_decisions(structure_id, meeting_date, id);

                    INSERT INTO meeting_decisions (structure_id, meeting_date, action, reason, decided_at)
                        SELECT structure_id, meeting_date, 'cancel', reason, created_at FROM cancelled_meetings
                        ORDER BY created_at, structure_id, meeting_date;
                    DROP TABLE cancelled_meetings;
                    CREATE VIEW cancelled_meetings AS
                        SELECT d.structure_id, d.meeting_date, d.reason, d.decided_at AS created_at
                        FROM meeting_decisions d
                        WHERE d.action = 'cancel' AND d.id = (
                            SELECT MAX(e.id) FROM meeting_decisions e
                            WHERE e.structure_id = d.structure_id AND e.meeting_date = d.meeting_date
                              AND e.action IN ('cancel', 'move', 'restore'));

                    CREATE TABLE meetings (
                        structure_id TEXT NOT NULL,
                        planned_date TEXT NOT NULL,
                        extra INTEGER NOT NULL CHECK (extra IN (0, 1)),
                        planned_start TEXT NOT NULL,
                        uid TEXT NOT NULL,
                        in_series INTEGER NOT NULL CHECK (in_series IN (0, 1)),
                        start TEXT NOT NULL,
                        end TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('planned', 'moved', 'skipped', 'cancelled', 'extra')),
                        reason_kind TEXT CHECK (reason_kind IN ('holiday', 'weekend', 'break')),
                        reason_code TEXT,
                        decision_id INTEGER REFERENCES meeting_decisions(id),
                        PRIMARY KEY (structure_id, planned_date, extra),
                        CHECK ((state = 'extra') = (extra = 1))
                    ) STRICT, WITHOUT ROWID;
                    CREATE INDEX meetings_period ON meetings(planned_date, structure_id, state, start);
                    CREATE INDEX meetings_uid ON meetings(uid);

                    CREATE TABLE register_structures (
                        structure_id TEXT PRIMARY KEY NOT NULL,
                        content_hash TEXT NOT NULL,
                        derived_through TEXT NOT NULL,
                        derived_at TEXT NOT NULL
                    ) STRICT;
                    """)
        }
    }
}
