import Foundation
import SamverkanRendering
import SamverkanTime
import Testing

@testable import SamverkanDomain

/// The draft of a correction: action items keep their numbers; `minutes show` reads back.
@Suite("Minutes draft: corrections")
struct MinutesCorrectionDraftTests {
    /// Stored minutes #5 with action items #7 and #8.
    static func original() throws -> Minutes {
        var minutes = try MinutesDraftParser.parse(
            MinutesFixture.filledDraft() + "- Utse kontaktperson | ansvarig: anna | klart: 2025-04-30\n", context: MinutesFixture.context())
        minutes.id = 5
        minutes.newActions[0].id = 7
        minutes.newActions[1].id = 8
        return minutes
    }

    @Test("A correction's draft lists items as #N; reading it back keeps the numbers, a changed text included")
    func numbersKept() throws {
        let original = try Self.original()
        let context = MinutesFixture.context(amends: original)
        var draft = original
        draft.newActions = original.newActions.map {
            ActionItem(text: $0.text, responsible: $0.responsible, due: $0.due, continues: $0.number)
        }
        var text = MinutesDraft.render(template: MinutesFixture.template(), context: context, minutes: draft)
        #expect(text.contains("- #7 Ta fram rutin | ansvarig: anna | klart: 2025-03-31\n- #8 Utse kontaktperson"))
        text = text.replacingOccurrences(of: "- #8 Utse kontaktperson", with: "- #8 Utse kontaktperson i varje kommun")
        let parsed = try MinutesDraftParser.parse(text, context: context)
        #expect(parsed.newActions.map(\.continues) == [7, 8])
        #expect(parsed.newActions[1].text == "Utse kontaktperson i varje kommun")
        #expect(parsed.actionChanges(from: original) == [ActionChange(number: 8, kind: .changed([.text]))])
        #expect(!parsed.saysTheSame(as: original))
        #expect(
            try MinutesDraftParser.parse(
                MinutesDraft.render(template: MinutesFixture.template(), context: context, minutes: draft), context: context
            ).saysTheSame(as: original))
    }

    @Test("#N is refused in new minutes and when the corrected minutes have no such item, or twice")
    func numbersRefused() throws {
        let line = "- #8 Utse kontaktperson | ansvarig: anna | klart: 2025-04-30\n"
        #expect {
            try MinutesDraftParser.parse(MinutesFixture.filledDraft() + line, context: MinutesFixture.context())
        } throws: { error in
            (error as? MinutesDraftError)?.problems.map(\.message) == [
                "en ny åtgärd har inget nummer: ta bort \"#8\" (numret ges när minnesanteckningarna sparas)"
            ]
        }
        let context = MinutesFixture.context(amends: try Self.original())
        #expect {
            try MinutesDraftParser.parse(
                MinutesFixture.filledDraft() + "- #9 Annat | ansvarig: anna | klart: 2025-04-30\n", context: context)
        } throws: { ($0 as? MinutesDraftError)?.problems.first?.message.contains("#9 är ingen åtgärd i minnesanteckningar #5") == true }
        #expect {
            try MinutesDraftParser.parse(MinutesFixture.filledDraft() + line + line, context: context)
        } throws: { ($0 as? MinutesDraftError)?.problems.first?.message == "åtgärd #8 står redan på en annan rad" }
        // "#8" not followed by a space is text, not a number.
        let text = try MinutesDraftParser.parse(
            MinutesFixture.filledDraft() + "- #8a är en text | ansvarig: anna | klart: 2025-04-30\n", context: context)
        #expect(text.newActions.last?.text == "#8a är en text")
    }

    @Test("minutes show's Markdown reads back as the same minutes; its HTML shows fields, not raw | status:")
    func document() throws {
        let original = try Self.original()
        let context = MinutesFixture.context()
        var shown = original
        shown.actionFollowUps = []
        let markdown = MinutesDocument.markdown(template: MinutesFixture.template(), records: [(shown, context)])
        #expect(markdown.contains("*#5 · extra möte · ej justerad*"))
        #expect(try MinutesDraftParser.parse(markdown, context: MinutesFixture.context(amends: original)).saysTheSame(as: original))
        let readable = MinutesDocument.markdown(template: MinutesFixture.template(), records: [(shown, context)], readable: true)
        let html = MinutesDocument.html(markdown: readable, template: try TextTemplate("{{{body}}}"), language: "sv")
        #expect(html.contains("<p>Struktur: RUG</p>"))
        #expect(html.contains("<li>#7 Ta fram rutin <span class=\"field\"><span class=\"label\">ansvarig:</span> anna</span>"))
        #expect(!html.contains("| ansvarig"))
    }

    @Test("Text with & < > shown escaped reads back as stored")
    func escaped() throws {
        var original = try Self.original()
        original.newActions[0].text = "Rutin för hälso- & sjukvård <utkast>"
        let shown = MarkdownEscaping.escapedHTML(
            MinutesDocument.markdown(template: MinutesFixture.template(), records: [(original, MinutesFixture.context())]))
        #expect(shown.contains("hälso- &amp; sjukvård &lt;utkast&gt;"))
        let draft = MinutesDocument.draft(correcting: 5, from: shown)
        let parsed = try MinutesDraftParser.parse(draft, context: MinutesFixture.context(amends: original))
        #expect(parsed.newActions[0].text == "Rutin för hälso- & sjukvård <utkast>")
        #expect(parsed.saysTheSame(as: original))
        // A draft typed by hand is read as typed.
        #expect(MinutesDocument.draft(correcting: 5, from: "Plats: A &amp; B\n") == "Plats: A &amp; B\n")
        #expect(MarkdownEscaping.unescapedHTML("&amp;lt; & &gt") == "&lt; & &gt")
    }
}
