import Foundation
public import SamverkanDomain
public import SamverkanRendering
public import SamverkanTime

/// The action plan (*handlingsplan*): every configured activity with who is responsible, its
/// time plan and its latest status — from the latest follow-up in the minutes, else as configured.
public struct ActionPlanReport: Sendable {
    /// One activity.
    public struct Row: Sendable, Hashable, Codable {
        public let structure: String
        public let id: String
        public let activity: String
        public let responsible: String
        public let decidedBy: String?
        /// `2025-02-21`, `2025-11`, `2025`, `ongoing` or `depends-on-national-work`.
        public let timePlan: String
        /// The status now: the latest follow-up's, else the configured one.
        public let status: ActivityStatus
        /// The day of the meeting that last followed it up, if any.
        public let followedUpOn: LocalDate?
        public let comment: String?
        /// Not done although its time plan has passed.
        public let late: Bool
    }

    public let asOf: LocalDate
    public let regionName: String
    public let rows: [Row]
    /// Corrections of approved minutes (of these structures, up to ``asOf``) waiting for
    /// approval: the follow-ups of the approved originals count until then.
    public var pendingCorrections = 0

    /// - Parameters:
    ///   - followUps: the latest follow-up per activity (`AppDatabase.activityFollowUps(through:)`).
    ///   - asOf: the day the status is judged at.
    public init(configuration: RegionConfiguration, structures: [CollaborationStructure], followUps: [ActivityRecord], asOf: LocalDate) {
        self.asOf = asOf
        regionName = configuration.region.name
        let latest = Dictionary(
            followUps.map { ($0.structureID + "\u{1F}" + $0.activityID, $0) }, uniquingKeysWith: { a, b in a.date >= b.date ? a : b })
        rows = structures.flatMap { structure in
            structure.activities.map { activity in
                let followUp = latest[structure.id + "\u{1F}" + activity.id]
                let status = followUp?.status ?? activity.status
                return Row(
                    structure: structure.id, id: activity.id, activity: activity.activity, responsible: activity.responsible,
                    decidedBy: activity.decidedBy, timePlan: activity.timePlan.code, status: status,
                    followedUpOn: followUp?.date, comment: followUp.map(\.comment).flatMap { $0.isEmpty ? nil : $0 },
                    late: status != .done && (activity.timePlan.lastDay.map { $0 < asOf } ?? false))
            }
        }
    }

    var header: [String] {
        [
            "plan.column.activity", "plan.column.responsible", "plan.column.time-plan", "plan.column.status",
            "plan.column.followed-up", "plan.column.comment", "report.column.structure-id", "actions.table.id",
        ]
    }

    func cells(_ row: Row, phrases: Phrasebook) -> [String] {
        let status = phrases.text(row.status.phraseKey) + (row.late ? " (\(phrases.text("actions.overdue")))" : "")
        return [
            row.activity, row.responsible, timePlanText(row.timePlan, phrases), status,
            row.followedUpOn?.iso ?? "", row.comment ?? "", row.structure, row.id,
        ]
    }

    func timePlanText(_ code: String, _ phrases: Phrasebook) -> String {
        phrases.has("plan.time.\(code)") ? phrases.text("plan.time.\(code)") : code
    }

    func heading(_ phrases: Phrasebook) -> String {
        phrases.text("plan.title", ["region": regionName, "date": asOf.iso])
    }

    /// The line saying how many corrections wait for approval, with a blank line before it;
    /// empty when none wait.
    func pendingNote(_ phrases: Phrasebook) -> String {
        pendingCorrections > 0 ? "\n" + phrases.text("report.pending-corrections", ["count": String(pendingCorrections)]) + "\n" : ""
    }

    /// The terminal table.
    public func table(phrases: Phrasebook) -> String {
        guard !rows.isEmpty else { return heading(phrases) + "\n\n" + phrases.text("plan.none") + "\n" + pendingNote(phrases) }
        return heading(phrases) + "\n\n"
            + TextTable(
                header: header.map { phrases.text($0) }, rows: rows.map { cells($0, phrases: phrases) },
                maxCellWidth: 48
            ).render() + pendingNote(phrases)
    }

    /// Markdown with a pipe table.
    public func markdown(phrases: Phrasebook) -> String {
        guard !rows.isEmpty else { return "# \(heading(phrases))\n\n" + phrases.text("plan.none") + "\n" + pendingNote(phrases) }
        return "# \(heading(phrases))\n\n"
            + ComplianceReport.pipeTable(header.map { phrases.text($0) }, rows.map { cells($0, phrases: phrases) })
            + pendingNote(phrases)
    }

    /// CSV for Excel.
    public func csv(phrases: Phrasebook) -> String {
        CSVDocument(header: header.map { phrases.text($0) }, rows: rows.map { cells($0, phrases: phrases) }).render()
    }

    /// JSON: `schemaVersion`, `asOf`, `pendingCorrections`, `activities` (the ``Row`` fields;
    /// `status` and `timePlan` as codes).
    public func json() throws -> String {
        struct Document: Encodable {
            let schemaVersion = 1, region: String, asOf: String, pendingCorrections: Int, activities: [Row]
        }
        return try ReportJSON.text(
            Document(region: regionName, asOf: asOf.iso, pendingCorrections: pendingCorrections, activities: rows))
    }
}

extension TimePlan {
    /// The last day the plan allows, nil for ongoing work or work that waits on national work.
    public var lastDay: LocalDate? {
        switch self {
        case .date(let date): return date
        case .month(let year, let month): return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
        case .year(let year): return LocalDate(year: year, month: 12, day: 31)
        case .ongoing, .dependsOnNationalWork: return nil
        }
    }
}
