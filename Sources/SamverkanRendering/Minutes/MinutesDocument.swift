public import SamverkanDomain
import SamverkanTime

/// Minutes as a document to read (`minutes show`): Markdown, or self-contained printable HTML.
///
/// The body is the draft format without its help comments, under a status line, so what was
/// typed and what is shown read the same. Amendments follow the record they correct.
public enum MinutesDocument {
    /// The Markdown document of minutes and the amendments that correct them.
    /// - Parameters:
    ///   - template: `Templates/<lang>/minutes.md`, compiled.
    ///   - records: the minutes, then each amendment, with the context each was written in.
    ///   - draftStatus: the status of records not approved that are partly signed, by id
    ///     (the others say "not approved").
    ///   - corrected: the minutes the first record corrects, if any: what its action items
    ///     changed from, and whether it waits for approval.
    ///   - readable: the structure by name (for HTML), not by id (the draft format, which
    ///     `minutes amend --file` reads back).
    public static func markdown(
        template: TextTemplate, records: [(Minutes, MinutesDraftContext)], draftStatus: [Int64: String] = [:],
        corrected: Minutes? = nil, readable: Bool = false
    ) -> String {
        records.enumerated().map { index, record in
            let (minutes, context) = record
            let p = context.phrases
            let before = index > 0 ? records[index - 1].0 : corrected
            let after = index + 1 < records.count ? records[index + 1].0 : nil
            let notes = correctionNotes(minutes, before: before, after: after, phrases: p)
            var status: [String] = []
            if let id = minutes.id { status.append("#\(id)") }
            if minutes.isExtra { status.append(p.text("minutes.extra")) }
            if let amended = minutes.amends { status.append(p.text("minutes.amends", ["id": String(amended)])) }
            if let approval = minutes.approval {
                status.append(p.text("minutes.approved", ["date": approval.date.iso, "by": p.list(approval.by)]))
            } else {
                status.append(minutes.id.flatMap { draftStatus[$0] } ?? p.text("minutes.draft"))
            }
            if index + 1 < records.count, let next = records[index + 1].0.id {
                status.append(p.text("minutes.amended-by", ["id": String(next)]))
            }
            let draft = MinutesDraft.render(
                template: template, context: context, minutes: minutes,
                structureLabel: readable ? context.structure.name.singleLine : nil)
            let body = MinutesDraftParser.withoutComments(draft).lines
            var lines: [String] = []
            for line in body.map(\.trimmedTrailing) where !(line.isEmpty && (lines.last?.isEmpty ?? true)) {
                lines.append(line)
            }
            if let heading = lines.firstIndex(where: { $0.hasPrefix("# ") }) {
                lines.insert(
                    contentsOf: ["", "*" + status.joined(separator: " · ") + "*"] + notes.map { "*\($0.singleLine)*" }, at: heading + 1)
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n---\n\n")
    }

    /// Self-contained HTML of the Markdown document, in `Templates/<lang>/minutes.html`
    /// (`{{lang}}`, `{{title}}` escaped by the template, `{{{body}}}` the HTML made here, where
    /// every text is escaped by ``HTMLEscaping``).
    public static func html(markdown: String, template: TextTemplate, language: String) -> String {
        var body: [String] = []
        var inList = false
        var title = ""
        func closeList() {
            if inList {
                body.append("</ul>")
                inList = false
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmed
            if line.isEmpty {
                closeList()
                continue
            }
            if line == "---" {
                closeList()
                body.append("<hr>")
                continue
            }
            if let level = [3, 2, 1].first(where: { line.hasPrefix(String(repeating: "#", count: $0) + " ") }) {
                closeList()
                let text = String(line.dropFirst(level + 1))
                if title.isEmpty, level == 1 { title = text }
                body.append("<h\(level)>\(escape(text))</h\(level)>")
                continue
            }
            if line.hasPrefix("- ") {
                if !inList {
                    body.append("<ul>")
                    inList = true
                }
                var text = String(line.dropFirst(2))
                var mark = ""
                if text.hasPrefix("[x] ") || text.hasPrefix("[X] ") {
                    mark = "☑ "
                    text = String(text.dropFirst(4))
                }
                if text.hasPrefix("[ ] ") {
                    mark = "☐ "
                    text = String(text.dropFirst(4))
                }
                body.append("<li>\(mark)\(listItem(text))</li>")
                continue
            }
            if raw.hasPrefix("  "), inList, let last = body.popLast() {
                body.append(String(last.dropLast(5)) + "<br>" + escape(line) + "</li>")
                continue
            }
            closeList()
            if line.hasPrefix("*"), line.hasSuffix("*"), line.count > 1 {
                body.append("<p class=\"status\">\(escape(String(line.dropFirst().dropLast())))</p>")
            } else {
                body.append("<p>\(escape(line))</p>")
            }
        }
        closeList()
        return template.render(["lang": language, "title": title, "body": body.joined(separator: "\n")])
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escaped(text) }

    /// A list line as HTML: its text, then its `| label: value` fields (status, comment,
    /// responsible, due date, substitute) as readable fields; empty fields are left out.
    static func listItem(_ text: String) -> String {
        var segments = text.split(separator: " | ", omittingEmptySubsequences: false).map(String.init)
        var fields: [(String, String)] = []
        while segments.count > 1, let last = segments.last, let colon = last.firstIndex(of: ":"),
            !last[..<colon].isEmpty, last[..<colon].allSatisfy(\.isLetter)
        {
            fields.insert((String(last[..<colon]), last[last.index(after: colon)...].trimmed), at: 0)
            segments.removeLast()
        }
        let shown = fields.filter { !$0.1.isEmpty }.map { label, value in
            "<span class=\"field\"><span class=\"label\">\(escape(label)):</span> \(escape(value))</span>"
        }
        return escape(segments.joined(separator: " | ")) + (shown.isEmpty ? "" : " " + shown.joined(separator: " "))
    }
}

extension StringProtocol {
    var trimmedTrailing: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
