import Foundation
import SamverkanDomain
public import SamverkanRendering
import SamverkanTime

extension ComplianceReport {
    /// The report as one self-contained, printable HTML page: summary table of the groups and
    /// their structures, a heat map of structures × months, quarters or years, bar charts per group, the standing
    /// agenda items and the cancelled and missed meetings.
    ///
    /// The page is polyglot XHTML5 (well-formed XML, every text escaped) with inline CSS and SVG:
    /// no scripts, fonts or other files are needed to view or print it.
    /// - Parameters:
    ///   - template: the text of `Templates/<lang>/compliance.html`: `key: text` lines with the
    ///     words of the generated parts (legend, empty lists), then the page from `<!DOCTYPE html>`
    ///     on, a mustache template: `{{name}}` is escaped, `{{{name}}}` inserts the parts built here.
    ///   - phrases: the language's phrases (`report.*`, `kind.*`, `month.*`).
    ///   - numbers: how figures are written (decimal comma, the sign for a figure with nothing to divide by).
    /// - Throws: `TemplateError` naming `compliance.html` when the page has a syntax error.
    public func html(template: String, phrases: Phrasebook, numbers: FigureFormatter) throws -> String {
        let (words, page) = CompliancePage.split(template)
        let compiled = try TextTemplate(String(page), name: "\(phrases.language)/compliance.html", format: .html)
        let context = CompliancePage(
            report: self, phrases: phrases,
            words: Phrasebook(language: phrases.language, phrases: words), numbers: numbers)
        return compiled.render(context.values.mapValues(CompliancePage.xmlText))
    }
}

/// The generated parts of the compliance report's HTML page.
struct CompliancePage {
    let report: ComplianceReport
    let phrases: Phrasebook
    /// The words of the generated parts, from the lines before `<!DOCTYPE html>` in the template.
    let words: Phrasebook
    let numbers: FigureFormatter

    /// The values of the template's placeholders: text (escaped by the template) and the HTML of
    /// the generated parts (inserted with `{{{…}}}`).
    var values: [String: String] {
        let period = report.period
        let dimension = phrases.text("report.dimension.\(report.dimension.rawValue)")
        let empty = report.structures.isEmpty ? paragraph(phrases.text("report.empty")) : nil
        return [
            "lang": phrases.language,
            "title": phrases.text("report.title"),
            "label": period.label,
            "period": phrases.text("report.period", ComplianceReport.periodValues(period, region: report.regionName)),
            "timing": phrases.text("report.timing.\(report.timing.rawValue)", ["date": report.asOf.iso]),
            "by": phrases.text("report.by", ["dimension": dimension]),
            "notes": report.notes(phrases: phrases),
            "made": words.text("made", ["date": report.today.iso]),
            "summary": empty ?? summaryTable,
            "heatmap-heading": words.text("heatmap.heading.\(unit.rawValue)"),
            "heatmap-lead": words.text("heatmap.lead.\(unit.rawValue)"),
            "heatmap": empty ?? heatMap,
            "charts": empty ?? barCharts,
            "items-title": phrases.text("report.items.title"),
            "items": itemsTable,
            "organisations-title": phrases.text("report.organisations.title"),
            "organisations": organisationsTable,
            "cancellations-title": phrases.text("report.cancellations.title"),
            "cancellations": cancellationsTable,
            "missed-title": phrases.text("report.missed.title"),
            "missed": missedTable,
        ]
    }

    /// The columns of the summary table: phrase key and how a figure is written.
    var columns: [(key: String, value: (ComplianceFigures) -> String)] {
        let shown: Set<String> = ["held-planned", "extra", "approved"]
        return ComplianceReport.allColumns.filter { !shown.contains($0.key) }.map { column in
            (column.key, { [numbers] in column.value($0, numbers) })
        }
    }

    /// Groups with their figures, each followed by its structures (not repeated when grouped by structure), then the total.
    var summaryTable: String {
        let head = Self.escaped(phrases.text("report.column.group") + " / " + phrases.text("report.column.structure"))
        var lines = [
            "<table class=\"summary\">",
            "<thead><tr><th>\(head)</th>"
                + columns.map { "<th class=\"n\">\(Self.escaped(phrases.text("report.column.\($0.key)")))</th>" }.joined()
                + "</tr></thead>", "<tbody>",
        ]
        for group in report.groups {
            lines.append(summaryRow("group", Self.escaped(groupName(group)), group.figures))
            guard report.dimension != .structure else { continue }
            for row in structures(of: group) {
                let kind = " <span class=\"kind\">· \(Self.escaped(phrases.text("kind.\(row.kind.rawValue)")))</span>"
                lines.append(summaryRow("structure", Self.escaped(row.name) + kind, row.figures))
            }
        }
        lines += [
            "</tbody>", "<tfoot>" + summaryRow("total", Self.escaped(phrases.text("report.total")), report.total) + "</tfoot>",
            "</table>",
        ]
        return lines.joined(separator: "\n")
    }

    private func summaryRow(_ level: String, _ name: String, _ figures: ComplianceFigures) -> String {
        "<tr class=\"\(level)\"><td class=\"name\">\(name)</td>"
            + columns.map { "<td class=\"n\">\(Self.escaped($0.value(figures)))</td>" }.joined() + "</tr>"
    }

    /// Standing agenda items in the order structures list them: covered, held meetings, share.
    var itemsTable: String {
        var order: [ComplianceFigures.ItemKey] = []
        var seen = Set<ComplianceFigures.ItemKey>()
        for row in report.structures {
            for item in row.agenda where seen.insert(ComplianceFigures.ItemKey(item)).inserted {
                order.append(ComplianceFigures.ItemKey(item))
            }
        }
        order += report.total.items.keys.filter { !seen.contains($0) }.sorted()
        let rows = order.compactMap { key in
            report.total.items[key].map { [key.title, String($0.covered), String($0.meetings), numbers.percent($0.share)] }
        }
        return table("items", ["item", "covered", "meetings", "share"], rows, empty: "empty.items")
    }

    /// Attendance per member organisation: structure, organisation, meetings attended, held meetings, share.
    var organisationsTable: String {
        table(
            "organisations", ["structure", "organisation", "attended", "meetings", "share"],
            report.organisationRows(numbers: numbers), empty: "empty.organisations")
    }

    /// Cancelled meetings by date: date, structure, reason.
    var cancellationsTable: String {
        let rows = report.structures.flatMap { row in row.cancellations.map { ($0.date, [$0.date.iso, row.name, $0.reason]) } }
        return table("cancellations", ["date", "structure", "reason"], sortedByDate(rows), empty: "empty.cancellations")
    }

    /// Missed meetings by date: date, structure.
    var missedTable: String {
        let rows = report.structures.flatMap { row in row.missedDates.map { ($0, [$0.iso, row.name]) } }
        return table("missed", ["date", "structure"], sortedByDate(rows), empty: "empty.missed")
    }

    private func sortedByDate(_ rows: [(LocalDate, [String])]) -> [[String]] {
        rows.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    /// A table with `report.column.*` headings; the last columns of counts are right-aligned.
    private func table(_ name: String, _ keys: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return paragraph(words.text(empty)) }
        let numeric: Set<String> = ["covered", "meetings", "share", "attended"]
        func cell(_ tag: String, _ text: String, _ key: String) -> String {
            "<\(tag)\(numeric.contains(key) ? " class=\"n\"" : "")>\(Self.escaped(text))</\(tag)>"
        }
        let head = "<thead><tr>" + keys.map { cell("th", phrases.text("report.column.\($0)"), $0) }.joined() + "</tr></thead>"
        let body = rows.map { row in "<tr>" + zip(row, keys).map { cell("td", $0, $1) }.joined() + "</tr>" }
        return (["<table class=\"\(name)\">", head, "<tbody>"] + body + ["</tbody>", "</table>"]).joined(separator: "\n")
    }

    private func paragraph(_ text: String) -> String { "<p class=\"empty\">\(Self.escaped(text))</p>" }

    /// The display name of a group: its name (with the operator of a care centre), the kind, or
    /// the phrase for structures outside the dimension.
    func groupName(_ group: ComplianceGroup) -> String { report.name(of: group, phrases: phrases) }

    /// The rows of a group's structures, in its order.
    func structures(of group: ComplianceGroup) -> [StructureCompliance] {
        group.structureIDs.compactMap(report.structure)
    }

    /// Text safe in XML content and attribute values: without the control characters XML does
    /// not allow, escaped by the one HTML escaper (mustache's).
    static func escaped(_ text: String) -> String { HTMLEscaping.escaped(xmlText(text)) }

    /// The text without the control characters XML does not allow (all below U+0020 but tab and newline).
    static func xmlText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })
        return String(result)
    }

    /// The template's words (`key: text` lines before the line `<!DOCTYPE html>`, `#` comments) and its page.
    static func split(_ template: String) -> (words: [String: String], page: Substring) {
        let start =
            template.hasPrefix("<!DOCTYPE")
            ? template.startIndex
            : template.range(of: "\n<!DOCTYPE").map { template.index(after: $0.lowerBound) } ?? template.startIndex
        let pairs = template[..<start].split(separator: "\n").compactMap { line -> (String, String)? in
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            return (
                line[..<colon].trimmingCharacters(in: .whitespaces),
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            )
        }
        return (Dictionary(pairs, uniquingKeysWith: { _, last in last }), template[start...])
    }
}
