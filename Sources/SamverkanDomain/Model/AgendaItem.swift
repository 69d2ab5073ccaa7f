/// A standing agenda item: content the structure decided to cover at every meeting.
public struct AgendaItem: Sendable, Hashable, Identifiable {
    /// Stable id, used to follow up whether minutes cover it (e.g. `fast-vardkontakt`).
    public let id: String
    public var title: String
    /// The region's focus areas the item serves.
    public var focusAreas: [FocusArea]
    /// Points of §2 SFS 2024:1253 the item serves.
    public var grantPoints: [GrantPoint]

    public init(id: String, title: String, focusAreas: [FocusArea] = [], grantPoints: [GrantPoint] = []) {
        self.id = id
        self.title = title
        self.focusAreas = focusAreas
        self.grantPoints = grantPoints
    }
}

/// A focus area (*insatsområde*) of the region's own plan, by its number; what it is called and
/// which grant points it serves are configured per region (``FocusAreaDefinition``).
public struct FocusArea: RawRepresentable, Sendable, Hashable, Comparable, Codable {
    public let rawValue: Int
    public init?(rawValue: Int) {
        guard rawValue >= 1 else { return nil }
        self.rawValue = rawValue
    }

    public static func < (lhs: FocusArea, rhs: FocusArea) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A focus area as a region's configuration defines it (Halland's joint plan 2025 has four).
public struct FocusAreaDefinition: Sendable, Hashable {
    public var area: FocusArea
    /// What the plan calls it, e.g. "Fasta kontakter och relationer runt patienten".
    public var name: String
    /// The points of §2 SFS 2024:1253 the plan links the area to.
    public var grantPoints: [GrantPoint]

    public init(area: FocusArea, name: String, grantPoints: [GrantPoint]) {
        self.area = area
        self.name = name
        self.grantPoints = grantPoints
    }
}

/// A point (1–8) of §2 of the grant ordinance SFS 2024:1253.
public struct GrantPoint: RawRepresentable, Sendable, Hashable, Comparable, Codable {
    public let rawValue: Int
    public init?(rawValue: Int) {
        guard (1...8).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public static func < (lhs: GrantPoint, rhs: GrantPoint) -> Bool { lhs.rawValue < rhs.rawValue }
}
