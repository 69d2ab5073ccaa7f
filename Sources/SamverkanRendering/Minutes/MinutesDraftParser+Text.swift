import SamverkanDomain

/// The text of a draft before its lines are read: line ends, control characters, comments and
/// the privacy guard, on the text exactly as it will be stored and shown.
extension MinutesDraftParser {
    /// The text with CRLF and CR line ends (Windows and old Mac editors) turned into LF.
    public static func normalizedLineEnds(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                afterCR = true
                continue
            }
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = false
            result.append(scalar)
        }
        return String(result)
    }

    /// A control character that may not stand in a draft: C0 (NUL, ESC, BEL, …) except tab, DEL
    /// and C1. Stored text would be cut at a NUL or take over the terminal that shows it.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    /// `U+0000`: how a character nobody can see is named in a message.
    static func code(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The draft's lines with `<!-- … -->` comments blanked out (line numbers kept), and the line
    /// where a comment starts that is never closed.
    ///
    /// A comment is unclosed when the text ends inside it, when another `<!--` opens inside it, or
    /// when a `## ` heading stands inside it: it would swallow headings and decisions silently.
    public static func withoutComments(_ text: String) -> (lines: [Substring], unclosed: Int?) {
        var lines: [Substring] = []
        var openedOn: Int?
        var unclosed: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let start = openedOn, line.trimmed.hasScalarPrefix("## ") {
                unclosed = unclosed ?? start
                openedOn = nil
            }
            var kept = ""
            var rest = line[...]
            while !rest.isEmpty {
                if let start = openedOn {
                    let end = rest.firstRange(of: "-->")
                    if let reopened = rest.firstRange(of: "<!--"), end.map({ reopened.lowerBound < $0.lowerBound }) ?? true {
                        unclosed = unclosed ?? start
                        rest = rest[reopened.upperBound...]
                        openedOn = index + 1
                        continue
                    }
                    guard let end else {
                        rest = ""
                        break
                    }
                    rest = rest[end.upperBound...]
                    openedOn = nil
                } else {
                    guard let start = rest.firstRange(of: "<!--") else {
                        kept += rest
                        break
                    }
                    kept += rest[..<start.lowerBound]
                    rest = rest[start.upperBound...]
                    openedOn = index + 1
                }
            }
            lines.append(Substring(kept))
        }
        return (lines, unclosed ?? openedOn)
    }

    /// Refuses every line holding an identity or coordination number: as typed, as shown once
    /// comments are removed, and across two lines a comment or line break splits it over.
    mutating func checkPrivacy(raw: [Substring], shown: [Substring]) {
        var flagged = Set<Int>()
        for (index, line) in raw.enumerated() where IdentityNumberGuard.containsNumber(line) { flagged.insert(index + 1) }
        for (index, line) in shown.enumerated() where IdentityNumberGuard.containsNumber(line) { flagged.insert(index + 1) }
        for index in shown.indices.dropFirst() where !flagged.contains(index) && !flagged.contains(index + 1) {
            if IdentityNumberGuard.containsNumber(shown[index - 1].trimmed + "\n" + shown[index].trimmed) { flagged.insert(index + 1) }
        }
        for line in flagged.sorted() { fail(line, "minutes.error.privacy") }
    }
}
