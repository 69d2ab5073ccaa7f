public import SamverkanTime

/// One line of `minutes list`: a recorded or cancelled meeting.
public struct MinutesSummary: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Recorded, not yet approved.
        case draft
        case approved
        /// The meeting was cancelled (`minutes cancel`); ``id`` is nil.
        case cancelled
    }

    public var id: Int64?
    public var structureID: String
    public var date: LocalDate
    public var status: Status
    public var extra: Bool
    public var amends: Int64?
    /// The record that corrects this one, if any.
    public var amendedBy: Int64?
    public var approvedOn: LocalDate?
    public var decisions: Int
    public var newActions: Int
    /// The reason of a cancelled meeting.
    public var reason: String?
    /// Who approved the minutes (empty until approved).
    public var approvedBy: [String]
    /// Who has signed so far, in order (partly signed minutes have signatures but no approval).
    public var signedBy: [String]
    /// Whether the record counts (in actions, reports, the next draft): false when an approved
    /// correction supersedes it, or when it is a correction waiting for approval of approved
    /// minutes, which count until then.
    public var counts: Bool

    public init(
        id: Int64?, structureID: String, date: LocalDate, status: Status, extra: Bool = false,
        amends: Int64? = nil, amendedBy: Int64? = nil, approvedOn: LocalDate? = nil,
        decisions: Int = 0, newActions: Int = 0, reason: String? = nil, approvedBy: [String] = [], signedBy: [String] = [],
        counts: Bool = true
    ) {
        self.id = id
        self.structureID = structureID
        self.date = date
        self.status = status
        self.extra = extra
        self.amends = amends
        self.amendedBy = amendedBy
        self.approvedOn = approvedOn
        self.decisions = decisions
        self.newActions = newActions
        self.reason = reason
        self.approvedBy = approvedBy
        self.signedBy = signedBy
        self.counts = counts
    }

    /// Whether a correction of these minutes waits for approval while they count.
    public var correctionPending: Bool { amendedBy != nil && counts }
}

/// A meeting recorded as cancelled.
public struct CancelledMeeting: Sendable, Hashable, Codable {
    public var structureID: String
    public var date: LocalDate
    public var reason: String
    public var createdAt: String

    public init(structureID: String, date: LocalDate, reason: String, createdAt: String) {
        self.structureID = structureID
        self.date = date
        self.reason = reason
        self.createdAt = createdAt
    }
}

/// Everything the store holds about minutes, and the coordinators' decisions about meetings:
/// the `minutes export --format json` document.
public struct MinutesArchive: Sendable, Hashable, Codable {
    /// The version ``MinutesArchive`` writes: 2 added ``meetingDecisions``.
    public static let currentSchemaVersion = 2

    /// The format's version; fields are only ever added. A reader refuses a version newer than
    /// it knows (an older samverkan would drop the meeting decisions of version 2 unread).
    public var schemaVersion: Int
    public var minutes: [Minutes]
    /// The meetings cancelled as things stand (read from ``meetingDecisions`` when present).
    public var cancelled: [CancelledMeeting]
    /// Every signature, each signatory's day included, and those of partly signed minutes
    /// (nil in archives without any, and in those written before signatures were kept).
    public var signatures: [ArchivedSignature]?
    /// Every coordinator decision about a meeting (cancel, move, add, restore, with who and
    /// when), oldest first; nil in archives written before version 2, which hold only
    /// ``cancelled``.
    public var meetingDecisions: [MeetingDecision]?

    public init(
        schemaVersion: Int = currentSchemaVersion, minutes: [Minutes], cancelled: [CancelledMeeting],
        signatures: [ArchivedSignature]? = nil, meetingDecisions: [MeetingDecision]? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.minutes = minutes
        self.cancelled = cancelled
        self.signatures = signatures
        self.meetingDecisions = meetingDecisions
    }
}

/// A search hit of `minutes search`.
public struct MinutesSearchHit: Sendable, Hashable, Codable {
    public var id: Int64
    public var structureID: String
    public var date: LocalDate
    /// The matching passage, the match in `[` `]`.
    public var snippet: String
    /// The current version of the meeting's minutes, when this superseded record is shown
    /// because only it holds the words.
    public var replacedBy: Int64?
    /// A newer correction of the meeting's minutes that is not approved yet.
    public var pendingCorrection: Int64?

    public init(
        id: Int64, structureID: String, date: LocalDate, snippet: String, replacedBy: Int64? = nil, pendingCorrection: Int64? = nil
    ) {
        self.id = id
        self.structureID = structureID
        self.date = date
        self.snippet = snippet
        self.replacedBy = replacedBy
        self.pendingCorrection = pendingCorrection
    }
}
