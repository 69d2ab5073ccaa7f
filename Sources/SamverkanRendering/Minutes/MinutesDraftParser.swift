public import SamverkanDomain
import SamverkanTime

/// Reads a filled-in draft (see ``MinutesDraft``) back into ``Minutes``, reporting every
/// mistake as `LINE: message` in the draft's language.
///
/// Line ends may be LF, CRLF or CR. Text inside `<!-- … -->` is ignored; a comment never closed is
/// refused, as are control characters (NUL, ESC, …). The privacy guard runs on the lines as typed,
/// as shown once comments are removed, and on every stored free text: a line with a personal
/// identity or coordination number is refused, and no message ever quotes a value holding one.
public struct MinutesDraftParser: Sendable {
    enum Section: String, CaseIterable {
        case header, attendance, agenda, previous
        case followUps = "follow-ups"
        case activities, items, decisions, actions
    }

    public let context: MinutesDraftContext
    var problems: [DraftProblem] = []
    var minutes: Minutes

    public init(context: MinutesDraftContext) {
        self.context = context
        minutes = Minutes(
            structureID: context.structure.id, date: LocalDate(year: 2000, month: 1, day: 1)!,
            amends: context.amends?.id)
    }

    /// Parses a draft.
    /// - Throws: ``MinutesDraftError`` with every problem found, in line order.
    public static func parse(_ text: String, context: MinutesDraftContext) throws(MinutesDraftError) -> Minutes {
        var parser = MinutesDraftParser(context: context)
        return try parser.run(text)
    }

    mutating func run(_ draft: String) throws(MinutesDraftError) -> Minutes {
        let p = context.phrases
        let text = Self.normalizedLineEnds(draft)
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in rawLines.enumerated() {
            if let scalar = line.unicodeScalars.first(where: Self.isForbiddenControl) {
                fail(index + 1, "minutes.error.control-character", ["code": Self.code(of: scalar)])
            }
        }
        let (lines, unclosed) = Self.withoutComments(text)
        if let unclosed { fail(unclosed, "minutes.error.comment-unclosed", ["line": String(unclosed)]) }
        checkPrivacy(raw: rawLines, shown: lines)
        var section = Section.header
        var sawDate = false
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmed
            let lineNumber = number + 1
            if line.isEmpty { continue }
            if line.hasScalarPrefix("## ") {
                let heading = line.droppingScalars(3).folded
                if let found = Section.allCases.first(where: { $0 != .header && p.text("minutes.section.\($0.rawValue)").folded == heading }
                ) {
                    section = found
                } else {
                    let sections = Section.allCases.dropFirst().map { "\"\(p.text("minutes.section.\($0.rawValue)"))\"" }
                    fail(
                        lineNumber, "minutes.error.unknown-section",
                        [
                            "value": line.droppingScalars(3).trimmed,
                            "sections": p.list(sections),
                        ])
                }
                continue
            }
            if line.hasScalarPrefix("# ") && section == .header { continue }
            // The status line of `minutes show` (`*#5 · justerad …*`): shown, not part of a draft.
            if section == .header, line.count > 1, line.hasPrefix("*"), line.hasSuffix("*") { continue }
            switch section {
            case .header:
                let key = headerField(line, lineNumber)
                if key == "date" || key == "date-missing" { sawDate = true }
            case .attendance: attendanceLine(line, lineNumber)
            case .agenda: agendaLine(line, raw: raw, lineNumber)
            case .previous: previousLine(line, lineNumber)
            case .followUps: followUpLine(line, lineNumber)
            case .activities: activityLine(line, lineNumber)
            case .items: itemLine(line, lineNumber)
            case .decisions: decisionLine(line, lineNumber)
            case .actions: newActionLine(line, lineNumber)
            }
        }
        if !sawDate { fail(1, "minutes.error.date-missing", ["label": p.text("minutes.field.date")]) }
        if !minutes.attendance.isEmpty || !minutes.organisationAttendance.isEmpty || !context.attendees.isEmpty,
            !minutes.attendance.contains(where: \.present), !minutes.organisationAttendance.contains(where: \.present)
        {
            fail(firstAttendanceLine ?? 1, "minutes.error.nobody-present")
        }
        // Someone must be able to sign (justera): the chair or a justerare named, or a configured chair.
        if minutes.chair.trimmed.isEmpty, minutes.approvers.isEmpty, context.structure.chair == nil {
            // Reported where the writer acts: the chair's line (else the justerare's).
            fail(
                chairLine ?? approversLine ?? 1, "minutes.error.no-signatory",
                ["chair": p.text("minutes.field.chair"), "approvers": p.text("minutes.field.approvers")])
        }
        if problems.isEmpty, minutes.freeTexts.contains(where: { IdentityNumberGuard.containsNumber($0) }) {
            fail(1, "minutes.error.privacy")
        }
        guard problems.isEmpty else { throw MinutesDraftError(problems: problems) }
        return minutes
    }

    var firstAttendanceLine: Int?
    /// The lines of the header's chair and justerare fields, where a missing signatory is reported.
    var chairLine: Int?
    var approversLine: Int?
    var currentAgenda: Int?
    var currentItem: Int?
    var currentDecision: Int?

    /// Adds a problem; a value holding an identity number is never quoted back.
    mutating func fail(_ line: Int, _ key: String, _ values: [String: String] = [:]) {
        let safe = values.mapValues { IdentityNumberGuard.mayContainNumber($0) ? IdentityNumberGuard.mask : $0 }
        problems.append(DraftProblem(line: line, message: context.phrases.text(key, safe)))
    }
}
