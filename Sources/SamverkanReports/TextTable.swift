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
        // One text written line by line (a national report's tables are some 800 KB), padded
        // from runs of spaces made once per width, not a new string per cell.
        let padding = (0...(widths.max() ?? 0)).map { String(repeating: " ", count: $0) }
        var text = ""
        text.reserveCapacity(cut.count * (widths.reduce(0, +) + 2 * columns))
        func line(_ row: [(text: String, width: Int)]) {
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += cell.text
                if index < columns - 1 { text += padding[widths[index] - cell.width] }
            }
            // The line's trailing spaces (the line before ends with a newline, where this stops).
            while text.last == " " { text.removeLast() }
            text += "\n"
        }
        line(cut[0])
        text += widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  ")
        text += "\n"
        for row in cut.dropFirst() { line(row) }
        return text
    }
}
