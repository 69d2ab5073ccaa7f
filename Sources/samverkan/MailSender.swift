import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore

/// Sends messages through a ``MailDelivery`` and records each in the store's mail log, so
/// nothing is sent twice and nothing failed is forgotten.
///
/// The rule for a kill between sending and recording: a message is claimed (`sending`, in its
/// own `BEGIN IMMEDIATE` transaction) *before* it is handed to the mail command and marked
/// `sent` after. A run killed in between leaves it `sending`; a later run finds it `sending`
/// for longer than ``staleSeconds`` and sends it again, with the same `Message-ID`. So a kill
/// costs at most one duplicate, never a lost message. A run at the same time sees the fresh
/// `sending` claim and leaves the message alone: two runs never send the same message.
struct MailSender {
    /// How long a `sending` claim is trusted to belong to a run still at it (10 minutes, or
    /// `SAMVERKAN_MAIL_STALE_SECONDS`).
    static var staleSeconds: Int {
        ProcessInfo.processInfo.environment["SAMVERKAN_MAIL_STALE_SECONDS"].flatMap { Int($0) } ?? 600
    }

    /// What happened to the messages of a run.
    struct Outcome {
        var sent: [MailSending] = []
        var failed: [(MailSending, String)] = []
        /// Already sent, or being sent by another run.
        var skipped = 0
    }

    let database: any MeetingStore
    let delivery: MailDelivery
    let phrases: Phrasebook
    let global: GlobalOptions

    /// Claims, sends and records each message; prints one line per message (failures on
    /// standard error). A dry run records nothing and writes `.eml` files of what is not yet sent.
    /// - Parameter messages: each log entry with the message rendered for a `Message-ID`.
    func send(_ messages: [(MailSending, (String) -> String)]) async throws -> Outcome {
        var outcome = Outcome()
        if delivery.dryRunFolder != nil {
            let sent = Set(try await global.store { try await database.mailLog(status: .sent) }.map(\.key))
            for (sending, render) in messages {
                if sent.contains(sending.key) {
                    outcome.skipped += 1
                    continue
                }
                try delivery.deliver(render(sending.messageID), name: Self.fileName(sending))
                outcome.sent.append(sending)
            }
            return outcome
        }
        for (candidate, render) in messages {
            let now = Date()
            guard
                let claimed = try await global.store({
                    try await database.claimMail(
                        [candidate], now: Self.iso(now),
                        staleBefore: Self.iso(now.addingTimeInterval(-Double(Self.staleSeconds))))
                }).first
            else {
                outcome.skipped += 1
                continue
            }
            let kind = phrases.text("notify.kind.\(claimed.kind.rawValue)")
            do {
                try delivery.deliver(render(claimed.messageID), name: Self.fileName(claimed))
                try await global.store { try await database.finishMail(key: claimed.key, sent: true, now: Self.iso(Date())) }
                outcome.sent.append(claimed)
                print(phrases.text("notify.sent", ["kind": kind, "recipient": claimed.recipient]))
            } catch let error as CLIError where error.code.hasPrefix("mail.") {
                let detail = ErrorMessages.load(language: global.language).message(for: error)
                try await global.store {
                    try await database.finishMail(key: claimed.key, sent: false, error: detail, now: Self.iso(Date()))
                }
                outcome.failed.append((claimed, detail))
                global.warn(phrases.text("notify.failed", ["kind": kind, "recipient": claimed.recipient, "error": detail]))
            }
        }
        return outcome
    }

    /// `notice-rug-2025-05-08-anna_example.se.eml`: the key as a file name.
    static func fileName(_ sending: MailSending) -> String {
        String(sending.key.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" }) + ".eml"
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
