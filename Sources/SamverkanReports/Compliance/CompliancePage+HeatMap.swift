import SamverkanDomain
import SamverkanRendering

/// The heat map of the compliance page: structures × columns (months, quarters or years, see
/// ``HeatMapColumn``), each cell coloured by what happened to the planned meetings, the counts
/// written in it, meetings besides the planned ones apart (`✓3 +1`).
extension CompliancePage {
    /// What happened to a structure's meetings in a column, the colour of its heat-map cell.
    enum CellStatus: String, CaseIterable {
        case held, extra, cancelled, missed, upcoming, none, inactive

        /// A missed meeting outweighs a cancelled one, which outweighs held, extra and upcoming
        /// ones; a column with nothing in it is inactive when the structure had not started or had ended.
        init(_ cell: StructureCompliance.Cell) {
            if cell.missed > 0 {
                self = .missed
            } else if cell.cancelled > 0 {
                self = .cancelled
            } else if cell.held > 0 {
                self = .held
            } else if cell.extra > 0 {
                self = .extra
            } else if cell.upcoming > 0 {
                self = .upcoming
            } else {
                self = cell.active ? .none : .inactive
            }
        }

        /// Okabe–Ito colours (safe with colour blindness), of different lightness so they also differ in grey print.
        var fill: String {
            switch self {
            case .held: "#56B4E9"
            case .extra: "#CDE9F7"
            case .cancelled: "#F0E442"
            case .missed: "#B84A00"
            case .upcoming: "#FFFFFF"
            case .none: "#EEEEEE"
            case .inactive: "#9E9E9E"
            }
        }

        var ink: String {
            switch self {
            case .missed, .inactive: "#FFFFFF"
            case .none: "#767676"
            default: "#000000"
            }
        }

        /// The sign written before a count, also in the legend.
        var symbol: String {
            switch self {
            case .held: "✓"
            case .extra: "+"
            case .cancelled: "⊘"
            case .missed: "✗"
            case .upcoming: "○"
            case .none: "–"
            case .inactive: "·"
            }
        }

        var stroke: String {
            switch self {
            case .upcoming: " stroke=\"#0072B2\" stroke-dasharray=\"3 2\""
            case .extra: " stroke=\"#56B4E9\""
            default: ""
            }
        }
    }

    /// The unit of the heat map's columns.
    var unit: HeatMapColumn.Unit { report.columns.first?.unit ?? .month }

    /// A legend, then one figure per group (at most 15 rows each, so pages break between
    /// figures) with a row per structure and a column per month, quarter or year.
    var heatMap: String {
        let labelWidth = Self.labelWidth(report.structures.map(\.name) + report.groups.map(groupName), maximum: 340)
        let grouped = report.dimension != .structure && report.dimension != .region
        let blocks: [(String?, [StructureCompliance])] =
            grouped
            ? report.groups.map { (groupName($0), structures(of: $0)) } : [(nil, report.structures)]
        var widest = 0
        for row in report.structures { for cell in row.cells { widest = max(widest, Self.estimatedWidth(label(cell))) } }
        let width = max(64, widest + 12)
        var result = legend
        for (title, rows) in blocks {
            for start in stride(from: 0, to: rows.count, by: 15) {
                result += "\n" + heatBlock(title, rows[start..<min(start + 15, rows.count)], labelWidth, cellWidth: width)
            }
        }
        return result
    }

    private static let cell = (height: 24, gap: 3)

    private func heatBlock(_ title: String?, _ rows: ArraySlice<StructureCompliance>, _ labelWidth: Int, cellWidth: Int) -> String {
        let cell = Self.cell
        var body: [String] = []
        var y = 0
        if let title {
            body.append(text(0, 14, fit(title, labelWidth + 4 * cellWidth), weight: "700", title: title))
            y = 20
        }
        for (index, column) in report.columns.enumerated() {
            let x = labelWidth + index * (cellWidth + cell.gap) + cellWidth / 2
            switch column.unit {
            case .month, .quarter:
                if index == 0 || column.number == 1 { body.append(text(x, y + 13, String(column.year), anchor: "middle", weight: "600")) }
                let name =
                    column.unit == .month
                    ? String(phrases.text("month.\(column.number)").prefix(3))
                    : words.text("column.quarter", ["number": "\(column.number)"])
                body.append(text(x, y + 29, name, anchor: "middle"))
            case .year:
                body.append(text(x, y + 29, String(column.year), anchor: "middle", weight: "600"))
            }
        }
        y += 36
        for row in rows {
            var line = "<g class=\"row\">" + text(8, y + cell.height / 2 + 4, fit(row.name, labelWidth - 8), title: row.name)
            for (index, (counts, column)) in zip(row.cells, report.columns).enumerated() {
                line += heatCell(counts, column, of: row.name, at: (labelWidth + index * (cellWidth + cell.gap), y), width: cellWidth)
            }
            body.append(line + "</g>")
            y += cell.height + cell.gap
        }
        let width = labelWidth + report.columns.count * (cellWidth + cell.gap) + 4
        return svg(
            width: width, height: y + 4, label: words.text("heatmap.title.\(unit.rawValue)") + (title.map { " – " + $0 } ?? ""), body)
    }

    /// The colours and signs of the heat map, one line each.
    private var legend: String {
        var body = [text(0, 14, words.text("legend.title"), weight: "700")]
        var width = 0
        for (index, status) in CellStatus.allCases.enumerated() {
            let label = status.symbol + "  " + words.text("legend.\(status.rawValue)")
            let y = 22 + index * 20
            body.append(
                "<rect x=\"0\" y=\"\(y)\" width=\"22\" height=\"14\" rx=\"2\" fill=\"\(status.fill)\"\(status.stroke)/>"
                    + text(30, y + 11, label))
            width = max(width, 30 + Self.estimatedWidth(label))
        }
        return svg(width: width + 4, height: 22 + CellStatus.allCases.count * 20, label: words.text("legend.title"), body)
    }

    /// The counts of a cell: `✓3 ⊘1 +1`, `–` when nothing was planned, `·` when the structure was not active.
    func label(_ cell: StructureCompliance.Cell) -> String {
        var parts: [String] = []
        for (status, count) in counts(cell) where status != .extra { parts.append(status.symbol + String(count)) }
        if cell.extra > 0 { parts.append("+" + String(cell.extra)) }
        return parts.isEmpty ? (cell.active ? CellStatus.none.symbol : CellStatus.inactive.symbol) : parts.joined(separator: " ")
    }

    private func counts(_ cell: StructureCompliance.Cell) -> [(CellStatus, Int)] {
        [(.held, cell.held), (.cancelled, cell.cancelled), (.missed, cell.missed), (.upcoming, cell.upcoming), (.extra, cell.extra)]
            .filter { $0.1 > 0 }
    }

    /// The column's name in a tooltip: `mars 2025`, `kvartal 2 2025` or `2025`.
    private func columnName(_ column: HeatMapColumn) -> String {
        switch column.unit {
        case .month: phrases.text("month.\(column.number)") + " " + String(column.year)
        case .quarter: words.text("column.quarter.long", ["number": "\(column.number)", "year": "\(column.year)"])
        case .year: String(column.year)
        }
    }

    private func heatCell(
        _ cell: StructureCompliance.Cell, _ column: HeatMapColumn, of name: String, at origin: (x: Int, y: Int), width: Int
    ) -> String {
        let status = CellStatus(cell)
        let counts = counts(cell)
        var details = counts.map { phrases.text("report.column.\($0.0.rawValue)") + " " + String($0.1) }
        if counts.isEmpty { details.append(words.text(cell.active ? "legend.none" : "legend.inactive")) }
        let title = name + ", " + columnName(column) + ": " + details.joined(separator: ", ")
        return "<g class=\"cell \(status.rawValue)\"><title>\(Self.escaped(title))</title>"
            + "<rect x=\"\(origin.x)\" y=\"\(origin.y)\" width=\"\(width)\" height=\"\(Self.cell.height)\" rx=\"3\" "
            + "fill=\"\(status.fill)\"\(status.stroke)/>"
            + text(
                origin.x + width / 2, origin.y + Self.cell.height / 2 + 4, label(cell), anchor: "middle",
                weight: counts.isEmpty ? "400" : "600", ink: status.ink)
            + "</g>"
    }
}
