public import SamverkanDomain
import SamverkanTime

/// Reads a filled-in draft (see ``MinutesDraft``) back into ``Minutes``, reporting every
/// mistake as `LINE: message` in the draft's language.
///
/// Text inside `<!-- … -->` is ignored. The privacy guard runs over the whole text first: a line
/// with a personal identity or coordination number is refused without repeating the number.
public struct MinutesDraftParser: Sendable {
    enum Section: String, CaseIterable {
        case header, attendance, agenda, previous, followUps = "follow-ups", activities, items, decisions, actions
    }

    public let context: MinutesDraftContext
    var problems: [DraftProblem] = []
    var minutes: Minutes

    public init(context: MinutesDraftContext) {
        self.context = context
        minutes = Minutes(structureID: context.structure.id, date: LocalDate(year: 2000, month: 1, day: 1)!,
                          amends: context.amends?.id)
    }

    /// Parses a draft.
    /// - Throws: ``MinutesDraftError`` with every problem found, in line order.
    public static func parse(_ text: String, context: MinutesDraftContext) throws(MinutesDraftError) -> Minutes {
        var parser = MinutesDraftParser(context: context)
        return try parser.run(text)
    }

    mutating func run(_ text: String) throws(MinutesDraftError) -> Minutes {
        let p = context.phrases
        for line in IdentityNumberGuard.lines(in: text) {
            problems.append(DraftProblem(line: line, message: p.text("minutes.error.privacy")))
        }
        var section = Section.header
        var sawDate = false
        for (number, raw) in Self.withoutComments(text).enumerated() {
            let line = raw.trimmed
            let lineNumber = number + 1
            if line.isEmpty { continue }
            if line.hasPrefix("## ") {
                let heading = String(line.dropFirst(3)).folded
                if let found = Section.allCases.first(where: { $0 != .header && p.text("minutes.section.\($0.rawValue)").folded == heading }) {
                    section = found
                } else {
                    let sections = Section.allCases.dropFirst().map { "\"\(p.text("minutes.section.\($0.rawValue)"))\"" }
                    fail(lineNumber, "minutes.error.unknown-section", ["value": String(line.dropFirst(3)).trimmed,
                                                                      "sections": p.list(sections)])
                }
                continue
            }
            if line.hasPrefix("# ") && section == .header { continue }
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
        if !minutes.attendance.isEmpty || !context.attendees.isEmpty, !minutes.attendance.contains(where: \.present) {
            fail(firstAttendanceLine ?? 1, "minutes.error.nobody-present")
        }
        guard problems.isEmpty else { throw MinutesDraftError(problems: problems) }
        return minutes
    }

    var firstAttendanceLine: Int?
    var currentAgenda: Int?
    var currentItem: Int?
    var currentDecision: Int?

    mutating func fail(_ line: Int, _ key: String, _ values: [String: String] = [:]) {
        problems.append(DraftProblem(line: line, message: context.phrases.text(key, values)))
    }

    /// The draft's lines with `<!-- … -->` comments blanked out (line numbers kept).
    static func withoutComments(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var inComment = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var kept = ""
            var rest = line[...]
            while !rest.isEmpty {
                if inComment {
                    guard let end = rest.firstRange(of: "-->") else { rest = ""; break }
                    rest = rest[end.upperBound...]
                    inComment = false
                } else {
                    guard let start = rest.firstRange(of: "<!--") else { kept += rest; break }
                    kept += rest[..<start.lowerBound]
                    rest = rest[start.upperBound...]
                    inComment = true
                }
            }
            lines.append(Substring(kept))
        }
        return lines
    }
}
