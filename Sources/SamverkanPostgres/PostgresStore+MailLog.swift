import Foundation
public import SamverkanDomain
import SamverkanStore

extension PostgresStore {
    /// The columns of a mail log row, as ``MailSending`` holds them.
    private static let mailRows = PostgresColumns(
        table: "mail_log",
        columns: [
            "kind", "key", "recipient", "structure_id", "meeting_date", "item", "message_id", "status", "attempts", "last_error",
            "created_at", "updated_at",
        ])

    /// Claims messages to send (as `AppDatabase.claimMail`): a message never seen is claimed; one
    /// that `failed`, or that has been `sending` since before `staleBefore`, is claimed again with
    /// its first `Message-ID`; one `sent`, or `sending` by a run still at it, is not. Claimed
    /// messages are `sending` with one more attempt.
    ///
    /// Two senders at once never both claim one message: new messages are inserted with
    /// `ON CONFLICT DO NOTHING` (the second waits for the first and finds its row), and rows to
    /// claim again are locked `FOR UPDATE SKIP LOCKED` and checked again under the lock. All
    /// candidates go in one statement each, in one transaction.
    /// - Returns: the claimed messages, in the order of `candidates`, as the log now holds them.
    public func claimMail(_ candidates: [MailSending], now: String, staleBefore: String) async throws -> [MailSending] {
        guard !candidates.isEmpty else { return [] }
        let batch = SQLValue.text(try Self.candidateJSON(candidates))
        let (fresh, again) = try await client.transaction { client in
            let fresh = try await client.rows(
                """
                INSERT INTO mail_log (kind, key, recipient, structure_id, meeting_date, item, message_id, status, attempts,
                                      created_at, updated_at)
                SELECT kind, key, recipient, structure_id, meeting_date, item, message_id, 'sending', 1, $2, $2
                FROM json_to_recordset($1::json) AS c(kind text, key text, recipient text, structure_id text,
                                                      meeting_date text, item text, message_id text)
                ORDER BY key
                ON CONFLICT (key) DO NOTHING
                RETURNING key
                """, [batch, .text(now)])
            let again = try await client.rows(
                """
                UPDATE mail_log SET status = 'sending', attempts = attempts + 1, updated_at = $2
                WHERE id IN (SELECT id FROM mail_log
                             WHERE key IN (SELECT key FROM json_to_recordset($1::json) AS c(key text))
                               AND (status = 'failed' OR (status = 'sending' AND updated_at < $3))
                             ORDER BY key FOR UPDATE SKIP LOCKED)
                  AND (status = 'failed' OR (status = 'sending' AND updated_at < $3))
                RETURNING key, message_id, attempts
                """, [batch, .text(now), .text(staleBefore)])
            return (fresh, again)
        }
        let keys = PostgresColumns(table: "mail_log", columns: ["key", "message_id", "attempts"])
        let inserted = Set(try fresh.map { try keys.text($0, "key") })
        var claimedAgain: [String: (messageID: String, attempts: Int64)] = [:]
        for row in again { claimedAgain[try keys.text(row, "key")] = (try keys.text(row, "message_id"), try keys.integer(row, "attempts")) }
        var claimed: [MailSending] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate.key).inserted {
            var message = candidate
            message.status = .sending
            if inserted.contains(candidate.key) {
                message.attempts = 1
                message.createdAt = now
                message.updatedAt = now
            } else if let row = claimedAgain[candidate.key] {
                message.messageID = row.messageID
                message.attempts = Int(row.attempts)
            } else {
                continue
            }
            claimed.append(message)
        }
        return claimed
    }

    /// Records how handing a claimed message to the mail command ended: `sent`, or `failed`
    /// with what the command said.
    public func finishMail(key: String, sent: Bool, error: String?, now: String) async throws {
        try await client.execute(
            "UPDATE mail_log SET status = $1, last_error = $2, updated_at = $3 WHERE key = $4",
            [.text(sent ? "sent" : "failed"), sent ? .null : .optional(error), .text(now), .text(key)])
    }

    /// The mail log, oldest first; only messages of one status when given.
    public func mailLog(status: MailSending.Status?) async throws -> [MailSending] {
        let rows = Self.mailRows
        return try await client.rows(
            "SELECT \(rows.selectList) FROM mail_log WHERE $1::text IS NULL OR status = $1 ORDER BY id", [.optional(status?.rawValue)]
        ).map { row in
            guard let kind = MailSending.Kind(rawValue: try rows.text(row, "kind")) else {
                throw StoreError.unreadable(rows.table, column: "kind")
            }
            guard let state = MailSending.Status(rawValue: try rows.text(row, "status")) else {
                throw StoreError.unreadable(rows.table, column: "status")
            }
            return MailSending(
                kind: kind, key: try rows.text(row, "key"), recipient: try rows.text(row, "recipient"),
                structureID: try rows.optionalText(row, "structure_id"), meetingDate: try rows.optionalText(row, "meeting_date"),
                item: try rows.optionalText(row, "item"), messageID: try rows.text(row, "message_id"), status: state,
                attempts: Int(try rows.integer(row, "attempts")), lastError: try rows.optionalText(row, "last_error"),
                createdAt: try rows.text(row, "created_at"), updatedAt: try rows.text(row, "updated_at"))
        }
    }

    /// The candidates as a JSON array of rows for `json_to_recordset` (one bound value).
    private static func candidateJSON(_ candidates: [MailSending]) throws -> String {
        let rows: [[String: String?]] = candidates.map { candidate in
            [
                "kind": candidate.kind.rawValue, "key": candidate.key, "recipient": candidate.recipient,
                "structure_id": candidate.structureID, "meeting_date": candidate.meetingDate, "item": candidate.item,
                "message_id": candidate.messageID,
            ]
        }
        return String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }
}
