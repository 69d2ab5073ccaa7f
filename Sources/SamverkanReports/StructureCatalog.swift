import Foundation
public import SamverkanDomain
import SamverkanICal
public import SamverkanRendering
public import SamverkanTime

/// Builds the structure listing — every structure with members, frequency in words and next
/// meeting — as JSON or as a terminal table.
public struct StructureCatalog: Sendable {
    public let configuration: RegionConfiguration
    public let phrases: Phrasebook
    /// The day "next meeting" counts from.
    public let today: LocalDate
    public let scheduler: Scheduler

    public init(configuration: RegionConfiguration, phrases: Phrasebook, today: LocalDate, scheduler: Scheduler = Scheduler()) {
        self.configuration = configuration
        self.phrases = phrases
        self.today = today
        self.scheduler = scheduler
    }

    /// The next meeting held on or after today (holidays and breaks applied), if any in the
    /// coming two years.
    public func nextMeeting(of structure: CollaborationStructure) -> LocalDateTime? {
        for year in 0..<2 {
            let from = today.adding(days: 366 * year)
            let occurrences = (try? scheduler.occurrences(of: structure, from: from, through: from.adding(days: 365))) ?? []
            if let next = occurrences.first(where: \.isHeld) { return next.start }
        }
        return nil
    }

    /// The listing as the stable JSON document.
    public func listing() -> StructureListing {
        StructureListing(
            schemaVersion: 1,
            region: .init(id: configuration.region.id, name: configuration.region.name),
            structures: configuration.structures.map(summary))
    }

    /// Pretty-printed JSON with sorted keys, so output is stable between runs.
    public func json() throws -> String {
        try ReportJSON.text(listing())
    }

    func summary(_ structure: CollaborationStructure) -> StructureSummary {
        let members = structure.members.compactMap(configuration.organisation).map { org in
            StructureSummary.Member(
                id: org.id, name: org.name, kind: org.kind.rawValue, principal: org.principal.rawValue,
                operator: org.operator?.code,
                provider: org.operator.flatMap {
                    if case .privateProvider(let name) = $0 { return name } else { return nil }
                }, illustrative: org.illustrative ? true : nil)
        }
        let participants = configuration.participants(of: structure).map {
            StructureSummary.Participant(id: $0.id, name: $0.name, role: $0.role, organisation: $0.organisation, email: $0.email)
        }
        func reference(_ id: String?) -> StructureSummary.Reference? {
            id.flatMap(configuration.person).map { .init(id: $0.id, name: $0.name) }
        }
        var dates: [String]?
        if case .dates(let list) = structure.frequency { dates = list.map(\.iso) }
        let zone = try? ICalTimeZone.named(structure.timeZone)
        return StructureSummary(
            id: structure.id, name: structure.name, kind: structure.kind.rawValue, generated: structure.generated,
            municipality: structure.municipality, careCentre: structure.careCentre, members: members,
            participants: participants, chair: reference(structure.chair), secretary: reference(structure.secretary),
            frequency: .init(
                type: structure.frequency.type, rrule: structure.frequency.rrule, dates: dates,
                text: structure.frequency.words(phrases)),
            starts: structure.starts.iso, until: structure.until?.iso, time: structure.time.description,
            durationMinutes: structure.durationMinutes, timeZone: structure.timeZone, place: structure.place,
            videoLink: structure.videoLink,
            standingAgenda: structure.standingAgenda.map {
                .init(id: $0.id, title: $0.title, focusAreas: $0.focusAreas.map(\.rawValue), grantPoints: $0.grantPoints.map(\.rawValue))
            },
            focusAreas: structure.focusAreas.map(\.rawValue), grantPoints: structure.grantPoints.map(\.rawValue),
            holidayPolicy: structure.holidayPolicy.rawValue,
            breaks: structure.breaks.map { .init(name: $0.name, from: $0.fromText, to: $0.toText) },
            activities: structure.activities.map {
                .init(
                    id: $0.id, activity: $0.activity, responsible: $0.responsible, decidedBy: $0.decidedBy,
                    timePlan: $0.timePlan.code, status: $0.status.rawValue, followUp: $0.followUp)
            },
            nextMeeting: zip(nextMeeting(of: structure), zone).map { $1.iso8601($0) })
    }

    /// A plain-text table: id, kind, frequency in words, next meeting and members.
    public func table() -> String {
        let header = ["table.id", "table.kind", "table.frequency", "table.next", "table.members"].map { phrases.text($0) }
        let rows = configuration.structures.map { structure -> [String] in
            let next = nextMeeting(of: structure).map { "\($0.date.iso) \($0.time)" } ?? phrases.text("table.none")
            let members = structure.members.compactMap(configuration.organisation).map(\.name).joined(separator: ", ")
            return [structure.id, phrases.text("kind.\(structure.kind.rawValue)"), structure.frequency.words(phrases), next, members]
        }
        return TextTable(header: header, rows: rows).render()
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
