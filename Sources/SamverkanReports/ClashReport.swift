public import SamverkanDomain
public import SamverkanRendering
import SamverkanTime

/// Meetings that overlap for the same member organisation or person, in words: a table for
/// `samverkan schedule --clashes`, and one summary line per party for `samverkan validate`.
public struct ClashReport: Sendable {
    public let configuration: RegionConfiguration
    public let phrases: Phrasebook

    public init(configuration: RegionConfiguration, phrases: Phrasebook) {
        self.configuration = configuration
        self.phrases = phrases
    }

    /// The organisation's or person's name.
    public func name(of party: MeetingClash.Party) -> String {
        switch party {
        case .organisation(let id): configuration.organisation(id)?.name ?? id
        case .person(let id): configuration.person(id)?.name ?? id
        }
    }

    /// One row per clash: date, time, who, how many meetings, which structures.
    public func table(_ clashes: [MeetingClash]) -> String {
        let rows = clashes.map { clash in
            [
                clash.start.date.iso, "\(clash.start.time)–\(clash.end.time)", name(of: clash.party),
                String(clash.meetings.count), clash.meetings.map(\.structureID).joined(separator: ", "),
            ]
        }
        let header = ["table.date", "table.time", "clash.party", "clash.count", "clash.structures"].map { phrases.text($0) }
        return TextTable(header: header, rows: rows).render()
    }

    /// One line per party with clashes: how many, the first, and where to see them all, e.g.
    /// "Hemsjukvården Halmstad: 13 krockar, den första 2025-01-29 14:00–15:00 (5 möten: …)".
    public func summary(_ clashes: [MeetingClash]) -> [String] {
        var order: [MeetingClash.Party] = []
        var byParty: [MeetingClash.Party: [MeetingClash]] = [:]
        for clash in clashes {
            if byParty[clash.party] == nil { order.append(clash.party) }
            byParty[clash.party, default: []].append(clash)
        }
        return order.map { party in
            let all = byParty[party]!
            let first = all[0]
            return phrases.text(
                "clash.summary",
                [
                    "party": name(of: party), "count": String(all.count), "date": first.start.date.iso,
                    "from": first.start.time.description, "to": first.end.time.description,
                    "meetings": String(first.meetings.count),
                    "structures": first.meetings.map(\.structureID).joined(separator: ", "),
                ])
        }
    }
}
