import Foundation
import SamverkanDomain

/// Everything the commands print goes through here, so no text from a configuration, a
/// draft, an option or the database can drive the terminal: control characters (C0 except
/// tab and newline, DEL, C1) are shown visibly instead —
/// `^[` for ESC, `^G` for BEL, `^M` for a lone CR, U+FFFD for C1 — and never written raw.
enum TerminalOutput {
    /// The text with every control character made visible.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        // A document with CRLF line ends throughout (iCalendar, CSV) keeps them; anywhere
        // else a CR is escaped, even before a newline.
        let crlfDocument = scalars.indices.allSatisfy { scalars[$0] != "\n" || $0 > 0 && scalars[$0 - 1] == "\r" }
        for (index, scalar) in scalars.enumerated() {
            if crlfDocument, scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                result.append(scalar)
            } else if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F {
                result.append("^")
                result.append(Unicode.Scalar(UInt8(scalar.value ^ 0x40)))
            } else if (0x80...0x9F).contains(scalar.value) {
                result.append("\u{FFFD}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Writes text to standard error, escaped, with any identity number masked (errors and
    /// warnings never repeat one).
    static func writeError(_ text: String) {
        fflush(nil)  // after what standard output holds so far, so the two stay in order
        FileHandle.standardError.write(Data(escaped(IdentityNumberGuard.redacted(text)).utf8))
    }
}

/// Standard output of every command of this module (it shadows the standard library's `print`):
/// the same buffered stream, with control characters escaped by ``TerminalOutput/escaped(_:)``.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(TerminalOutput.escaped(items.map { "\($0)" }.joined(separator: separator) + terminator), terminator: "")
}
