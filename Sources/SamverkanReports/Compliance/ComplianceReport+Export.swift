import Foundation
import SamverkanDomain
public import SamverkanRendering

extension ComplianceReport {
    /// Markdown: heading, the summary as a pipe table, standing items, cancelled and missed
    /// meetings, and how the figures are counted.
    public func markdown(phrases: Phrasebook, numbers: FigureFormatter) -> String {
        let lines = heading(phrases: phrases)
        var text = "# \(lines[0])\n\n" + lines.dropFirst().joined(separator: "  \n") + "\n\n"
        guard !structures.isEmpty else { return text + phrases.text("report.empty") + "\n" }
        text += Self.pipeTable(summaryHeader(phrases: phrases), summaryRows(phrases: phrases, numbers: numbers, indent: "↳ "))
        for (title, header, rows) in detailSections(phrases: phrases, numbers: numbers) where !rows.isEmpty {
            text += "\n## \(title)\n\n" + Self.pipeTable(header, rows)
        }
        return text + "\n" + notes(phrases: phrases) + "\n"
    }

    static func pipeTable(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| "
                + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: " | ") + " |\n"
        }
        let alignment = header.indices.map { column in
            let cells = rows.compactMap { column < $0.count ? $0[column] : nil }
            return column > 0 && cells.contains { !$0.isEmpty } && cells.allSatisfy(isFigure) ? " ---: |" : " --- |"
        }
        return line(header) + "|" + alignment.joined() + "\n" + rows.map(line).joined()
    }

    /// Whether a cell holds a figure (a count, a percentage, a day count, `+1`, or the dash for none),
    /// so that its column is right-aligned; a column with any text or a date in it stays left-aligned.
    static func isFigure(_ cell: String) -> Bool {
        let isDate =
            cell.count >= 10
            && cell.prefix(10).enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 ? $0.element == "-" : $0.element.isNumber }
        return !isDate && cell.allSatisfy { $0.isNumber || " ,.%+−–-/\u{00A0}\u{202F}".contains($0) }
    }

    /// CSV for Excel: one row for the total, each group and each structure behind it, with every
    /// figure; percentages with one decimal (decimal comma or point as `numbers` says). The column
    /// after the figures counts, on the total row, the corrections waiting for approval.
    public func csv(phrases: Phrasebook, numbers: FigureFormatter) -> String {
        let column = { (key: String) in phrases.text("report.column.\(key)") }
        let header =
            [
                column("level"), column("key"), column("group"), column("structure-id"), column("structure"), column("kind"),
                column("municipality"), column("care-centre"), column("operator"),
            ]
            + Self.allColumns.map { column($0.key) } + [column("pending-corrections")]
            + [column("organisation-id"), column("organisation"), column("attended")]
        let numbers = FigureFormatter(decimalComma: numbers.decimalComma, none: "")
        func figures(_ f: ComplianceFigures) -> [String] { Self.allColumns.map { $0.value(f, numbers) } }
        let level = { (key: String) in phrases.text("report.level.\(key)") }
        let noOrganisation = ["", "", ""]
        var rows = [[level("total"), "", phrases.text("report.total"), "", "", "", "", "", ""] + figures(total) + noOrganisation]
        var groupOf: [String: (key: String, name: String)] = [:]
        for group in groups {
            let groupName = name(of: group, phrases: phrases)
            if dimension != .structure {
                rows.append([level("group"), group.key, groupName, "", "", "", "", "", ""] + figures(group.figures) + noOrganisation)
            }
            for id in group.structureIDs {
                guard let row = structure(id) else { continue }
                groupOf[row.id] = (group.key, groupName)
                rows.append(
                    [
                        level("structure"), group.key, groupName, row.id, row.name, phrases.text("kind.\(row.kind.rawValue)"),
                        row.municipalityName ?? "", row.careCentreName ?? "",
                        row.careCentreOperator.map { phrases.text("report.operator.\($0)") } ?? "",
                    ] + figures(row.figures) + noOrganisation)
            }
        }
        rows += organisationCSVRows(phrases: phrases, numbers: numbers, groupOf: groupOf)
        // Corrections waiting for approval are counted for the whole report: on the total row,
        // in the column before the organisation's three.
        let pendingColumn = header.count - 4
        rows = rows.enumerated().map { index, row in
            var row = row
            row.insert(index == 0 ? String(pendingCorrections) : "", at: pendingColumn)
            return row
        }
        return CSVDocument(header: header, rows: rows).render()
    }
}
