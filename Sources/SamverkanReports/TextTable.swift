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
        let all = [header] + rows
        let columns = header.count
        let cut = all.map { row in
            row.enumerated().map { index, cell in
                index < columns - 1 && cell.count > maxCellWidth ? String(cell.prefix(maxCellWidth - 1)) + "…" : cell
            }
        }
        let widths = (0..<columns).map { column in cut.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        var lines = [line(cut[0]), widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  ")]
        lines += cut.dropFirst().map(line)
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }
}
