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

    init(root: URL) throws {
        let configuration = try ConfigLoader.load(path: root.appendingPathComponent("Config/halland.yaml").path)
        let library = try TemplateLibrary(language: "sv")
        template = try library.template("minutes.md")
        let structure = configuration.structure("rug")!
        context = MinutesDraftContext(configuration: configuration, structure: structure, phrases: try library.phrasebook())
        let blank = MinutesDraft.blank(context: context, date: LocalDate(iso: "2025-03-13")!, time: nil)
        baseDraft = Self.markPresent(MinutesDraft.render(template: template, context: context, minutes: blank))
    }

    /// A whole draft: refused without echo, or accepted, stored and read back as written.
    func check(_ text: String, store: AppDatabase, accepted: () -> Void) -> FuzzFinding? {
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
