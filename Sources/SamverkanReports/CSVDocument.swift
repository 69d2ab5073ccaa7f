import Foundation

/// A CSV file that Swedish Excel opens correctly: UTF-8 with a byte-order mark, `;` between
/// cells, CRLF line ends, cells quoted when they hold a separator, quote or line break.
///
/// Cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return are neutralised with a
/// leading apostrophe, so a name or reason typed into the minutes can never run as a formula
/// when the file is opened (CSV injection).
public struct CSVDocument: Sendable {
    public var header: [String]
    public var rows: [[String]]
    public var separator: Character

    public init(header: [String], rows: [[String]], separator: Character = ";") {
        self.header = header
        self.rows = rows
        self.separator = separator
    }

    /// The file's text, starting with the byte-order mark.
    public func render() -> String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(cell).joined(separator: String(separator)) + "\r\n" }.joined()
    }

    /// One cell, neutralised and quoted as needed.
    public func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        if text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") {
            text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
