/// One message `samverkan` sends (or sent) to one recipient, as the mail log holds it.
///
/// The log makes sending idempotent: a message is identified by its ``key`` (what, to whom, for
/// which meeting or item, and when it became due), so a second run finds it and sends nothing
/// new. Its ``status`` goes `sending` → `sent`, or `failed` (retried on the next run).
public struct MailSending: Sendable, Hashable {
    /// What the message is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The notice (*kallelse*) before a meeting.
        case notice
        /// A reminder of overdue action items, to their responsible.
        case overdue
        /// A reminder to approve (*justera*) minutes.
        case approval
        /// A reminder to the secretary that a held meeting has no minutes.
        case missingMinutes = "missing-minutes"
        /// An iTIP REQUEST (`calendar invite --send`, `meeting move --notify`).
        case invitation
        /// An iTIP CANCEL (`calendar invite --cancel --send`, `meeting cancel --notify`).
        case cancellation
    }

    /// Where the sending stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Claimed and handed (or about to be handed) to the mail command; not yet confirmed.
        case sending
        /// The mail command accepted it.
        case sent
        /// The mail command failed; the next run tries again.
        case failed
    }

    public var kind: Kind
    /// What makes the message unique, e.g. `notice|rug|2025-05-08|anna@example.se`.
    public var key: String
    /// The recipient's address (several, comma-separated, for an iTIP message to all participants).
    public var recipient: String
    public var structureID: String?
    /// The meeting the message is about, if any.
    public var meetingDate: String?
    /// The action items (`#7,#9`) or minutes (`minutes #3`) the message is about, if any.
    public var item: String?
    /// The `Message-ID` (kept across retries).
    public var messageID: String
    public var status: Status
    /// How many times it was handed to the mail command.
    public var attempts: Int
    /// What the mail command said the last time it failed.
    public var lastError: String?
    /// ISO 8601 UTC: first claimed, last changed.
    public var createdAt: String
    public var updatedAt: String

    public init(
        kind: Kind, key: String, recipient: String, structureID: String? = nil, meetingDate: String? = nil,
        item: String? = nil, messageID: String, status: Status = .sending, attempts: Int = 0,
        lastError: String? = nil, createdAt: String = "", updatedAt: String = ""
    ) {
        self.kind = kind
        self.key = key
        self.recipient = recipient
        self.structureID = structureID
        self.meetingDate = meetingDate
        self.item = item
        self.messageID = messageID
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
