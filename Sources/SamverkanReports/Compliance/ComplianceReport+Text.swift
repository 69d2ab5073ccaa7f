import SamverkanDomain
public import SamverkanRendering
import SamverkanTime

extension ComplianceReport {
    /// A figure column: its phrase key and how a figure is written.
    struct Column: Sendable {
        let key: String
        let value: @Sendable (ComplianceFigures, FigureFormatter) -> String
    }

    /// The columns of the terminal table and Markdown (upcoming only while the period is not past).
    var summaryColumns: [Column] {
        let keys =
            ["expected", "held", "cancelled", "missed"] + (timing == .past ? [] : ["upcoming"])
            + [
                "compliance", "content", "attendance", "approved-share", "approval-days", "approved-in-time",
                "actions-created", "actions-open", "actions-overdue",
            ]
        let columns = Dictionary(uniqueKeysWithValues: Self.allColumns.map { ($0.key, $0) })
        return keys.compactMap { columns[$0] }
    }

    /// Every figure, for CSV.
    static let allColumns: [Column] = [
        Column(key: "structures") { f, _ in "\(f.structures)" },
        Column(key: "expected") { f, _ in "\(f.expected)" },
        Column(key: "held") { f, _ in "\(f.held)" },
        Column(key: "held-planned") { f, _ in "\(f.heldPlanned)" },
        Column(key: "extra") { f, _ in "\(f.extra)" },
        Column(key: "cancelled") { f, _ in "\(f.cancelled)" },
        Column(key: "missed") { f, _ in "\(f.missed)" },
        Column(key: "upcoming") { f, _ in "\(f.upcoming)" },
        Column(key: "compliance") { f, n in n.percent(f.compliance) },
        Column(key: "content") { f, n in n.percent(f.contentShare) },
        Column(key: "attendance") { f, n in n.percent(f.attendanceShare) },
        Column(key: "approved") { f, _ in "\(f.approved)" },
        Column(key: "approved-share") { f, n in n.percent(f.approvedShare) },
        Column(key: "approval-days") { f, n in n.days(f.medianApprovalDays) },
        Column(key: "approved-in-time") { f, n in n.percent(f.approvedInTimeShare) },
        Column(key: "actions-created") { f, _ in "\(f.actionsCreated)" },
        Column(key: "actions-done") { f, _ in "\(f.actionsDone)" },
        Column(key: "actions-open") { f, _ in "\(f.actionsOpen)" },
        Column(key: "actions-overdue") { f, _ in "\(f.actionsOverdue)" },
    ]

    /// The display name of a group.
    public func name(of group: ComplianceGroup, phrases: Phrasebook) -> String {
        switch dimension {
        case .kind: return phrases.text("kind.\(group.key)")
        case .municipality, .careCentre:
            let name = group.name ?? phrases.text("report.group.none.\(dimension.rawValue)")
            return group.careCentreOperator.map { "\(name) (\(phrases.text("report.operator.\($0)")))" } ?? name
        case .structure, .region: return group.name ?? group.key
        }
    }

    /// The values of the period's heading: its label, its days (`range`) unless the label says
    /// them already (`--from`/`--to` periods), and the region.
    static func periodValues(_ period: ReportPeriod, region: String) -> [String: String] {
        let range = "\(period.from.iso)–\(period.to.iso)"
        var values = ["label": period.label, "region": region]
        if period.label != range { values["range"] = range }
        return values
    }

    /// The heading lines: title, period, grouping and how far the period is counted.
    public func heading(phrases: Phrasebook) -> [String] {
        [
            phrases.text("report.title"),
            phrases.text("report.period", Self.periodValues(period, region: regionName)),
            phrases.text("report.by", ["dimension": phrases.text("report.dimension.\(dimension.rawValue)")]),
            phrases.text("report.timing.\(timing.rawValue)", ["date": asOf.iso]),
        ]
    }

    /// The rows of the summary: each group, then the structures behind it indented (a structure
    /// report lists structures once), then the total.
    func summaryRows(phrases: Phrasebook, numbers: FigureFormatter, indent: String) -> [[String]] {
        let columns = summaryColumns
        func cells(_ label: String, _ figures: ComplianceFigures) -> [String] {
            [label] + columns.map { $0.value(figures, numbers) }
        }
        var rows: [[String]] = []
        for group in groups {
            rows.append(cells(name(of: group, phrases: phrases), group.figures))
            if dimension != .structure {
                // By index, not a copy of each row.
                for id in group.structureIDs {
                    if let index = rowIndex[id] { rows.append(cells(indent + structures[index].name, structures[index].figures)) }
                }
            }
        }
        rows.append(cells(phrases.text("report.total"), total))
        return rows
    }

    /// The header of the summary.
    func summaryHeader(phrases: Phrasebook) -> [String] {
        [phrases.text(dimension == .structure ? "report.column.structure" : "report.column.group")]
            + summaryColumns.map {
                phrases.has("report.short.\($0.key)") ? phrases.text("report.short.\($0.key)") : phrases.text("report.column.\($0.key)")
            }
    }

    /// The terminal table: heading, summary, standing items, cancelled and missed meetings.
    public func table(phrases: Phrasebook, numbers: FigureFormatter) -> String {
        var text = heading(phrases: phrases).joined(separator: "\n") + "\n\n"
        guard !structures.isEmpty else { return text + phrases.text("report.empty") + "\n" }
        text += TextTable(
            header: summaryHeader(phrases: phrases), rows: summaryRows(phrases: phrases, numbers: numbers, indent: "  "),
            maxCellWidth: 44
        ).render()
        for (title, header, rows) in detailSections(phrases: phrases, numbers: numbers) where !rows.isEmpty {
            text += "\n" + title + "\n" + TextTable(header: header, rows: rows, maxCellWidth: 60).render()
        }
        return text + "\n" + notes(phrases: phrases) + "\n"
    }

    /// Longest list of meetings in the table and Markdown; the JSON has them all.
    static let listLimit = 200

    /// Rows sorted by date, the latest ``listLimit`` kept, with a line saying how many more there are.
    static func capped(_ rows: [[String]], phrases: Phrasebook) -> [[String]] {
        let sorted = rows.sorted { $0[0] < $1[0] }
        guard sorted.count > listLimit else { return sorted }
        let more = sorted.count - listLimit
        return [[phrases.text("report.more", ["count": "\(more)"])] + Array(repeating: "", count: sorted[0].count - 1)]
            + sorted.suffix(listLimit)
    }

    /// Standing items, cancelled and missed meetings: (title, header, rows).
    func detailSections(phrases: Phrasebook, numbers: FigureFormatter) -> [(String, [String], [[String]])] {
        let items = total.items.keys.sorted().map { key -> [String] in
            let count = total.items[key]!
            return [key.title, "\(count.covered)", "\(count.meetings)", numbers.percent(count.share)]
        }
        let cancelled = Self.capped(
            structures.flatMap { row in row.cancellations.map { [$0.date.iso, row.name, $0.reason] } }, phrases: phrases)
        let missed = Self.capped(structures.flatMap { row in row.missedDates.map { [$0.iso, row.name] } }, phrases: phrases)
        let column = { (key: String) in phrases.text("report.column.\(key)") }
        return [
            (phrases.text("report.items.title"), [column("item"), column("covered"), column("meetings"), column("share")], items),
            (
                phrases.text("report.organisations.title"),
                [column("structure"), column("organisation"), column("attended"), column("meetings"), column("share")],
                organisationRows(numbers: numbers)
            ),
            (phrases.text("report.cancellations.title"), [column("date"), column("structure"), column("reason")], cancelled),
            (phrases.text("report.missed.title"), [column("date"), column("structure")], missed),
        ]
    }
}
