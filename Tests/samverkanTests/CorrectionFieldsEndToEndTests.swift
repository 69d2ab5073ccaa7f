import Foundation
import SamverkanTestSupport
import Testing

/// An unchanged correction is refused, and a change of any one field a secretary writes makes a
/// correction (issue 12: the check once missed organisation attendance).
@Suite("correction fields end to end", .serialized)
struct CorrectionFieldsEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// A change of the shown text of minutes: what it changes, and how.
    struct Change: CustomStringConvertible, Sendable {
        var description: String
        var apply: @Sendable (String) -> String
    }

    static func replacing(_ what: String, _ old: String, _ new: String) -> Change {
        Change(description: what) { $0.replacingOccurrences(of: old, with: new) }
    }

    static func line(_ what: String, _ pattern: String, _ template: String) -> Change {
        Change(description: what) { $0.replacingOccurrences(of: pattern, with: template, options: .regularExpression) }
    }

    /// One change of each field of the draft of RUG's minutes of 2025-04-10 (#2 of
    /// ``CorrectionEndToEndTests/seeded()``), applied one after the other.
    static let changes: [Change] = [
        line("time", #"(?m)^Tid:.*$"#, "Tid: 13:15"),
        line("place", #"(?m)^Plats:.*$"#, "Plats: Varbergs sjukhus"),
        line("secretary", #"(?m)^Sekreterare:.*$"#, "Sekreterare: Eva Ek"),
        line("justerare", #"(?m)^Justerare:.*$"#, "Justerare: Socialchef Varberg"),
        replacing("a person present", "- [ ] Socialchef Laholm", "- [x] Socialchef Laholm"),
        line("a substitute", #"(?m)^(- \[ \] Socialchef Hylte.*)$"#, "$1 | ersättare: Eva Ek"),
        replacing(
            "an organisation present", "### Falkenbergs kommun\n",
            "### Falkenbergs kommun\n- [x] Falkenbergs kommun | deltagare: Per Persson\n"),
        replacing("who came for an organisation", "deltagare: Per Persson", "deltagare: Pia Persson"),
        line("an agenda item covered", #"(?m)^- \[ \] (Statsbidrag.*)$"#, "- [x] $1"),
        line("an agenda item's notes", #"(?m)^(- \[x\] Statsbidrag.*)$"#, "$1\n  Återredovisningen är inlämnad."),
        line("the previous minutes approved", #"(?m)^- \[ \] (.*\(#1\).*)$"#, "- [x] $1"),
        replacing("a follow-up's comment", "kommentar: Två av sex kommuner", "kommentar: Tre av sex kommuner"),
        replacing("a follow-up's status", "status: klar", "status: delvis"),
        replacing("a free agenda item", "## Övriga punkter\n", "## Övriga punkter\n### Lokaler\nNya lokaler.\n"),
        replacing("a free agenda item's notes", "Nya lokaler.", "Nya lokaler i Varberg."),
        replacing("a decision", "## Beslut\n", "## Beslut\n- RUG beslutar om lokaler.\n"),
        replacing("a decision's text", "RUG beslutar om lokaler.", "RUG beslutar om nya lokaler."),
        Change(description: "an action item") { $0 + "- Boka lokal | ansvarig: socialchef-halmstad | klart: 2025-05-31\n" },
        replacing("an action item's text", "Boka lokal |", "Boka större lokal |"),
        replacing(
            "an action item's responsible", "ansvarig: socialchef-halmstad | klart: 2025-05-31", "ansvarig: varberg | klart: 2025-05-31"),
        replacing("an action item's due date", "klart: 2025-05-31", "klart: 2025-06-30"),
    ]

    @Test("Each field changed in turn makes a correction of the one before; the text as shown is refused as unchanged")
    func eachFieldCounts() throws {
        let w = try CorrectionEndToEndTests.seeded()
        var latest = 2
        for change in Self.changes {
            let shown = try w.run(["minutes", "show", String(latest)], today: "2025-04-11").stdout
            let changed = change.apply(shown)
            #expect(changed != shown, "\(change): nothing to change in\n\(shown)")
            let file = try w.write(changed, "correction-\(latest).md")
            let amend = try w.run(["minutes", "amend", String(latest), "--file", file], today: "2025-04-11")
            #expect(amend.status == 0, "\(change): \(amend.stderr)")
            #expect(amend.stdout.contains("Sparade minnesanteckningar #\(latest + 1)"), "\(change): \(amend.stdout)")
            guard amend.status == 0 else { return }
            latest += 1
        }
        // The last correction as shown, and with the editor closed unchanged: refused.
        let shown = try w.run(["minutes", "show", String(latest)], today: "2025-04-11").stdout
        let same = try w.run(["minutes", "amend", String(latest), "--file", try w.write(shown, "same.md")], today: "2025-04-11")
        #expect(same.status == 1)
        #expect(same.stderr.contains("rättelsen av minnesanteckningar #\(latest) ändrar ingenting"), "\(same.stderr)")
        let editor = try w.run(["minutes", "amend", String(latest)], today: "2025-04-11", editor: "true")
        #expect(editor.status == 1)
        #expect(editor.stderr.contains("ändrar ingenting"), "\(editor.stderr)")
    }
}
