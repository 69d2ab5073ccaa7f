/// A member organisation's attendance when nobody configured for it is in the attendance list
/// (no person configured, or someone else came): the organisation is marked present, with the
/// name of who came as typed in the draft.
///
/// It counts for attendance like a present person of the organisation: per principal, per
/// member organisation and in the compliance report.
public struct OrganisationAttendance: Sendable, Hashable, Codable {
    public var organisationID: String
    /// The side the organisation is on, kept for attendance reports per principal.
    public var principal: Principal
    public var present: Bool
    /// Who came for the organisation (free text, checked by ``IdentityNumberGuard``); may be empty.
    public var attendee: String

    public init(organisationID: String, principal: Principal, present: Bool, attendee: String = "") {
        self.organisationID = organisationID
        self.principal = principal
        self.present = present
        self.attendee = attendee
    }
}
