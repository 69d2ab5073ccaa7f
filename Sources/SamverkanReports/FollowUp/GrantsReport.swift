import Foundation
public import SamverkanDomain
public import SamverkanRendering
public import SamverkanTime

/// What the grant was used for (*återredovisning* under SFS 2024:1253): held meetings and covered
/// standing agenda items per focus area of the region's own plan (as configured; none when it
/// has none) and per point of §2 of the ordinance (1–8).
///
/// A meeting counts for an area or point when its structure serves it; an agenda item counts once
/// per held meeting that covered it, for the areas and points the item is tagged with.
public struct GrantsReport: Sendable {
    /// One focus area or grant point.
    public struct Row: Sendable, Hashable, Codable {
        /// The focus area's number in the region's plan, or the grant point (1–8).
        public let number: Int
        /// The focus area's name in the region's plan (nil for a grant point).
        public var name: String?
        /// Structures serving it that are active in the period.
        public var structures = 0
        /// Held meetings of those structures.
        public var meetings = 0
        /// Covered standing agenda items tagged with it (one per meeting and item).
        public var agendaItems = 0
        /// The ids of those agenda items.
        public var itemIDs: [String] = []

        init(number: Int, name: String? = nil) {
            self.number = number
            self.name = name
        }
    }

    public let period: ReportPeriod
    public let asOf: LocalDate
    public let regionName: String
    public let focusAreas: [Row]
    public let grantPoints: [Row]
    /// Corrections of the period's approved minutes waiting for approval (the originals count).
    public let pendingCorrections: Int

    /// Builds the report from a compliance report of the same period.
    public init(configuration: RegionConfiguration, compliance: ComplianceReport) {
        period = compliance.period
        asOf = compliance.asOf
        regionName = compliance.regionName
        var areas = configuration.focusAreas.map { Row(number: $0.area.rawValue, name: $0.name) }
        let areaIndex = Dictionary(configuration.focusAreas.enumerated().map { ($1.area, $0) }, uniquingKeysWith: { a, _ in a })
        var points = (1...8).map { Row(number: $0) }
        for row in compliance.structures {
            guard let structure = configuration.structure(row.id) else { continue }
            for area in Set(structure.focusAreas) { if let index = areaIndex[area] { Self.count(&areas[index], row) } }
            for point in Set(structure.grantPoints) { Self.count(&points[point.rawValue - 1], row) }
            for item in row.agenda {
                let covered = row.figures.items[ComplianceFigures.ItemKey(item)]?.covered ?? 0
                guard covered > 0 else { continue }
                for area in Set(item.focusAreas) { if let index = areaIndex[area] { Self.add(item.id, covered, to: &areas[index]) } }
                let linked = item.focusAreas.flatMap { configuration.focusArea($0)?.grantPoints ?? [] }
                for point in Set(item.grantPoints).union(linked) { Self.add(item.id, covered, to: &points[point.rawValue - 1]) }
            }
        }
        focusAreas = areas
        grantPoints = points
        pendingCorrections = compliance.pendingCorrections
    }

    static func count(_ row: inout Row, _ structure: StructureCompliance) {
        row.structures += 1
        row.meetings += structure.figures.held
    }

    static func add(_ id: String, _ covered: Int, to row: inout Row) {
        row.agendaItems += covered
        if !row.itemIDs.contains(id) { row.itemIDs.append(id) }
    }

    /// The table's cells, focus areas then grant points: label, title, structures, meetings, items.
    func cells(phrases: Phrasebook) -> [[String]] {
        func cells(_ row: Row, _ label: String, _ title: String) -> [String] {
            [label, title, "\(row.structures)", "\(row.meetings)", "\(row.agendaItems)"]
        }
        return focusAreas.map { cells($0, phrases.text("grants.focus-area", ["number": "\($0.number)"]), $0.name ?? "") }
            + grantPoints.map { cells($0, phrases.text("grants.point", ["number": "\($0.number)"]), phrases.text("grant.\($0.number)")) }
    }

    var header: [String] {
        ["grants.column.part", "grants.column.title", "report.column.structures", "grants.column.meetings", "grants.column.items"]
    }

    /// The terminal table.
    public func table(phrases: Phrasebook) -> String {
        heading(phrases: phrases) + "\n\n"
            + TextTable(header: header.map { phrases.text($0) }, rows: cells(phrases: phrases), maxCellWidth: 70).render()
            + "\n" + notes(phrases) + "\n"
    }

    /// How the figures are counted, and whether corrections wait for approval.
    func notes(_ phrases: Phrasebook) -> String {
        let notes = phrases.text("grants.notes")
        guard pendingCorrections > 0 else { return notes }
        return notes + " " + phrases.text("report.pending-corrections", ["count": String(pendingCorrections)])
    }

    func heading(phrases: Phrasebook) -> String {
        phrases.text("grants.title") + "\n"
            + phrases.text("report.period", ComplianceReport.periodValues(period, region: regionName))
    }

    /// Markdown with a pipe table.
    public func markdown(phrases: Phrasebook) -> String {
        let lines = heading(phrases: phrases).split(separator: "\n")
        return "# \(lines[0])\n\n\(lines[1])\n\n" + ComplianceReport.pipeTable(header.map { phrases.text($0) }, cells(phrases: phrases))
            + "\n" + notes(phrases) + "\n"
    }

    /// CSV for Excel.
    public func csv(phrases: Phrasebook) -> String {
        CSVDocument(
            header: header.map { phrases.text($0) } + [phrases.text("grants.column.item-ids")],
            rows: zip(cells(phrases: phrases), focusAreas + grantPoints).map { $0 + [$1.itemIDs.joined(separator: ", ")] }
        ).render()
    }

    /// JSON: `schemaVersion`, `period`, `pendingCorrections`, `focusAreas` and `grantPoints` rows
    /// (`number`, `structures`, `meetings`, `agendaItems`, `itemIDs`).
    public func json() throws -> String {
        struct Document: Encodable {
            let schemaVersion = 1, region: String, period: [String: String], asOf: String, pendingCorrections: Int
            let focusAreas: [Row], grantPoints: [Row]
        }
        return try ReportJSON.text(
            Document(
                region: regionName, period: ["label": period.label, "from": period.from.iso, "to": period.to.iso],
                asOf: asOf.iso, pendingCorrections: pendingCorrections, focusAreas: focusAreas, grantPoints: grantPoints))
    }
}
