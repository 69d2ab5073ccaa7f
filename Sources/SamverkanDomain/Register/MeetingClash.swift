public import SamverkanTime

/// Meetings that overlap in time for the same member organisation or the same named person,
/// e.g. "Hemsjukvården Halmstad: 5 meetings 2025-01-29 14:00–15:00", so a coordinator can spread
/// them out.
public struct MeetingClash: Sendable, Hashable {
    /// Who is expected at every one of the meetings.
    public enum Party: Sendable, Hashable {
        case organisation(String)
        case person(String)

        /// The organisation's or person's id.
        public var id: String {
            switch self {
            case .organisation(let id), .person(let id): id
            }
        }
    }

    public var party: Party
    /// The overlapping meetings, by start.
    public var meetings: [RegisteredMeeting]

    public init(party: Party, meetings: [RegisteredMeeting]) {
        self.party = party
        self.meetings = meetings
    }

    /// From the first start to the last end.
    public var start: LocalDateTime { meetings.map(\.start).min()! }
    public var end: LocalDateTime { meetings.map(\.end).max()! }

    /// The clashes among held meetings: for each member organisation, and for each person named
    /// as participant, chair or secretary (a person only where their organisation's clash does
    /// not already cover the same meetings).
    public static func find(in meetings: [RegisteredMeeting], configuration: RegionConfiguration) -> [MeetingClash] {
        let structures = Dictionary(configuration.structures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byParty: [Party: [RegisteredMeeting]] = [:]
        for meeting in meetings where meeting.isHeld {
            guard let structure = structures[meeting.structureID] else { continue }
            for member in Set(structure.members) { byParty[.organisation(member), default: []].append(meeting) }
            let named = Set(structure.participants + [structure.chair, structure.secretary].compactMap { $0 })
            for person in named { byParty[.person(person), default: []].append(meeting) }
        }
        var clashes: [MeetingClash] = []
        var covered: Set<[String]> = []
        let order = byParty.keys.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        for party in order {
            for group in overlapping(byParty[party]!) {
                let key = [party.organisationKey(configuration)] + group.map { "\($0.structureID)|\($0.plannedDate.iso)" }
                if case .person = party, covered.contains(key) { continue }
                covered.insert(key)
                clashes.append(MeetingClash(party: party, meetings: group))
            }
        }
        return clashes.sorted { ($0.start, $0.party.rank, $0.party.id) < ($1.start, $1.party.rank, $1.party.id) }
    }

    /// Groups of two or more meetings whose times overlap (chained: a–b and b–c make one group).
    static func overlapping(_ meetings: [RegisteredMeeting]) -> [[RegisteredMeeting]] {
        let sorted = meetings.sorted { ($0.start, $0.structureID) < ($1.start, $1.structureID) }
        var groups: [[RegisteredMeeting]] = []
        var current: [RegisteredMeeting] = []
        var end: LocalDateTime?
        for meeting in sorted {
            if let until = end, meeting.start < until {
                current.append(meeting)
                end = max(until, meeting.end)
            } else {
                if current.count > 1 { groups.append(current) }
                current = [meeting]
                end = meeting.end
            }
        }
        if current.count > 1 { groups.append(current) }
        return groups
    }
}

extension MeetingClash.Party {
    var rank: Int {
        switch self {
        case .organisation: 0
        case .person: 1
        }
    }

    /// The organisation a clash is about (a person's own organisation), to skip person clashes
    /// their organisation's clash already reports.
    func organisationKey(_ configuration: RegionConfiguration) -> String {
        switch self {
        case .organisation(let id): id
        case .person(let id): configuration.person(id)?.organisation ?? "person:\(id)"
        }
    }
}
