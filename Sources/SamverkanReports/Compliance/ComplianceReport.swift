import SamverkanDomain

/// Were the collaboration meetings held as decided? For each structure in a period: expected,
/// held, cancelled and missed meetings, coverage of the standing agenda, attendance of both
/// principals, approval of the minutes and action items — and the same figures summed by
/// municipality, care centre, kind or for the region.
///
/// A planned meeting is *due* when its date is before today or something is recorded for it;
/// later ones in the period are *upcoming* and not yet expected, so the current period is judged
/// up to today and a future period expects nothing.
public struct ComplianceReport: Sendable {
    /// Where the period stands relative to today.
    public enum Timing: String, Sendable, Codable {
        case past, current, future
    }

    public let period: ReportPeriod
    /// The day the report was made for.
    public let today: LocalDate
    /// The day action items are judged at: the end of the period, or today for the current one.
    public let asOf: LocalDate
    public let dimension: ComplianceDimension
    /// The months of the period, the columns of the heat map.
    public let months: [YearMonth]
    /// One row per structure active in the period, in configuration order.
    public let structures: [StructureCompliance]
    /// The groups of ``dimension``, each with the structures behind it.
    public let groups: [ComplianceGroup]
    /// Every structure summed.
    public let total: ComplianceFigures
    /// The region the report is for.
    public let regionName: String

    public var timing: Timing {
        if period.from >= today { return .future }
        return period.to < today ? .past : .current
    }

    /// The structure row by id.
    public func structure(_ id: String) -> StructureCompliance? { structures.first { $0.id == id } }

    /// Builds the report.
    /// - Parameters:
    ///   - structures: the structures to report on (those not active in the period are left out).
    ///   - history: what the store holds for the period (see `AppDatabase.history`).
    /// - Throws: ``ScheduleError`` or `ICalError` when a schedule cannot be expanded.
    public static func build(configuration: Configuration, structures: [CollaborationStructure], period: ReportPeriod,
                             today: LocalDate, history: MeetingHistory, by dimension: ComplianceDimension,
                             scheduler: Scheduler = Scheduler()) throws -> ComplianceReport {
        let months = period.months
        let asOf = min(period.to, today)
        // The store reads by period already; filtering again keeps the figures right for any history.
        let meetings = Dictionary(grouping: history.meetings.filter { period.contains($0.date) }, by: \.structureID)
        let cancellations = Dictionary(grouping: history.cancellations.filter { period.contains($0.date) }, by: \.structureID)
        let actions = Dictionary(grouping: history.actions.filter { period.contains($0.decidedOn) }, by: \.structureID)
        var rows: [StructureCompliance] = []
        for structure in structures where structure.starts <= period.to && (structure.until ?? period.from) >= period.from {
            let occurrences = try scheduler.occurrences(of: structure, from: period.from, through: period.to)
            var row = StructureCompliance(structure, configuration: configuration, months: months)
            row.tally(occurrences: occurrences, meetings: meetings[structure.id] ?? [],
                      cancelled: cancellations[structure.id] ?? [], actions: actions[structure.id] ?? [],
                      structure: structure, configuration: configuration, period: period, today: today, asOf: asOf)
            rows.append(row)
        }
        var total = ComplianceFigures()
        for row in rows { total.add(row.figures) }
        return ComplianceReport(period: period, today: today, asOf: asOf, dimension: dimension, months: months,
                                structures: rows, groups: group(rows, by: dimension, configuration: configuration),
                                total: total, regionName: configuration.region.name)
    }

    /// The groups of a dimension, in configuration order, the group outside the dimension last.
    static func group(_ rows: [StructureCompliance], by dimension: ComplianceDimension,
                      configuration: Configuration) -> [ComplianceGroup] {
        var groups: [String: ComplianceGroup] = [:]
        var order: [String] = []
        for row in rows {
            let group: ComplianceGroup
            switch dimension {
            case .structure: group = ComplianceGroup(key: row.id, name: row.name)
            case .municipality: group = ComplianceGroup(key: row.municipality ?? "", name: row.municipality.map { row.municipalityName ?? $0 })
            case .careCentre: group = ComplianceGroup(key: row.careCentre ?? "", name: row.careCentre.map { row.careCentreName ?? $0 },
                                                      careCentreOperator: row.careCentreOperator)
            case .kind: group = ComplianceGroup(key: row.kind.rawValue, name: nil)
            case .region: group = ComplianceGroup(key: configuration.region.id, name: configuration.region.name)
            }
            if groups[group.key] == nil { groups[group.key] = group; order.append(group.key) }
            groups[group.key]!.figures.add(row.figures)
            groups[group.key]!.structureIDs.append(row.id)
        }
        let rank: [String: Int]
        switch dimension {
        case .municipality, .careCentre:
            rank = Dictionary(configuration.organisations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        case .kind:
            rank = Dictionary(StructureKind.allCases.enumerated().map { ($1.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        case .structure, .region:
            rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return order.sorted { ($0.isEmpty ? 1 : 0, rank[$0] ?? Int.max, $0) < ($1.isEmpty ? 1 : 0, rank[$1] ?? Int.max, $1) }
            .map { groups[$0]! }
    }
}
