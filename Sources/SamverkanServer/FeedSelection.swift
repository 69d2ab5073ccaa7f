public import SamverkanDomain
public import SamverkanRendering

/// What a calendar holds: one person's, one organisation's, some structures' or all meetings.
/// The same selection gives the same calendar from `calendar export` and from a feed.
public enum FeedSelection: Sendable, Hashable {
    case person(email: String)
    case organisation(id: String)
    case structures(ids: [String])
    case all

    /// The selection a stored feed was made for.
    /// - Throws: ``FeedError`` for a kind this version does not know.
    public init(kind: String, value: String) throws {
        switch kind {
        case "person": self = .person(email: value)
        case "organisation": self = .organisation(id: value)
        case "structure": self = .structures(ids: value.split(separator: ",").map(String.init))
        case "all": self = .all
        default: throw FeedError.badSelection(kind)
        }
    }

    /// The kind stored in `feeds.selection_kind`.
    public var kind: String {
        switch self {
        case .person: "person"
        case .organisation: "organisation"
        case .structures: "structure"
        case .all: "all"
        }
    }

    /// The value stored in `feeds.selection_value`.
    public var value: String {
        switch self {
        case .person(let email): email
        case .organisation(let id): id
        case .structures(let ids): ids.joined(separator: ",")
        case .all: ""
        }
    }

    /// The structures the selection holds.
    /// - Throws: ``LookupError`` for an unknown id, ``FeedError`` when nothing is selected.
    public func resolve(in configuration: RegionConfiguration) throws -> [CollaborationStructure] {
        switch self {
        case .all:
            return configuration.structures
        case .organisation(let id):
            guard configuration.organisation(id) != nil else {
                throw LookupError(kind: "organisation", ids: [id], known: configuration.organisations.map(\.id))
            }
            let found = configuration.structures(involving: id)
            guard !found.isEmpty else { throw FeedError("organisation.no-structures", ["organisation": id]) }
            return found
        case .person(let email):
            let found = configuration.structures(forEmail: email)
            guard !found.isEmpty else { throw FeedError("person.no-structures") }
            return found
        case .structures(let ids):
            return try configuration.structures(withIDs: ids)
        }
    }

    /// The calendar's `X-WR-CALNAME`: the person's, the single structure's, or the region's.
    public func calendarName(
        _ chosen: [CollaborationStructure], in configuration: RegionConfiguration,
        phrases: Phrasebook
    ) -> String {
        if case .person(let email) = self,
            let person = configuration.people.first(where: { $0.email?.lowercased() == email.lowercased() })
        {
            return phrases.text("calendar.name.person", ["name": person.name])
        }
        return chosen.count == 1
            ? phrases.text("calendar.name.one", ["name": chosen[0].name])
            : phrases.text("calendar.name.all", ["region": configuration.region.name])
    }
}
