public import SamverkanDomain

/// How many of a structure's held meetings one member organisation attended: someone of it
/// present (a configured person, a substitute, or the organisation marked present with who came).
public struct OrganisationPresence: Sendable, Hashable {
    public let id: String
    public let name: String
    public let principal: Principal
    /// Held meetings (with minutes) at which the organisation was present.
    public let attended: Int
    /// Held meetings of the structure (with minutes).
    public let meetings: Int

    public init(id: String, name: String, principal: Principal, attended: Int, meetings: Int) {
        self.id = id
        self.name = name
        self.principal = principal
        self.attended = attended
        self.meetings = meetings
    }

    /// attended / meetings, nil without meetings.
    public var share: Double? { meetings > 0 ? Double(attended) / Double(meetings) : nil }
}
