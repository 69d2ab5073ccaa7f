import SamverkanDomain
import SamverkanRendering

/// The SVG figures of the compliance page. Colours are set on the elements themselves, so a
/// figure copied out of the page keeps them; every count is also written as text and in a
/// `<title>` (a tooltip), so nothing depends on colour alone.
extension CompliancePage {
    /// What happened to a structure's planned meetings in a month, the colour of its heat-map cell.
    enum CellStatus: String, CaseIterable {
        case held, cancelled, missed, upcoming, none

        /// A missed meeting outweighs a cancelled one, which outweighs held and upcoming ones.
        init(_ cell: StructureCompliance.MonthCell) {
            if cell.missed > 0 {
                self = .missed
            } else if cell.cancelled > 0 {
                self = .cancelled
            } else if cell.held > 0 {
                self = .held
            } else if cell.upcoming > 0 {
                self = .upcoming
            } else {
                self = .none
            }
        }

        /// Okabe–Ito colours (safe with colour blindness), of different lightness so they also differ in grey print.
        var fill: String {
            switch self {
            case .held: "#56B4E9"
            case .cancelled: "#F0E442"
            case .missed: "#B84A00"
            case .upcoming: "#FFFFFF"
            case .none: "#EEEEEE"
            }
        }

        var ink: String { self == .missed ? "#FFFFFF" : self == .none ? "#767676" : "#000000" }
        /// The sign written before a count, also in the legend.
        var symbol: String {
            switch self {
            case .held: "✓"
            case .cancelled: "⊘"
            case .missed: "✗"
            case .upcoming: "○"
            case .none: "–"
            }
        }
        var stroke: String { self == .upcoming ? " stroke=\"#0072B2\" stroke-dasharray=\"3 2\"" : "" }
    }

    static let font = "font-family=\"Segoe UI, Calibri, Arial, sans-serif\""

    /// Structures × months: a legend, then one figure per group (at most 15 rows each, so pages
    /// break between figures) with a row per structure and a column per month, each cell coloured
    /// by what happened, the counts written in it.
    var heatMap: String {
        let labelWidth = Self.labelWidth(report.structures.map(\.name) + report.groups.map(groupName), maximum: 340)
        let grouped = report.dimension != .structure && report.dimension != .region
        let blocks: [(String?, [StructureCompliance])] =
            grouped
            ? report.groups.map { (groupName($0), structures(of: $0)) } : [(nil, report.structures)]
        let figures = blocks.flatMap { title, rows in
            stride(from: 0, to: rows.count, by: 15).map { heatBlock(title, Array(rows[$0..<min($0 + 15, rows.count)]), labelWidth) }
        }
        return ([legend] + figures).joined(separator: "\n")
    }

    private static let cell = (width: 64, height: 24, gap: 3)

    private func heatBlock(_ title: String?, _ rows: [StructureCompliance], _ labelWidth: Int) -> String {
        let cell = Self.cell
        var body: [String] = []
        var y = 0
        if let title {
            body.append(text(0, 14, fit(title, labelWidth + 4 * cell.width), weight: "700", title: title))
            y = 20
        }
        for (index, month) in report.months.enumerated() {
            let x = labelWidth + index * (cell.width + cell.gap) + cell.width / 2
            if index == 0 || month.month == 1 { body.append(text(x, y + 13, String(month.year), anchor: "middle", weight: "600")) }
            body.append(text(x, y + 29, String(monthName(month).prefix(3)), anchor: "middle"))
        }
        y += 36
        for row in rows {
            var parts = [text(8, y + cell.height / 2 + 4, fit(row.name, labelWidth - 8), title: row.name)]
            for (index, (counts, month)) in zip(row.months, report.months).enumerated() {
                parts.append(heatCell(counts, month, of: row.name, at: (labelWidth + index * (cell.width + cell.gap), y)))
            }
            body.append("<g class=\"row\">" + parts.joined() + "</g>")
            y += cell.height + cell.gap
        }
        let width = labelWidth + report.months.count * (cell.width + cell.gap) + 4
        return svg(width: width, height: y + 4, label: words.text("heatmap.title") + (title.map { " – " + $0 } ?? ""), body)
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

    private func heatCell(
        _ cell: StructureCompliance.MonthCell, _ month: YearMonth, of name: String,
        at origin: (x: Int, y: Int)
    ) -> String {
        let size = Self.cell
        let status = CellStatus(cell)
        let counts: [(CellStatus, Int)] = [
            (.held, cell.held), (.cancelled, cell.cancelled), (.missed, cell.missed),
            (.upcoming, cell.upcoming),
        ].filter { $0.1 > 0 }
        let label = counts.isEmpty ? "–" : counts.map { $0.0.symbol + String($0.1) }.joined(separator: " ")
        let details =
            counts.isEmpty
            ? words.text("legend.none")
            : counts.map { phrases.text("report.column.\($0.0.rawValue)") + " " + String($0.1) }.joined(separator: ", ")
        let title = name + ", " + monthName(month) + " " + String(month.year) + ": " + details
        return "<g class=\"cell \(status.rawValue)\"><title>\(Self.escaped(title))</title>"
            + "<rect x=\"\(origin.x)\" y=\"\(origin.y)\" width=\"\(size.width)\" height=\"\(size.height)\" rx=\"3\" "
            + "fill=\"\(status.fill)\"\(status.stroke)/>"
            + text(
                origin.x + size.width / 2, origin.y + size.height / 2 + 4, label, anchor: "middle",
                weight: counts.isEmpty ? "400" : "600", ink: status.ink)
            + "</g>"
    }

    /// Three horizontal bar charts (compliance, attendance, content) with a bar per group and the total.
    var barCharts: String {
        [
            ("compliance", "#0072B2", { (figures: ComplianceFigures) in figures.compliance }),
            ("attendance", "#009E73", { $0.attendanceShare }),
            ("content", "#CC79A7", { $0.contentShare }),
        ]
        .map { barChart(phrases.text("report.column.\($0.0)"), colour: $0.1, value: $0.2) }
        .joined(separator: "\n")
    }

    private func barChart(_ title: String, colour: String, value: (ComplianceFigures) -> Double?) -> String {
        let entries =
            report.groups.map { (groupName($0), $0.figures, colour) }
            + [(phrases.text("report.total"), report.total, "#444444")]
        let labelWidth = Self.labelWidth(entries.map(\.0), maximum: 300)
        let scale = 220
        let row = 22
        var body = [text(0, 14, title, weight: "700")]
        var y = 44
        for (index, entry) in entries.enumerated() {
            if index == entries.count - 1 {
                body.append("<line x1=\"0\" y1=\"\(y - 3)\" x2=\"\(labelWidth + scale)\" y2=\"\(y - 3)\" stroke=\"#888888\"/>")
                y += 2
            }
            let share = value(entry.1)
            let length = Int(((share.map { min(max($0, 0), 1) } ?? 0) * Double(scale)).rounded())
            let written = share == nil ? numbers.none : numbers.percent(share) + "\u{00A0}%"
            body.append(
                "<g class=\"bar\"><title>\(Self.escaped(entry.0 + ": " + title + " " + written))</title>"
                    + text(labelWidth - 8, y + 11, fit(entry.0, labelWidth - 8), anchor: "end")
                    + "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"15\" fill=\"\(entry.2)\"/>"
                    + text(labelWidth + length + 4, y + 11, written, weight: "600") + "</g>")
            y += row
        }
        for tick in [0, 50, 100] {
            let x = labelWidth + scale * tick / 100
            body.insert(
                "<line x1=\"\(x)\" y1=\"36\" x2=\"\(x)\" y2=\"\(y - 2)\" stroke=\"#BBBBBB\"\(tick == 0 ? "" : " stroke-dasharray=\"2 2\"")/>"
                    + text(x, 32, "\(tick)\u{00A0}%", anchor: "middle", ink: "#555555"), at: 1)
        }
        return svg(width: labelWidth + scale + 64, height: y + 4, label: title, body)
    }

    private func svg(width: Int, height: Int, label: String, _ body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-label=\"\(Self.escaped(label))\" \(Self.font) font-size=\"12\">\n"
            + body.joined(separator: "\n") + "\n</svg>"
    }

    private func text(
        _ x: Int, _ y: Int, _ content: String, anchor: String = "start", weight: String = "400",
        ink: String = "#111111", title: String? = nil
    ) -> String {
        let tip = title.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(ink)\">"
            + tip + Self.escaped(content) + "</text>"
    }

    private func monthName(_ month: YearMonth) -> String { phrases.text("month.\(month.month)") }

    /// A label shortened with "…" to fit a width (the whole text goes into a `<title>`).
    private func fit(_ label: String, _ width: Int) -> String {
        let characters = max(4, width * 10 / 67)
        return label.count <= characters ? label : String(label.prefix(characters - 1)) + "…"
    }

    /// About how wide 12-pixel sans-serif text is.
    static func estimatedWidth(_ text: String) -> Int { text.count * 67 / 10 }

    static func labelWidth(_ labels: [String], maximum: Int) -> Int {
        min(maximum, max(120, (labels.map(estimatedWidth).max() ?? 0) + 16))
    }
}
