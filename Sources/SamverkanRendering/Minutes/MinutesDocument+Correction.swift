import SamverkanDomain

/// Corrections in the document: what a correction changed and whether it waits for approval,
/// and reading a shown document back as the draft of a correction.
extension MinutesDocument {
    /// The lines under a record's status line: a correction waiting for approval (on the
    /// correction and on the approved record that counts until then) and what the correction did
    /// to the numbered decisions and the action items of the record `before` it.
    static func correctionNotes(_ minutes: Minutes, before: Minutes?, after: Minutes?, phrases p: Phrasebook) -> [String] {
        var notes: [String] = []
        if let before, before.id == minutes.amends {
            let decisions = minutes.decisionChanges(from: before)
            notes = decisions.changed.map { p.text("minutes.decision.changed", ["number": String($0)]) }
            notes += decisions.withdrawn.map { p.text("minutes.decision.withdrawn", ["number": String($0)]) }
            notes += minutes.actionChanges(from: before).map { change in
                switch change.kind {
                case .withdrawn: return p.text("minutes.action.withdrawn", ["number": String(change.number)])
                case .changed(let fields):
                    let names = fields.map { p.text($0 == .text ? "minutes.change.text" : "minutes.field.\($0.rawValue)") }
                    return p.text("minutes.action.changed", ["number": String(change.number), "fields": p.list(names)])
                }
            }
            // Until a correction of approved minutes is approved, the original counts.
            if minutes.approval == nil, before.approval != nil, let id = minutes.id, let original = before.id {
                notes.insert(p.text("minutes.correction-pending", ["id": String(id), "original": String(original)]), at: 0)
            }
        }
        if minutes.approval != nil, let after, after.approval == nil, let id = after.id, let original = minutes.id {
            notes.append(p.text("minutes.correction-pending", ["id": String(id), "original": String(original)]))
        }
        return notes
    }

    /// A draft from the text `minutes show` printed, for `minutes amend ID --file`: the part of
    /// record `id` (see ``record(_:in:)``), its text as stored (`&amp;` back to `&`: the shown
    /// Markdown escapes `&`, `<` and `>`). Any other text is returned as it is.
    public static func draft(correcting id: Int64, from text: String) -> String {
        let part = record(id, in: text) ?? text
        let shown = part.split(separator: "\n").contains { $0.hasPrefix("*#") && $0.hasSuffix("*") }
        return shown ? MarkdownEscaping.unescapedHTML(part) : part
    }

    /// The part of a document of several records (minutes and their corrections, separated by
    /// `---`) whose status line names record `id` (`*#12 · …*`); nil when the text holds one
    /// record only, or none is `id`. `minutes amend ID --file` reads the record it corrects.
    public static func record(_ id: Int64, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var parts: [[Substring]] = [[]]
        for (index, line) in lines.enumerated() {
            let next = lines[(index + 1)...].first { !$0.trimmed.isEmpty }
            if line.trimmed == "---", next?.hasPrefix("# ") == true {
                parts.append([])
            } else {
                parts[parts.count - 1].append(line)
            }
        }
        guard parts.count > 1 else { return nil }
        let status = "*#\(id)"
        return parts.first { part in
            part.contains { line in
                line.hasPrefix(status) && line.dropFirst(status.count).first.map { $0 == " " || $0 == "*" } == true
            }
        }.map { $0.joined(separator: "\n") }
    }
}
