import SamverkanDomain
import SamverkanReports
import SamverkanTime

/// A small region with a known first half of 2025, for the compliance report tests. Every figure
/// the tests expect is worked out by hand in the comments.
enum ComplianceFixture {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static let configuration: RegionConfiguration = {
        let region = Organisation(id: "region-test", name: "Region Test", kind: .region)
        var privateCentre = Organisation(
            id: "vc-a2", name: "Läkarhuset Alby", kind: .careCentre, municipality: "alby",
            operator: .privateProvider("Läkarhuset AB"))
        privateCentre.illustrative = true
        let organisations = [
            region,
            Organisation(id: "alby", name: "Alby kommun", kind: .municipality),
            Organisation(id: "bstad", name: "Bstads kommun", kind: .municipality),
            Organisation(id: "vc-a1", name: "Vårdcentralen Alby", kind: .careCentre, municipality: "alby", operator: .regional),
            privateCentre,
            Organisation(id: "vc-b1", name: "Vårdcentralen Bstad", kind: .careCentre, municipality: "bstad", operator: .regional),
            Organisation(id: "hsv-a", name: "Hemsjukvården Alby", kind: .homeHealthCare, municipality: "alby"),
            Organisation(id: "hsv-b", name: "Hemsjukvården Bstad", kind: .homeHealthCare, municipality: "bstad"),
        ]
        let people = organisations.map { Person(id: "p-\($0.id)", name: "Chef \($0.name)", role: "Chef", organisation: $0.id) }
        let agenda = [
            AgendaItem(id: "fast-vardkontakt", title: "Fast vårdkontakt", focusAreas: [FocusArea(rawValue: 1)!]),
            AgendaItem(id: "utskrivning", title: "Utskrivning från sjukhus", grantPoints: [GrantPoint(rawValue: 2)!]),
        ]
        let secondTuesday = Frequency.monthlyWeekday(ordinal: 2, weekday: .tuesday, interval: 1)
        let time = LocalTime(hour: 13, minute: 0)!
        let structures = [
            // 2025-H1: Jan 14, Feb 11, Mar 11, Apr 8, May 13, Jun 10 (no holidays) → 6 expected.
            CollaborationStructure(
                id: "single-a1", name: "Vårdcentralen Alby och hemsjukvården", kind: .single,
                municipality: "alby", careCentre: "vc-a1", members: ["vc-a1", "hsv-a"], frequency: secondTuesday,
                starts: date("2025-01-01"), time: time, durationMinutes: 60, standingAgenda: agenda),
            // Starts mid-period: Apr 8, May 13, Jun 10 → 3 expected. No standing agenda.
            CollaborationStructure(
                id: "single-a2", name: "Läkarhuset Alby och hemsjukvården", kind: .single,
                municipality: "alby", careCentre: "vc-a2", members: ["vc-a2", "hsv-a"], frequency: secondTuesday,
                starts: date("2025-04-01"), time: time, durationMinutes: 60),
            // Feb 5 and May 7 in the period (Sep 3 after it) → 2 expected.
            CollaborationStructure(
                id: "group-alby", name: "Gruppnivå Alby", kind: .group, municipality: "alby",
                members: ["vc-a1", "vc-a2", "hsv-a", "alby"],
                frequency: .dates([date("2025-02-05"), date("2025-05-07"), date("2025-09-03")]),
                starts: date("2025-01-01"), time: time, durationMinutes: 90),
            // Mar 13 and Jun 12 → 2 expected.
            CollaborationStructure(
                id: "rug", name: "RUG", kind: .rug, members: ["region-test", "alby", "bstad"],
                frequency: .dates([date("2025-03-13"), date("2025-06-12")]),
                starts: date("2025-01-01"), time: time, durationMinutes: 120,
                standingAgenda: [agenda[0]]),
            // Starts after the period: not in a 2025-H1 report.
            CollaborationStructure(
                id: "single-b1", name: "Vårdcentralen Bstad och hemsjukvården", kind: .single,
                municipality: "bstad", careCentre: "vc-b1", members: ["vc-b1", "hsv-b"], frequency: secondTuesday,
                starts: date("2025-09-01"), time: time, durationMinutes: 60),
        ]
        // Halland's four focus areas and the grant points its plan links them to.
        let areas = [(1, [1, 2, 3, 5, 6]), (2, [2, 5, 6, 8]), (3, [1, 2, 3, 4, 5, 6, 7]), (4, [3, 5, 6])].map { number, points in
            FocusAreaDefinition(
                area: FocusArea(rawValue: number)!, name: "Insatsområde \(number) i planen",
                grantPoints: points.compactMap(GrantPoint.init(rawValue:)))
        }
        return RegionConfiguration(
            region: region, organisations: organisations, people: people, structures: structures,
            focusAreas: areas)
    }()

    static func meeting(
        _ structure: String, _ day: String, planned: Bool = true, approved: String? = nil,
        present: [String], covered: Set<String> = []
    ) -> MeetingRecord {
        let principals = Set(present.compactMap { configuration.organisation($0)?.principal })
        return MeetingRecord(
            structureID: structure, date: date(day), plannedDate: planned ? date(day) : nil,
            approvedOn: approved.map(date), presentOrganisations: Set(present),
            presentPrincipals: principals, coveredItems: covered)
    }

    static let both: Set<String> = ["fast-vardkontakt", "utskrivning"]

    /// single-a1: held Jan 14, Feb 11, May 13, Jun 10 and an extra Mar 20; Mar 11 cancelled; Apr 8 missed.
    /// single-a2: all three held, none approved. group-alby: Feb 5 held (3 of 4 members), May 7 missed.
    /// rug: both held, 2 of 3 and 3 of 3 members, approved after 14 and 18 days.
    static let records: [MeetingRecord] = [
        meeting("single-a1", "2025-01-14", approved: "2025-01-20", present: ["vc-a1", "hsv-a"], covered: both),
        meeting("single-a1", "2025-02-11", approved: "2025-03-03", present: ["vc-a1"], covered: ["fast-vardkontakt"]),
        meeting("single-a1", "2025-03-20", planned: false, approved: "2025-03-25", present: ["vc-a1", "hsv-a"], covered: both),
        meeting("single-a1", "2025-05-13", present: ["vc-a1", "hsv-a"], covered: both),
        meeting("single-a1", "2025-06-10", approved: "2025-06-17", present: ["vc-a1", "hsv-a"]),
        meeting("single-a2", "2025-04-08", present: ["vc-a2", "hsv-a"]),
        meeting("single-a2", "2025-05-13", present: ["vc-a2", "hsv-a"]),
        meeting("single-a2", "2025-06-10", present: ["vc-a2", "hsv-a"]),
        meeting("group-alby", "2025-02-05", present: ["vc-a1", "hsv-a", "alby"]),
        meeting("rug", "2025-03-13", approved: "2025-03-27", present: ["region-test", "alby"], covered: ["fast-vardkontakt"]),
        meeting("rug", "2025-06-12", approved: "2025-06-30", present: ["region-test", "alby", "bstad"]),
    ]
    static let cancellations = [CancellationRecord(structureID: "single-a1", date: date("2025-03-11"), reason: "Sjukdom")]
    /// Statuses as known at the end of June.
    static let actions = [
        ActionRecord(structureID: "single-a1", decidedOn: date("2025-01-14"), due: date("2025-03-31"), status: .done),
        ActionRecord(structureID: "single-a1", decidedOn: date("2025-02-11"), due: date("2025-04-30"), status: .notStarted),
        ActionRecord(structureID: "single-a1", decidedOn: date("2025-06-10"), due: date("2025-09-30"), status: .inProgress),
    ]

    /// The fixture's history of a period, summed as the store would.
    static func history(_ period: String, today: String = "2025-07-01") -> MeetingHistory {
        let period = ReportPeriod(parsing: period)!
        return MeetingHistory(
            records: records, cancellations: cancellations, actions: actions, period: period,
            asOf: min(period.to, date(today)))
    }

    static func report(
        _ period: String = "2025-H1", today: String = "2025-07-01", by dimension: ComplianceDimension = .municipality,
        history: MeetingHistory? = nil
    ) async throws -> ComplianceReport {
        let history = history ?? Self.history(period, today: today)
        return try await ComplianceReport.build(
            configuration: configuration, structures: configuration.structures,
            period: ReportPeriod(parsing: period)!, today: date(today), by: dimension
        ) { history }
    }
}
