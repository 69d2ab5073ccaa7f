internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// Migration `v10-signatures`: each signatory's signature of minutes on its own row, so
    /// minutes can be partly signed. Approvals made before it become one signature per
    /// approver on the day of approval. Signatures are never changed, and those of approved
    /// minutes are read-only like the minutes themselves.
    static func registerSignatureMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-signatures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE minutes_signatures (
                        minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        name TEXT NOT NULL CHECK (name <> ''),
                        signed_on TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        PRIMARY KEY (minutes_id, position),
                        UNIQUE (minutes_id, name)
                    ) STRICT;
                    """)
            let approved = try Row.fetchAll(
                db, sql: "SELECT id, approved_by, approved_on, approved_at FROM minutes WHERE approved_at IS NOT NULL ORDER BY id")
            for row in approved {
                let names = MinutesRecord.lines(row["approved_by"] as String)
                for (position, name) in names.enumerated() where !names[..<position].contains(name) {
                    try db.execute(
                        sql: "INSERT INTO minutes_signatures (minutes_id, position, name, signed_on, recorded_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [row["id"] as Int64, position, name, row["approved_on"] as String, row["approved_at"] as String])
                }
            }
            let approvedMinutes = { (row: String) in "(SELECT approved_at FROM minutes WHERE id = \(row).minutes_id) IS NOT NULL" }
            try db.execute(
                sql: """
                    CREATE INDEX minutes_signatures_minutes ON minutes_signatures(minutes_id);
                    CREATE TRIGGER minutes_signatures_approved_no_insert BEFORE INSERT ON minutes_signatures
                    WHEN \(approvedMinutes("NEW"))
                    BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
                    CREATE TRIGGER minutes_signatures_no_update BEFORE UPDATE ON minutes_signatures
                    BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
                    CREATE TRIGGER minutes_signatures_approved_no_delete BEFORE DELETE ON minutes_signatures
                    WHEN \(approvedMinutes("OLD"))
                    BEGIN SELECT RAISE(ABORT, 'approved minutes are read-only; use minutes amend'); END;
                    """)
        }
    }

    /// The signatures of minutes, in the order they were given.
    public func signatures(minutesID id: Int64) throws -> [Signature] {
        try read { db in try Self.fetchSignatures(minutesID: id, db: db) }
    }

    static func fetchSignatures(minutesID id: Int64, db: Database) throws -> [Signature] {
        // A prepared statement kept by the connection: notify reads the signatures of every draft.
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT name, signed_on, recorded_at FROM minutes_signatures WHERE minutes_id = ? ORDER BY position"),
            arguments: [id]
        ).map { row in
            guard let date = LocalDate(iso: row["signed_on"] as String) else {
                throw StoreError.unreadable("minutes_signatures", column: "signed_on")
            }
            return Signature(name: row["name"], date: date, recordedAt: row["recorded_at"])
        }
    }

    /// Adds a signature unless the name has signed already (in the approval's transaction).
    static func insertSignature(minutesID id: Int64, name: String, date: LocalDate, recordedAt: String, db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO minutes_signatures (minutes_id, position, name, signed_on, recorded_at)
                SELECT ?, (SELECT COALESCE(MAX(position) + 1, 0) FROM minutes_signatures WHERE minutes_id = ?), ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM minutes_signatures WHERE minutes_id = ? AND name = ?)
                """,
            arguments: [id, id, name, date.iso, recordedAt, id, name])
    }

    /// Signs minutes (*justering*): each name's signature is recorded on `date`; when the last
    /// required signatory has signed, the minutes are approved as ``approve(id:by:date:)``
    /// does, on the day of the latest signature, by the required signatories.
    /// - Parameters:
    ///   - required: who must sign (``RegionConfiguration/justering(structure:chair:approvers:signatures:)``);
    ///     empty: the first signature approves.
    /// - Returns: the minutes (approved or not) and their justering after signing.
    /// - Throws: ``StoreError`` when the minutes are missing, approved or replaced by a
    ///   correction before approval, the day is before
    ///   the meeting, a name has signed already or is not a required signatory.
    public func sign(id: Int64, names: [String], date: LocalDate, required: [String]) throws -> (minutes: Minutes, justering: Justering) {
        try immediateWrite { db in
            let newer = try SQLRequest<Int64>("SELECT id FROM minutes WHERE amends_id = \(id) ORDER BY id LIMIT 1").fetchOne(db)
            let minutes = try StoreRules.signable(try Self.fetchMinutes(id: id, db: db), id: id, newer: newer, date: date)
            var justering = Justering(required: required, signatures: try Self.fetchSignatures(minutesID: id, db: db))
            for signature in try StoreRules.sign(names, into: &justering, id: id, date: date, recordedAt: Self.timestamp()) {
                try Self.insertSignature(minutesID: id, name: signature.name, date: date, recordedAt: signature.recordedAt, db: db)
            }
            let detail = "signatures=\(names.count)"
            guard let day = justering.approvalDate else {
                try audit(db, .minutesSigned, .minutes(id), detail: detail)
                return (minutes, justering)
            }
            let approved = try Self.completeApproval(minutes, by: StoreRules.approvers(justering), date: day, db: db)
            try audit(db, .minutesApproved, .minutes(id), detail: detail)
            return (approved, justering)
        }
    }

    /// Minutes waiting for justering: the latest record of their chain (not corrected), not
    /// approved, oldest meeting first, with the signatures given so far. A correction of approved
    /// minutes waits too, although the approved original counts until it is approved.
    public func pendingMinutes(structureID: String? = nil) throws -> [PendingMinutes] {
        try read { db in
            let request: SQLRequest<MinutesRecord> = """
                SELECT * FROM minutes m
                WHERE approved_at IS NULL AND \(Self.latestRecord()) AND (\(structureID) IS NULL OR structure_id = \(structureID))
                ORDER BY meeting_date, id
                """
            return try MinutesRecord.fetchAllChecked(db, request).map { record in
                let id = record.id ?? 0
                return PendingMinutes(
                    id: id, structureID: record.structureID, date: record.meetingDate, chair: record.chair,
                    approvers: MinutesRecord.lines(record.approvers), signatures: try Self.fetchSignatures(minutesID: id, db: db),
                    amends: record.amendsID, savedOn: LocalDate(iso: String(record.createdAt.prefix(10))))
            }
        }
    }
}
