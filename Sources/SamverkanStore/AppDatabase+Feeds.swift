import Foundation
internal import GRDB

extension AppDatabase {
    /// Migration `v8-feeds`: secret subscription feeds (`samverkan feeds`, `samverkan serve`) and
    /// a revision of the meeting register that rises with every change to `meetings` or
    /// `meeting_decisions`, so a server caches a rendered feed until the register changes.
    static func registerFeedMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-feeds") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feeds (
                        id INTEGER PRIMARY KEY,
                        token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                        selection_kind TEXT NOT NULL CHECK (selection_kind IN ('person', 'organisation', 'structure', 'all')),
                        selection_value TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    ) STRICT;

                    CREATE TABLE register_revision (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        revision INTEGER NOT NULL
                    ) STRICT;
                    INSERT INTO register_revision (id, revision) VALUES (1, 0);
                    """)
            for table in ["meetings", "meeting_decisions"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table)
                            BEGIN UPDATE register_revision SET revision = revision + 1 WHERE id = 1; END;
                            """)
                }
            }
        }
    }

    /// Stores a new feed by its token's hash and returns its id.
    public func createFeed(tokenHash: String, selectionKind: String, selectionValue: String) throws -> Int64 {
        try write { db in
            let record = FeedRecord(
                id: nil, tokenHash: tokenHash, selectionKind: selectionKind, selectionValue: selectionValue,
                createdAt: Self.secondsTimestamp(), revokedAt: nil)
            try record.insert(db)
            let id = db.lastInsertedRowID
            try audit(db, .feedsCreated, .feed(id), detail: "selection=\(selectionKind)")
            return id
        }
    }

    /// Every feed, oldest first, revoked ones too.
    public func feeds() throws -> [SubscriptionFeed] {
        try read { db in
            try FeedRecord.fetchAllChecked(db, "SELECT * FROM feeds ORDER BY id").map(\.feed)
        }
    }

    /// The active (not revoked) feed whose token has this hash, or nil.
    public func activeFeed(tokenHash: String) throws -> SubscriptionFeed? {
        try read { db in
            try FeedRecord.fetchOneChecked(db, "SELECT * FROM feeds WHERE token_hash = \(tokenHash) AND revoked_at IS NULL")?.feed
        }
    }

    /// The active feed whose token has this hash (or nil) and the register's revision, in one read.
    public func activeFeedAndRevision(tokenHash: String) throws -> (feed: SubscriptionFeed?, revision: Int64) {
        try read { db in
            let feed = try FeedRecord.fetchOneChecked(db, "SELECT * FROM feeds WHERE token_hash = \(tokenHash) AND revoked_at IS NULL")
            return (feed?.feed, try Int64.fetchOne(db, sql: "SELECT revision FROM register_revision WHERE id = 1") ?? 0)
        }
    }

    /// Revokes a feed; false when there is no active feed with this id.
    public func revokeFeed(id: Int64) throws -> Bool {
        try write { db in
            try db.execute(literal: "UPDATE feeds SET revoked_at = \(Self.secondsTimestamp()) WHERE id = \(id) AND revoked_at IS NULL")
            guard db.changesCount > 0 else { return false }
            try audit(db, .feedsRevoked, .feed(id))
            return true
        }
    }

    /// The register's revision: rises whenever a meeting or a decision is written.
    public func registerRevision() throws -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT revision FROM register_revision WHERE id = 1") ?? 0
        }
    }

    /// The last migration applied to this database (its schema version), e.g. `v8-feeds`: by the
    /// number after `v` (`v11-…` comes after `v8-…`, which a sort by text would not say).
    public func schemaVersion() throws -> String {
        try read { db in Self.latestMigration(Array(try Self.migrator.appliedIdentifiers(db))) }
    }

    /// The latest of migration names by the number after `v` (`v11-…` after `v8-…`), "" of none:
    /// the schema version of either engine. An engine's own migrations (`-pg-` in the name, an
    /// index or trigger only PostgreSQL needs) are not versions of the shared schema.
    public static func latestMigration(_ names: [String]) -> String {
        func number(_ id: String) -> Int { Int(id.dropFirst().prefix { $0.isNumber }) ?? 0 }
        return sharedSchema(names).max { (number($0), $0) < (number($1), $1) } ?? ""
    }

    /// The migrations of the schema both engines share, without an engine's own (`-pg-` in the
    /// name: an index or trigger only PostgreSQL needs), which are no schema versions.
    public static func sharedSchema(_ names: [String]) -> [String] {
        names.filter { !$0.contains("-pg-") }
    }
}
