import Foundation
import SamverkanDomain
import SamverkanTime

extension ComplianceReport {
    /// The report as JSON (`schemaVersion: 2`, keys sorted, absent values left out, shares as
    /// fractions 0–1 rounded to four decimals); the schema is documented in README.md and
    /// `Docs/compliance-report.schema.json`.
    public func json() throws -> String {
        try ReportJSON.text(
            JSONReport(self, structures: false), filling: "structures",
            with: structures.lazy.map { JSONReport.Structure($0) })
    }
}

struct JSONReport: Encodable {
    struct Period: Encodable { let label: String, from: String, to: String }
    struct Group: Encodable {
        let key: String, name: String?, `operator`: String?, structures: [String], figures: JSONFigures
    }
    struct Cancellation: Encodable { let date: String, reason: String }
    /// The heat map's columns: their unit and labels, in order.
    struct HeatMap: Encodable { let unit: String, columns: [String] }
    struct Structure: Encodable {
        let id: String, name: String, kind: String, municipality: String?, careCentre: String?, `operator`: String?
        let starts: String, until: String?, attendanceMeasure: String
        let figures: JSONFigures
        let cells: [StructureCompliance.Cell]
        let cancellations: [Cancellation]
        let missed: [String]
        let organisations: [Organisation]

        init(_ row: StructureCompliance) {
            id = row.id
            name = row.name
            kind = row.kind.rawValue
            municipality = row.municipality
            careCentre = row.careCentre
            `operator` = row.careCentreOperator
            starts = row.starts.iso
            until = row.until?.iso
            attendanceMeasure = row.attendanceMeasure.rawValue
            figures = JSONFigures(row.figures)
            cells = row.cells
            cancellations = row.cancellations.map { Cancellation(date: $0.date.iso, reason: $0.reason) }
            missed = row.missedDates.map(\.iso)
            organisations = row.organisations.map {
                Organisation(
                    id: $0.id, name: $0.name, principal: $0.principal.rawValue, attended: $0.attended, meetings: $0.meetings,
                    share: FigureFormatter.rounded($0.share))
            }
        }
    }
    /// Attendance of one member organisation of a structure.
    struct Organisation: Encodable {
        let id: String, name: String, principal: String, attended: Int, meetings: Int, share: Double?
    }

    let schemaVersion = 2
    let region: String
    let period: Period
    let today: String, asOf: String, timing: String, by: String
    let heatMap: HeatMap
    /// Corrections of the period's approved minutes waiting for approval (the originals count).
    let pendingCorrections: Int
    let total: JSONFigures
    let groups: [Group]
    let structures: [Structure]

    /// The report; without its structures (an empty array) for ``ReportJSON/text(_:filling:with:)``.
    init(_ report: ComplianceReport, structures withStructures: Bool = true) {
        region = report.regionName
        period = Period(label: report.period.label, from: report.period.from.iso, to: report.period.to.iso)
        today = report.today.iso
        asOf = report.asOf.iso
        timing = report.timing.rawValue
        by = report.dimension.rawValue
        heatMap = HeatMap(
            unit: report.columns.first?.unit.rawValue ?? HeatMapColumn.Unit.month.rawValue, columns: report.columns.map(\.label))
        pendingCorrections = report.pendingCorrections
        total = JSONFigures(report.total)
        groups = report.groups.map {
            Group(
                key: $0.key, name: $0.name, operator: $0.careCentreOperator, structures: $0.structureIDs,
                figures: JSONFigures($0.figures))
        }
        structures = withStructures ? report.structures.map { Structure($0) } : []
    }
}

struct JSONFigures: Encodable {
    struct Item: Encodable { let id: String, title: String?, covered: Int, meetings: Int, share: Double? }
    struct Content: Encodable { let covered: Int, possible: Int, share: Double?, items: [Item] }
    struct Attendance: Encodable { let meetings: Int, share: Double? }
    struct MinutesFigures: Encodable {
        let approved: Int, approvedShare: Double?, medianDaysToApproval: Double?
        let approvedWithin14Days: Int, approvedWithin14DaysShare: Double?
    }
    struct Actions: Encodable { let created: Int, done: Int, open: Int, overdue: Int }

    let structures: Int, expected: Int, held: Int, heldPlanned: Int, extra: Int, cancelled: Int, missed: Int, upcoming: Int
    let compliance: Double?
    let content: Content
    let attendance: Attendance
    let minutes: MinutesFigures
    let actions: Actions

    init(_ figures: ComplianceFigures) {
        structures = figures.structures
        expected = figures.expected
        held = figures.held
        heldPlanned = figures.heldPlanned
        extra = figures.extra
        cancelled = figures.cancelled
        missed = figures.missed
        upcoming = figures.upcoming
        compliance = FigureFormatter.rounded(figures.compliance)
        content = Content(
            covered: figures.agendaCovered, possible: figures.agendaPossible,
            share: FigureFormatter.rounded(figures.contentShare),
            items: figures.items.keys.sorted().map { key in
                let count = figures.items[key]!
                return Item(
                    id: key.id, title: key.title, covered: count.covered, meetings: count.meetings,
                    share: FigureFormatter.rounded(count.share))
            })
        attendance = Attendance(meetings: figures.attendanceMeetings, share: FigureFormatter.rounded(figures.attendanceShare))
        minutes = MinutesFigures(
            approved: figures.approved, approvedShare: FigureFormatter.rounded(figures.approvedShare),
            medianDaysToApproval: figures.medianApprovalDays, approvedWithin14Days: figures.approvedInTime,
            approvedWithin14DaysShare: FigureFormatter.rounded(figures.approvedInTimeShare))
        actions = Actions(
            created: figures.actionsCreated, done: figures.actionsDone, open: figures.actionsOpen,
            overdue: figures.actionsOverdue)
    }
}
