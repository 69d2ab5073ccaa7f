internal import GRDB
public import SamverkanDomain

extension AppDatabase {
    /// Migration `v7-mail-log`: every message `samverkan` hands to the mail command, so that
    /// `notify` sends each exactly once and retries what failed.
    static func registerMailMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-mail-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE mail_log (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('notice', 'overdue', 'approval', 'missing-minutes', 'invitation', 'cancellation')),
                        key TEXT NOT NULL UNIQUE,
                        recipient TEXT NOT NULL,
                        structure_id TEXT,
                        meeting_date TEXT,
                        item TEXT,
                        message_id TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        last_error TEXT,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX mail_log_status ON mail_log(status);
                    """)
        }
    }

    /// Claims messages to send, in one `BEGIN IMMEDIATE` transaction (so two runs at once never
    /// claim the same message): a message never seen is claimed; one that `failed`, or that has
    /// been `sending` since before `staleBefore` (the run sending it was killed), is claimed
    /// again with its first `Message-ID`; one `sent`, or `sending` by a run still at it, is not.
    /// Claimed messages are `sending` with one more attempt.
    /// - Returns: the claimed messages, as the log now holds them.
    public func claimMail(_ candidates: [MailSending], now: String, staleBefore: String) throws -> [MailSending] {
        try immediateWrite { db in
            var claimed: [MailSending] = []
            for candidate in candidates {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT status, updated_at, message_id, attempts FROM mail_log WHERE key = ?",
                    arguments: [candidate.key])
                {
                    let status: String = row["status"]
                    let updated: String = row["updated_at"]
                    guard status == "failed" || (status == "sending" && updated < staleBefore) else { continue }
                    try db.execute(
                        sql: "UPDATE mail_log SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE key = ?",
                        arguments: [now, candidate.key])
                    var again = candidate
                    again.messageID = row["message_id"]
                    again.attempts = (row["attempts"] as Int) + 1
                    again.status = .sending
                    claimed.append(again)
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO mail_log (kind, key, recipient, structure_id, meeting_date, item, message_id, status,
                                                  attempts, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', 1, ?, ?)
                            """,
                        arguments: [
                            candidate.kind.rawValue, candidate.key, candidate.recipient, candidate.structureID,
                            candidate.meetingDate, candidate.item, candidate.messageID, now, now,
                        ])
                    var fresh = candidate
                    fresh.attempts = 1
                    fresh.status = .sending
                    fresh.createdAt = now
                    fresh.updatedAt = now
                    claimed.append(fresh)
                }
            }
            return claimed
        }
    }

    /// Records how handing a claimed message to the mail command ended: `sent`, or `failed`
    /// with what the command said.
    public func finishMail(key: String, sent: Bool, error: String? = nil, now: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE mail_log SET status = ?, last_error = ?, updated_at = ? WHERE key = ?",
                arguments: [sent ? "sent" : "failed", sent ? nil : error, now, key])
        }
    }

    /// The mail log, oldest first; only messages of one status when given.
    public func mailLog(status: MailSending.Status? = nil) throws -> [MailSending] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM mail_log WHERE ? IS NULL OR status = ? ORDER BY id
                    """, arguments: [status?.rawValue, status?.rawValue])
            return try rows.map { row in
                guard let kind = MailSending.Kind(rawValue: row["kind"]), let state = MailSending.Status(rawValue: row["status"]) else {
                    throw StoreError.unreadable("mail_log", column: "kind")
                }
                return MailSending(
                    kind: kind, key: row["key"], recipient: row["recipient"], structureID: row["structure_id"],
                    meetingDate: row["meeting_date"], item: row["item"], messageID: row["message_id"],
                    status: state, attempts: row["attempts"], lastError: row["last_error"],
                    createdAt: row["created_at"], updatedAt: row["updated_at"])
            }
        }
    }
}
