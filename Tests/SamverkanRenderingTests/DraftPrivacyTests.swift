import SamverkanDomain
import Testing

@testable import SamverkanRendering

@Suite("Privacy guard in drafts")
struct DraftPrivacyTests {
    @Test("A draft with an identity number is refused by line, never repeating the number")
    func draftLines() throws {
        var draft = MinutesFixture.filledDraft()
        draft += "\n## Övriga punkter\n### Fall\nGäller 811218-9876.\n"
        let error = try #require(throws: MinutesDraftError.self) { try MinutesDraftParser.parse(draft, context: MinutesFixture.context()) }
        let line = draft.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("811218") }! + 1
        #expect(error.problems.map(\.line).contains(line))
        #expect(!error.description.contains("811218"))
        #expect(error.description.contains("får inte innehålla patientuppgifter"))
    }
}
