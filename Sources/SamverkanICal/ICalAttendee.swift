/// A person in a calendar: an `ORGANIZER`, or an `ATTENDEE` with `CN`, `ROLE` and `RSVP`.
public struct ICalAttendee: Sendable, Hashable {
    /// The participation role (RFC 5545 §3.2.16).
    public enum Role: String, Sendable, Hashable {
        case chair = "CHAIR"
        case required = "REQ-PARTICIPANT"
        case optional = "OPT-PARTICIPANT"
        case nonParticipant = "NON-PARTICIPANT"
    }

    public var email: String
    /// The display name (`CN`).
    public var commonName: String?
    public var role: Role
    /// Whether a reply is requested.
    public var rsvp: Bool

    public init(email: String, commonName: String?, role: Role = .required, rsvp: Bool = true) {
        self.email = email
        self.commonName = commonName
        self.role = role
        self.rsvp = rsvp
    }
}
