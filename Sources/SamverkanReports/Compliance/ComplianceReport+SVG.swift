import SamverkanDomain
import SamverkanRendering

/// The SVG figures of the compliance page. Colours are set on the elements themselves, so a
/// figure copied out of the page keeps them; every count is also written as text and in a
/// `<title>` (a tooltip), so nothing depends on colour alone.
extension CompliancePage {
    static let font = "font-family=\"Segoe UI, Calibri, Arial, sans-serif\""

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

    func svg(width: Int, height: Int, label: String, _ body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-label=\"\(Self.escaped(label))\" \(Self.font) font-size=\"12\">\n"
            + body.joined(separator: "\n") + "\n</svg>"
    }

    func text(
        _ x: Int, _ y: Int, _ content: String, anchor: String = "start", weight: String = "400",
        ink: String = "#111111", title: String? = nil
    ) -> String {
        let tip = title.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(ink)\">"
            + tip + Self.escaped(content) + "</text>"
    }

    /// A label shortened with "…" to fit a width (the whole text goes into a `<title>`).
    func fit(_ label: String, _ width: Int) -> String {
        let characters = max(4, width * 10 / 67)
        return label.count <= characters ? label : String(label.prefix(characters - 1)) + "…"
    }

    /// About how wide 12-pixel sans-serif text is.
    static func estimatedWidth(_ text: String) -> Int { text.count * 67 / 10 }

    static func labelWidth(_ labels: [String], maximum: Int) -> Int {
        min(maximum, max(120, (labels.map(estimatedWidth).max() ?? 0) + 16))
    }
}
