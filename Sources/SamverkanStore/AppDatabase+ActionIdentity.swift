import Foundation
internal import GRDB
public import SamverkanDomain

extension AppDatabase {
    /// Migration `v9-action-identity`: corrections keep what they correct.
    ///
    /// - `action_items.continues_id`: the number (`#N`) an action item of a correction keeps,
    ///   the id of the item first decided; NULL for an item decided in the record itself. Follow-ups
    ///   at later meetings then stay attached through any number of corrections.
    /// - `minutes_chain`: one row per record of a correction chain (an original that was
    ///   corrected and its corrections), with its root and whether it is `superseded`. The record
    ///   that counts (in actions, reports, the next draft) is the latest approved record of its
    ///   chain, or the latest record when none is approved: until a correction is approved, the
    ///   approved original counts. Triggers keep the table right on every insert, approval and
    ///   delete, whatever program writes; it is derived, never part of the minutes' content.
    ///
    /// Existing data: the chains of already corrected minutes are filled in, and the action
    /// items of each correction get the number of the original's item with the same text (else
    /// with the same responsible and due date, when only one matches). Approved rows are
    /// read-only: the migration lifts that for the backfill only, as `v3-report-summary` did.
    static func registerActionIdentityMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-action-identity") { db in
            try db.execute(
                sql: """
                    ALTER TABLE action_items ADD COLUMN continues_id INTEGER REFERENCES action_items(id);
                    CREATE INDEX action_items_continues ON action_items(continues_id) WHERE continues_id IS NOT NULL;

                    CREATE TABLE minutes_chain (
                        minutes_id INTEGER PRIMARY KEY REFERENCES minutes(id) ON DELETE CASCADE,
                        root_id INTEGER NOT NULL,
                        superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1))
                    ) STRICT;
                    CREATE INDEX minutes_chain_root ON minutes_chain(root_id);

                    CREATE TRIGGER minutes_chain_insert AFTER INSERT ON minutes WHEN NEW.amends_id IS NOT NULL
                    BEGIN
                        INSERT OR IGNORE INTO minutes_chain (minutes_id, root_id) VALUES (NEW.amends_id, NEW.amends_id);
                        INSERT OR REPLACE INTO minutes_chain (minutes_id, root_id)
                            VALUES (NEW.id, (SELECT root_id FROM minutes_chain WHERE minutes_id = NEW.amends_id));
                        \(recomputeChain("(SELECT root_id FROM minutes_chain WHERE minutes_id = NEW.id)"));
                    END;
                    CREATE TRIGGER minutes_chain_approval AFTER UPDATE OF approved_at ON minutes
                    BEGIN
                        \(recomputeChain("(SELECT root_id FROM minutes_chain WHERE minutes_id = NEW.id)"));
                    END;
                    CREATE TRIGGER minutes_chain_delete AFTER DELETE ON minutes WHEN OLD.amends_id IS NOT NULL
                    BEGIN
                        DELETE FROM minutes_chain WHERE minutes_id = OLD.id;
                        \(recomputeChain("(SELECT root_id FROM minutes_chain WHERE minutes_id = OLD.amends_id)"));
                    END;
                    """)
            try backfillChains(db)
            try backfillActionIdentity(db)
        }
    }

    /// The minutes with each follow-up naming its action item by number (`#N`): a follow-up
    /// recorded before `v9-action-identity` against an item a correction renumbered names the
    /// item it continues. For drafts and documents, so they read back; the stored rows stay.
    public func withActionNumbers(_ minutes: Minutes) throws -> Minutes {
        try read { db in try Self.withActionNumbers(minutes, db: db) }
    }

    static func withActionNumbers(_ minutes: Minutes, db: Database) throws -> Minutes {
        var result = minutes
        for index in result.actionFollowUps.indices {
            let id = result.actionFollowUps[index].actionID
            if let number = try Int64.fetchOne(db, sql: "SELECT continues_id FROM action_items WHERE id = ?", arguments: [id]) {
                result.actionFollowUps[index].actionID = number
            }
        }
        return result
    }

    /// SQL: marks every record of the chain with root `root` superseded but the one that counts.
    static func recomputeChain(_ root: String) -> String {
        """
        UPDATE minutes_chain SET superseded = (minutes_id IS NOT (
            SELECT c.minutes_id FROM minutes_chain c JOIN minutes x ON x.id = c.minutes_id
            WHERE c.root_id = minutes_chain.root_id ORDER BY x.approved_at IS NULL, x.id DESC LIMIT 1))
        WHERE root_id = \(root)
        """
    }

    /// The chains of the minutes corrected before the migration.
    static func backfillChains(_ db: Database) throws {
        var parent: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, amends_id FROM minutes WHERE amends_id IS NOT NULL") {
            parent[row[0]] = row[1]
        }
        for id in Set(parent.keys).union(parent.values).sorted() {
            // The walk stops at a record seen already: a cycle (written by hand) never loops.
            var root = id
            var seen: Set<Int64> = [id]
            while let up = parent[root], seen.insert(up).inserted { root = up }
            try db.execute(sql: "INSERT INTO minutes_chain (minutes_id, root_id) VALUES (?, ?)", arguments: [id, root])
        }
        try db.execute(sql: recomputeChain("minutes_chain.root_id"))
    }

    /// Gives the action items of corrections made before the migration the number of the
    /// original's item they repeat, where that can be told: the same text, else the only item
    /// with the same responsible and due date.
    static func backfillActionIdentity(_ db: Database) throws {
        let pairs = try Row.fetchAll(db, sql: "SELECT id, amends_id FROM minutes WHERE amends_id IS NOT NULL ORDER BY id")
        guard !pairs.isEmpty else { return }
        try db.execute(sql: "DROP TRIGGER action_items_approved_no_update")
        for pair in pairs {
            try linkActionIdentity(correctionID: pair[0], originalID: pair[1], db: db)
        }
        try db.execute(
            sql: """
                CREATE TRIGGER action_items_approved_no_update BEFORE UPDATE ON action_items
                WHEN (SELECT approved_at FROM minutes WHERE id = OLD.minutes_id) IS NOT NULL
                  OR (SELECT approved_at FROM minutes WHERE id = NEW.minutes_id) IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
                """)
    }

    /// Gives the action items of correction `correctionID` that keep no number yet the number of
    /// the item of `originalID` they repeat, where that can be told: the same text (case and
    /// surrounding space aside), else the only item with the same responsible and due date.
    /// Items of the original another item of the correction keeps already are not matched again.
    ///
    /// The rule of migration `v9-action-identity`, and of `minutes import` of an archive written
    /// before it. The correction must not be approved yet (its items are read-only then).
    static func linkActionIdentity(correctionID: Int64, originalID: Int64, db: Database) throws {
        func items(_ minutesID: Int64) throws -> [ActionIdentityMatch.Item] {
            try Row.fetchAll(
                db,
                sql:
                    "SELECT id, COALESCE(continues_id, id), continues_id, text, responsible_id, due FROM action_items WHERE minutes_id = ? ORDER BY position",
                arguments: [minutesID]
            ).map { ActionIdentityMatch.Item(id: $0[0], identity: $0[1], kept: $0[2], text: $0[3], responsible: $0[4], due: $0[5]) }
        }
        for link in ActionIdentityMatch.links(corrected: try items(correctionID), original: try items(originalID)) {
            try db.execute(sql: "UPDATE action_items SET continues_id = ? WHERE id = ?", arguments: [link.number, link.id])
        }
    }
}
