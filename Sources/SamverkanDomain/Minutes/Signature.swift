public import SamverkanTime

/// One signature of minutes (*justering*): a required signatory signed them on a day.
///
/// Minutes are approved when the last required signatory has signed; until then they are
/// partly signed and each signature is kept on its own.
public struct Signature: Sendable, Hashable, Codable {
    /// The signatory's name (the configured person's name, as in ``Approval/by``).
    public var name: String
    /// The day the signatory signed.
    public var date: LocalDate
    /// When the signature was recorded (ISO 8601, UTC).
    public var recordedAt: String

    public init(name: String, date: LocalDate, recordedAt: String) {
        self.name = name
        self.date = date
        self.recordedAt = recordedAt
    }
}

/// A signature in the minutes archive (`minutes export`), with the minutes it belongs to.
public struct ArchivedSignature: Sendable, Hashable, Codable {
    public var minutesID: Int64
    public var signature: Signature

    public init(minutesID: Int64, signature: Signature) {
        self.minutesID = minutesID
        self.signature = signature
    }
}

/// Minutes that wait for justering: what `minutes pending` and the approval reminder read.
public struct PendingMinutes: Sendable, Hashable {
    public var id: Int64
    public var structureID: String
    public var date: LocalDate
    /// The chair as written in the minutes.
    public var chair: String
    /// The approvers (*justerare*) as written in the minutes.
    public var approvers: [String]
    /// The signatures given so far, in order.
    public var signatures: [Signature]
    /// For a correction: the minutes it corrects (their signatures do not carry over to it).
    public var amends: Int64?
    /// The day the record was saved (nil when not known).
    public var savedOn: LocalDate?

    public init(
        id: Int64, structureID: String, date: LocalDate, chair: String, approvers: [String], signatures: [Signature],
        amends: Int64? = nil, savedOn: LocalDate? = nil
    ) {
        self.id = id
        self.structureID = structureID
        self.date = date
        self.chair = chair
        self.approvers = approvers
        self.signatures = signatures
        self.amends = amends
        self.savedOn = savedOn
    }

    /// The day the wait for justering counts from: the meeting, or the day a correction was
    /// saved (``Justering/waitingSince(meeting:saved:isCorrection:)``).
    public var waitingSince: LocalDate { Justering.waitingSince(meeting: date, saved: savedOn, isCorrection: amends != nil) }
}
