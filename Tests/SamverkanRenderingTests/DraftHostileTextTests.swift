import Foundation
import SamverkanTime
import Testing

@testable import SamverkanDomain
@testable import SamverkanRendering

/// What the fuzz harness found in the draft format: configured names the parser must read back
/// as the writer wrote them, and text that must be refused rather than changed.
@Suite("Hostile text in drafts")
struct DraftHostileTextTests {
    /// The fixture's configuration with Anna's name and role replaced.
    func context(name: String, role: String?) -> MinutesDraftContext {
        var configuration = MinutesFixture.configuration
        configuration = RegionConfiguration(
            region: configuration.region, organisations: configuration.organisations,
            people: configuration.people.map {
                $0.id == "anna" ? Person(id: "anna", name: name, role: role, organisation: "halmstad") : $0
            },
            structures: configuration.structures)
        return MinutesDraftContext(configuration: configuration, structure: configuration.structures[0], phrases: MinutesFixture.phrases())
    }

    @Test(
        "The unedited template parses whatever a configured name holds",
        arguments: [
            ("Anna\nBcc: evil@example.com", "Socialchef"), ("\u{0} ", "Socialchef"), ("(roll) Anna", "Chef (tf)"),
            ("Anna | ersättare: Bo", nil), ("\u{301}Anna", nil), ("Anna<!-- x -->", "Chef"),
        ] as [(String, String?)])
    func configuredNames(name: String, role: String?) throws {
        let context = context(name: name, role: role)
        let blank = MinutesDraft.blank(context: context, date: LocalDate(iso: "2025-03-13")!, time: nil)
        let draft = MinutesDraft.render(template: MinutesFixture.template(), context: context, minutes: blank)
            .replacingOccurrences(of: "\n- [ ] ", with: "\n- [x] ")
        let minutes = try MinutesDraftParser.parse(draft, context: context)
        #expect(minutes.attendance.contains { $0.personID == "anna" && $0.substitute == nil })
    }

    @Test("CR, CRLF and LF drafts parse to the same minutes")
    func lineEnds() throws {
        let draft = MinutesFixture.filledDraft()
        let lf = try MinutesDraftParser.parse(draft, context: MinutesFixture.context())
        for end in ["\r\n", "\r"] {
            #expect(try MinutesDraftParser.parse(draft.replacingOccurrences(of: "\n", with: end), context: MinutesFixture.context()) == lf)
        }
    }

    @Test("Control characters and unclosed comments are refused by line", arguments: ["\u{0}", "\u{1B}", "\u{85}", "<!--"])
    func refused(text: String) throws {
        let draft = MinutesFixture.filledDraft() + "\n## Beslut\n- RUG ställer\(text) sig bakom\n"
        let error = try #require(throws: MinutesDraftError.self) { try MinutesDraftParser.parse(draft, context: MinutesFixture.context()) }
        let line = draft.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(error.problems.map(\.line) == [line])
    }
}
