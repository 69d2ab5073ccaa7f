public import SamverkanDomain
import SamverkanRendering
public import SamverkanTime

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
    /// The columns of the heat map: the period's months, quarters or years.
    public let columns: [HeatMapColumn]
    /// One row per structure active in the period, in configuration order.
    public let structures: [StructureCompliance]
    /// The groups of ``dimension``, each with the structures behind it.
    public let groups: [ComplianceGroup]
    /// Every structure summed.
    public let total: ComplianceFigures
    /// The region the report is for.
    public let regionName: String
    /// How many corrections of the period's approved minutes wait for approval; the approved
    /// originals count until then.
    public internal(set) var pendingCorrections = 0

    public var timing: Timing {
        if period.from >= today { return .future }
        return period.to < today ? .past : .current
    }

    /// The structure row by id.
    public func structure(_ id: String) -> StructureCompliance? { rowIndex[id].map { structures[$0] } }

    /// The index of each structure's row in ``structures``.
    let rowIndex: [String: Int]

    init(
        period: ReportPeriod, today: LocalDate, asOf: LocalDate, dimension: ComplianceDimension, columns: [HeatMapColumn],
        structures: [StructureCompliance], groups: [ComplianceGroup], total: ComplianceFigures, regionName: String
    ) {
        self.period = period
        self.today = today
        self.asOf = asOf
        self.dimension = dimension
        self.columns = columns
        self.structures = structures
        self.groups = groups
        self.total = total
        self.regionName = regionName
        rowIndex = Dictionary(structures.indices.map { (structures[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Builds the report.
    ///
    /// The planned meetings come from the meeting register when `history` holds them
    /// (``MeetingHistory/planned``, read by the store when the register is current): no schedule
    /// is expanded then, and the coordinators' decisions count (a moved meeting on its new day).
    /// Otherwise (no database, or a register not brought up to date) every structure's schedule
    /// is expanded with `scheduler`, as the register would derive it without decisions.
    /// - Parameters:
    ///   - structures: the structures to report on (those not active in the period are left out).
    ///   - history: what the store holds for the period (see `AppDatabase.history`).
    /// - Throws: ``ScheduleError`` or `ICalError` when a schedule cannot be expanded; what `history` throws.
    public static func build(
        configuration: RegionConfiguration, structures: [CollaborationStructure], period: ReportPeriod,
        today: LocalDate, by dimension: ComplianceDimension, scheduler: Scheduler = Scheduler(),
        history: @escaping @Sendable () async throws -> MeetingHistory
    ) async throws -> ComplianceReport {
        let history = try await history()
        let active = structures.filter { $0.starts <= period.to && ($0.until ?? period.from) >= period.from }
        var occurrences: [[PlannedMeetingDay]] = []
        occurrences.reserveCapacity(active.count)
        if let planned = history.planned {
            for structure in active { occurrences.append(planned[structure.id] ?? []) }
        } else {
            // Only the dates are kept: a tenth of the memory of the occurrences for long periods.
            for structure in active {
                occurrences.append(
                    try scheduler.occurrences(of: structure, from: period.from, through: period.to)
                        .filter(\.isHeld).map { PlannedMeetingDay(planned: $0.plannedStart.date, start: $0.start.date) })
            }
        }
        let meetings = Dictionary(grouping: history.meetings, by: \.structureID)
        let cancellations = Dictionary(grouping: history.cancellations, by: \.structureID)
        let columns = HeatMapColumn.columns(of: period)
        let staffed = StructureCompliance.AttendanceMeasure.staffedOrganisations(configuration)
        var rows: [StructureCompliance] = []
        rows.reserveCapacity(active.count)
        // Rows are counted where they stand in the array and read in place below: a copy of a
        // row retains each of its texts and lists, thousands of times for a national report.
        for (index, structure) in active.enumerated() {
            rows.append(StructureCompliance(structure, configuration: configuration, columns: columns, staffed: staffed))
            rows[index].tally(
                occurrences: occurrences[index], meetings: meetings[structure.id] ?? [],
                cancelled: cancellations[structure.id] ?? [], totals: history.totals[structure.id] ?? MeetingTotals(),
                structure: structure, configuration: configuration, today: today)
        }
        var total = ComplianceFigures()
        for index in rows.indices { total.add(rows[index].figures) }
        var report = ComplianceReport(
            period: period, today: today, asOf: min(period.to, today), dimension: dimension,
            columns: columns, structures: rows,
            groups: group(rows, by: dimension, configuration: configuration),
            total: total, regionName: configuration.region.name)
        report.pendingCorrections = history.pendingCorrections
        return report
    }

    /// How the figures are counted, and whether corrections wait for approval.
    func notes(phrases: Phrasebook) -> String {
        let notes = phrases.text("report.notes")
        guard pendingCorrections > 0 else { return notes }
        return notes + " " + phrases.text("report.pending-corrections", ["count": String(pendingCorrections)])
    }

    /// The groups of a dimension, in configuration order, the group outside the dimension last.
    static func group(
        _ rows: [StructureCompliance], by dimension: ComplianceDimension,
        configuration: RegionConfiguration
    ) -> [ComplianceGroup] {
        var groups: [String: ComplianceGroup] = [:]
        var order: [String] = []
        for index in rows.indices {
            let group: ComplianceGroup
            switch dimension {
            case .structure: group = ComplianceGroup(key: rows[index].id, name: rows[index].name)
            case .municipality:
                group = ComplianceGroup(
                    key: rows[index].municipality ?? "", name: rows[index].municipality.map { rows[index].municipalityName ?? $0 })
            case .careCentre:
                group = ComplianceGroup(
                    key: rows[index].careCentre ?? "", name: rows[index].careCentre.map { rows[index].careCentreName ?? $0 },
                    careCentreOperator: rows[index].careCentreOperator)
            case .kind: group = ComplianceGroup(key: rows[index].kind.rawValue, name: nil)
            case .region: group = ComplianceGroup(key: configuration.region.id, name: configuration.region.name)
            }
            if groups[group.key] == nil {
                groups[group.key] = group
                order.append(group.key)
            }
            groups[group.key]!.figures.add(rows[index].figures)
            groups[group.key]!.structureIDs.append(rows[index].id)
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
