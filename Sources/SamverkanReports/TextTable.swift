/// A plain-text table with aligned columns, for the terminal and for pasting into mail.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Cells longer than this are cut with an ellipsis (the last column is never cut).
    public var maxCellWidth: Int

    public init(header: [String], rows: [[String]], maxCellWidth: Int = 64) {
        self.header = header
        self.rows = rows
        self.maxCellWidth = maxCellWidth
    }

    public func render() -> String {
        let columns = header.count
        // Widths in characters, counted once per cell (long tables are thousands of rows).
        let cut: [[(text: String, width: Int)]] = ([header] + rows).map { row in
            row.enumerated().map { index, cell in
                let width = cell.count
                return index < columns - 1 && width > maxCellWidth
                    ? (String(cell.prefix(maxCellWidth - 1)) + "…", maxCellWidth) : (cell, width)
            }
        }
        var widths = Array(repeating: 0, count: columns)
        for row in cut { for (index, cell) in row.enumerated() where index < columns { widths[index] = max(widths[index], cell.width) } }
        func line(_ row: [(text: String, width: Int)]) -> String {
            var text = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += cell.text
                if index < columns - 1 { text += String(repeating: " ", count: widths[index] - cell.width) }
            }
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(cut[0])]
        var rule = widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  ")
        while rule.last == " " { rule.removeLast() }
        lines.append(rule)
        lines += cut.dropFirst().map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
