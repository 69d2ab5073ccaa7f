/// A standing agenda item: content the structure decided to cover at every meeting.
public struct AgendaItem: Sendable, Hashable, Identifiable {
    /// Stable id, used to follow up whether minutes cover it (e.g. `fast-vardkontakt`).
    public let id: String
    public var title: String
    /// Halland's focus areas (1–4) the item serves.
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

/// One of Halland's four focus areas (*insatsområden*) in the joint plan 2025.
public struct FocusArea: RawRepresentable, Sendable, Hashable, Comparable, Codable {
    public let rawValue: Int
    public init?(rawValue: Int) {
        guard (1...4).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// The points of §2 SFS 2024:1253 the plan links this area to.
    public var grantPoints: [GrantPoint] {
        let points: [Int]
        switch rawValue {
        case 1: points = [1, 2, 3, 5, 6]
        case 2: points = [2, 5, 6, 8]
        case 3: points = [1, 2, 3, 4, 5, 6, 7]
        default: points = [3, 5, 6]
        }
        return points.compactMap(GrantPoint.init(rawValue:))
    }

    public static func < (lhs: FocusArea, rhs: FocusArea) -> Bool { lhs.rawValue < rhs.rawValue }
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
