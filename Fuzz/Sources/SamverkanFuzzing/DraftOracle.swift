import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// The draft checks: the shipped Halland configuration's RUG, its template, and what a secretary
/// may type. See ``FuzzTargets`` for what each check means.
struct DraftOracle {
    let context: MinutesDraftContext
    let template: TextTemplate
    /// The blank template filled in: one person present, one decision.
    let baseDraft: String
    /// `minutes amend` of minutes #7 (§ 1 decided, follow-ups of open item #1 and of item #2,
    /// which correction #9 withdrew since): the context and its draft. Items #2 and #3 are
    /// withdrawn in ``context`` too, so a follow-up of one is refused there.
    let correction: MinutesDraftContext
    let correctionDraft: String

    init(root: URL) throws {
        let configuration = try ConfigLoader.load(path: root.appendingPathComponent("Config/halland.yaml").path)
        let library = try TemplateLibrary(language: "sv")
        template = try library.template("minutes.md")
        let structure = configuration.structure("rug")!
        let decided = LocalDate(iso: "2025-02-13")!
        let responsible = Responsible(kind: .person, id: "socialchef-halmstad")
        let withdrawn = [Int64(2), 3].map { (number: Int64) in
            WithdrawnAction(
                item: ActionItem(
                    id: number, text: "Sprida rutinen \(number)", responsible: responsible, due: LocalDate(iso: "2025-04-30")!),
                structureID: structure.id, decidedOn: decided, withdrawnIn: 9, corrects: 7)
        }
        let phrases = try library.phrasebook()
        context = MinutesDraftContext(configuration: configuration, structure: structure, withdrawnActions: withdrawn, phrases: phrases)
        let blank = MinutesDraft.blank(context: context, date: LocalDate(iso: "2025-03-13")!, time: nil)
        baseDraft = Self.markPresent(MinutesDraft.render(template: template, context: context, minutes: blank))
        var original = try MinutesDraftParser.parse(baseDraft, context: context)
        original.id = 7
        original.decisions = [Decision(number: 1, text: "RUG ställer sig bakom rutinen.")]
        original.actionFollowUps = [
            ActionFollowUp(actionID: 1, status: .inProgress, comment: "Pågår"),
            ActionFollowUp(actionID: 2, status: .inProgress, comment: "Skickad på remiss"),
        ]
        let open = OpenAction(
            item: ActionItem(id: 1, text: "Ta fram rutinen", responsible: responsible, due: LocalDate(iso: "2025-05-31")!),
            structureID: structure.id, decidedOn: decided, status: .inProgress)
        correction = MinutesDraftContext(
            configuration: configuration, structure: structure, openActions: [open], withdrawnActions: withdrawn, amends: original,
            phrases: phrases)
        var amended = original
        amended.id = nil
        amended.amends = 7
        correctionDraft = MinutesDraft.render(template: template, context: correction, minutes: amended)
    }

    /// The context a draft is read in: the correction's when its title says it corrects #7.
    func context(of text: String) -> MinutesDraftContext {
        text.contains(context.phrases.text("minutes.amends", ["id": "7"])) ? correction : context
    }

    /// A whole draft: refused without echo, or accepted, stored and read back as written.
    func check(_ text: String, store: AppDatabase, accepted: () -> Void) -> FuzzFinding? {
        let context = context(of: text)
        let minutes: Minutes
        do { minutes = try MinutesDraftParser.parse(text, context: context) } catch {
            return Echo.check(error.problems.map(\.description) + [Echo.message(error)], surface: "draft")
        }
        accepted()
        let texts = minutes.freeTexts
        if texts.contains(where: { IdentityNumberGuard.containsNumber($0) }) {
            return FuzzFinding(.guardBypassed, "draft: stored text holds a number")
        }
        if let planted = Echo.planted(in: texts, bounded: true) {
            return FuzzFinding(.guardBypassed, "draft: planted number #\(planted) stored")
        }
        let shown = MinutesDraftParser.withoutComments(MinutesDraftParser.normalizedLineEnds(text)).lines.joined(separator: "\n")
        for line in texts.flatMap({ $0.split(separator: "\n") }) where !shown.contains(line) {
            return FuzzFinding(.textLost, "draft: a stored line is not in the draft as written")
        }
        let again = MinutesDraft.render(template: template, context: context, minutes: minutes)
        guard let reread = try? MinutesDraftParser.parse(again, context: context) else {
            return FuzzFinding(.textLost, "draft: the rendered draft of accepted minutes is refused")
        }
        if reread != minutes { return FuzzFinding(.textLost, "draft: parse → render → parse changed the minutes") }
        // A correction of #7 is not stored: the store holds no minutes #7 to correct.
        if minutes.amends != nil { return nil }
        var plain = minutes
        plain.plannedDate = minutes.date
        guard let saved = try? store.save(plain), let id = saved.id, let back = try? store.minutes(id: id) else { return nil }
        if back.freeTexts != texts { return FuzzFinding(.textLost, "draft: the store did not keep the text as written") }
        return nil
    }

    /// A line typed as a decision: refused, or stored exactly as typed (trimmed of spaces and tabs).
    func checkPlanted(_ text: String) -> FuzzFinding? {
        let line = String(text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }.prefix(160))
        let draft = baseDraft.replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- \(line)\n")
        guard let minutes = try? MinutesDraftParser.parse(draft, context: context) else { return nil }
        let typed = Self.trimmed(line)
        if IdentityNumberGuard.containsNumber(typed) || Echo.planted(in: [typed], bounded: true) != nil {
            return FuzzFinding(.guardBypassed, "decision: a line with a number was accepted")
        }
        guard !typed.isEmpty, !typed.hasPrefix("§"), !line.contains("<!--"), !line.contains("-->"),
            !line.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " && $0 != "\t" })
        else { return nil }
        if minutes.decisions.map(\.text) != [typed] { return FuzzFinding(.textLost, "decision: not stored as typed") }
        return nil
    }

    /// The unedited template of every structure (everyone present) parses.
    func checkTemplates(of configuration: RegionConfiguration) -> FuzzFinding? {
        // A structure with no configured chair needs the chair or a justerare written in: its
        // unedited template is refused for that, rightly.
        let allowed = ["minutes.error.privacy", "minutes.error.comment-unclosed", "minutes.error.no-signatory"].map {
            context.phrases.text($0, ["line": ""])
        }
        for structure in configuration.structures.prefix(3) {
            let context = MinutesDraftContext(configuration: configuration, structure: structure, phrases: self.context.phrases)
            let blank = MinutesDraft.blank(context: context, date: structure.starts, time: nil)
            let draft = Self.markPresent(MinutesDraft.render(template: template, context: context, minutes: blank))
            do { _ = try MinutesDraftParser.parse(draft, context: context) } catch {
                if let echo = Echo.check(error.problems.map(\.description), surface: "config template") { return echo }
                // A configured name with a number is refused in the draft, as it should be; one with
                // a comment marker (`<!--`) is the configuration check's to refuse (issue 13, item 13/14).
                if error.problems.contains(where: { $0.message == self.context.phrases.text("minutes.error.privacy") }) { continue }
                if error.problems.contains(where: { $0.message.hasPrefix(String(allowed[1].prefix(20))) }) { continue }
                let unexpected = error.problems.filter { problem in !allowed.contains { problem.message.hasPrefix(String($0.prefix(20))) } }
                if !unexpected.isEmpty, !context.attendees.isEmpty {
                    return FuzzFinding(
                        .textLost, "config: the unedited template of a structure is refused (\(unexpected[0].description.prefix(120)))")
                }
            }
        }
        return nil
    }

    /// Every `- [ ] ` line ticked, by unicode scalars (a name may start with a combining mark,
    /// which makes `] ` and the mark one character).
    static func markPresent(_ draft: String) -> String {
        draft.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let scalars = Array(line.unicodeScalars)
            guard scalars.starts(with: "- [ ] ".unicodeScalars) else { return String(line) }
            return "- [x] " + String(String.UnicodeScalarView(scalars.dropFirst(6)))
        }.joined(separator: "\n")
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
