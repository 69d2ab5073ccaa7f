/// Which side of the collaboration an organisation belongs to.
public enum Principal: String, Sendable, Codable, CaseIterable {
    /// The region (*regionen*): hospitals, primary care, care centres under vårdval.
    case region
    /// A municipality (*kommunen*): home health care, elderly care, social services.
    case municipality
    /// Neither (e.g. SKR or an outside party).
    case other
}

/// What kind of organisation a unit is.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case region
    case municipality
    /// A care centre (*vårdcentral*, in RJH *hälsocentral*).
    case careCentre = "care-centre"
    /// A municipality's home health care (*kommunal hälso- och sjukvård*, *hemsjukvård*).
    case homeHealthCare = "home-health-care"
    /// A unit of the region other than a care centre (e.g. *Närsjukvården*).
    case regionUnit = "region-unit"
    /// A unit of a municipality other than home health care (e.g. social services).
    case municipalUnit = "municipal-unit"
    case other
}

/// Who runs a care centre: the region itself, or a private provider under the care-choice system.
public enum Operator: Sendable, Hashable, Codable {
    case regional
    /// A private provider under *vårdval*, with the provider's name if known.
    case privateProvider(String?)

    /// `regional` or `private`, as in configuration and JSON.
    public var code: String {
        switch self {
        case .regional: return "regional"
        case .privateProvider: return "private"
        }
    }
}

/// An organisation or unit that takes part in collaboration: a region, a municipality, a care
/// centre, a home health care unit, or another unit.
public struct Organisation: Sendable, Hashable, Identifiable {
    /// Stable id used in configuration, calendars and reports (e.g. `halmstad`).
    public let id: String
    public var name: String
    public var kind: OrganisationKind
    /// The municipality a unit belongs to (care centres, home health care, municipal units).
    public var municipality: String?
    /// Who runs a care centre.
    public var `operator`: Operator?
    /// Whether the name is an invented example rather than taken from a public list.
    public var illustrative: Bool = false
    /// A functional mailbox (for the region: the organizer of published calendars).
    public var email: String?

    public init(
        id: String, name: String, kind: OrganisationKind,
        municipality: String? = nil, operator: Operator? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.municipality = municipality
        self.operator = `operator`
    }

    /// The side of the collaboration this organisation is on.
    public var principal: Principal {
        switch kind {
        case .region, .careCentre, .regionUnit:
            // A private care centre is still part of the region's primary care (vårdval).
            return .region
        case .municipality, .homeHealthCare, .municipalUnit:
            return .municipality
        case .other:
            return .other
        }
    }
}

/// A person who takes part in meetings.
public struct Person: Sendable, Hashable, Identifiable {
    public let id: String
    public var name: String
    /// The person's role, e.g. *Socialchef* or *Verksamhetschef*.
    public var role: String?
    /// The id of the organisation the person belongs to.
    public var organisation: String
    public var email: String?

    public init(id: String, name: String, role: String? = nil, organisation: String, email: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.organisation = organisation
        self.email = email
    }
}
