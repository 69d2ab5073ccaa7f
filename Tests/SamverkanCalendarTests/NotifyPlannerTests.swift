import Foundation
import SamverkanCalendar
import SamverkanConfig
import SamverkanDomain
import SamverkanRendering
import SamverkanTestSupport
import SamverkanTime
import Testing

/// What `samverkan notify` decides is due, from the register, action items and minutes.
@Suite("notify planner")
struct NotifyPlannerTests {
    let configuration: RegionConfiguration
    let texts: MailTexts

    init() throws {
        configuration = try ConfigLoader.load(path: CLIRunner.packageRoot.appendingPathComponent("Config/halland.yaml").path)
        texts = try MailTexts(library: TemplateLibrary(language: "sv"))
    }

    func planner(_ today: String) -> NotifyPlanner {
        NotifyPlanner(configuration: configuration, texts: texts, today: LocalDate(iso: today)!, now: 1_746_000_000)
    }

    func action(_ id: Int64, responsible: String, due: String, status: ActionStatus = .inProgress) -> OpenAction {
        OpenAction(
            item: ActionItem(
                id: id, text: "Åtgärd \(id)", responsible: Responsible(kind: .person, id: responsible),
                due: LocalDate(iso: due)!),
            structureID: "rug", decidedOn: LocalDate(iso: "2025-02-13")!, status: status)
    }

    func meetings(_ from: String, _ through: String) throws -> [RegisteredMeeting] {
        try RegisterFixture.meetings(
            of: [configuration.structure("rug")!], in: configuration,
            from: LocalDate(iso: from)!, through: LocalDate(iso: through)!)
    }

    @Test("One overdue reminder per responsible with all their items, keyed by week; items not yet due or done are left out")
    func overdue() throws {
        let input = NotifyInput(
            meetings: [],
            openActions: [
                action(1, responsible: "socialchef-halmstad", due: "2025-04-01"),
                action(2, responsible: "socialchef-halmstad", due: "2025-04-20"),
                action(3, responsible: "socialchef-halmstad", due: "2025-06-01"),
                action(4, responsible: "socialchef-laholm", due: "2025-04-01", status: .done),
            ], minutes: [], drafts: [])
        let due = planner("2025-05-01").due(input) { "id" }
        #expect(due.count == 1)
        let reminder = try #require(due.first)
        #expect(reminder.sending.kind == .overdue)
        #expect(reminder.sending.item == "#1,#2")
        #expect(reminder.sending.key == "overdue|person:socialchef-halmstad|socialchef@halmstad.example|2025-04-28")
        #expect(
            reminder.message.text.contains(
                "- #1 Åtgärd 1 (Regional utvecklingsgrupp för god och nära vård (RUG), senast 2025-04-01, pågår)"))
        #expect(reminder.message.subject == "Påminnelse: 2 försenade åtgärder")
        // The same week gives the same key (sent once); the next week a new one.
        #expect(planner("2025-05-04").due(input) { "id" }.first?.sending.key == reminder.sending.key)
        #expect(planner("2025-05-05").due(input) { "id" }.first?.sending.key != reminder.sending.key)
    }

    @Test("Notices go out notice-days ahead to each participant, with open items and the previous minutes' status")
    func notices() throws {
        var configuration = configuration
        configuration.structures = configuration.structures.map { structure in
            var changed = structure
            if structure.id == "rug" { changed.noticeDays = 3 }
            return changed
        }
        let planner = NotifyPlanner(configuration: configuration, texts: texts, today: LocalDate(iso: "2025-05-04")!, now: 0)
        let minutes = [MinutesSummary(id: 1, structureID: "rug", date: LocalDate(iso: "2025-04-10")!, status: .approved)]
        let input = NotifyInput(
            meetings: try meetings("2025-04-01", "2025-05-31"),
            openActions: [action(1, responsible: "socialchef-halmstad", due: "2025-06-01")], minutes: minutes, drafts: [])
        #expect(planner.due(input) { "id" }.filter { $0.sending.kind == .notice }.isEmpty)
        let later = NotifyPlanner(configuration: configuration, texts: texts, today: LocalDate(iso: "2025-05-05")!, now: 0)
        let notices = later.due(input) { "id" }.filter { $0.sending.kind == .notice }
        #expect(notices.count == 10)
        #expect(Set(notices.map(\.sending.recipient)).count == 10)
        let text = try #require(notices.first?.message.text)
        #expect(text.contains("- #1 Åtgärd 1 (ansvarig"), "\(text)")
        #expect(text.contains("Föregående minnesanteckningar: minnesanteckningarna från 2025-04-10 är justerade"))
        #expect(notices.first?.sending.key.hasPrefix("notice|rug|2025-05-08|") == true)
    }

    @Test("Missing signatories of minutes waiting longer than approval-days since the meeting get one reminder a day; signed ones none")
    func approvals() throws {
        let draft = NotifyInput.Draft(
            id: 7, structureID: "rug", date: LocalDate(iso: "2025-04-10")!,
            recordedOn: LocalDate(iso: "2025-04-11")!,
            signatories: ["Samordnare god och nära vård", "Okänd Person", "socialchef-halmstad", "Socialchef Varberg"],
            signed: ["Socialchef Varberg"])
        let other = NotifyInput.Draft(
            id: 8, structureID: "rug", date: LocalDate(iso: "2025-04-08")!, recordedOn: LocalDate(iso: "2025-04-08")!,
            signatories: ["socialchef-halmstad"])
        let input = NotifyInput(meetings: [], openActions: [], minutes: [], drafts: [draft])
        #expect(planner("2025-04-24").due(input) { "id" }.isEmpty)
        let due = planner("2025-04-25").due(input) { "id" }
        #expect(due.map(\.sending.recipient) == ["samordnare.naravard@regionhalland.example", "socialchef@halmstad.example"])
        #expect(due.allSatisfy { $0.sending.item == "#7/1" && $0.sending.kind == .approval })
        #expect(due.first?.sending.key == "approval|samordnare.naravard@regionhalland.example|2025-04-25")
        #expect(due.first?.message.text.contains("samverkan minutes approve 7 --by samordnare-rug") == true)
        #expect(
            due.first?.message.subject
                == "Påminnelse: justera minnesanteckningarna Regional utvecklingsgrupp för god och nära vård (RUG) 2025-04-10"
        )
        // Reminded already this round: nothing; the next round again.
        var reminded = input
        reminded.remindedApprovals = ["7/1/samordnare.naravard@regionhalland.example", "7/1/socialchef@halmstad.example"]
        #expect(planner("2025-04-26").due(reminded) { "id" }.isEmpty)
        #expect(planner("2025-05-09").due(reminded) { "id" }.first?.sending.item == "#7/2")
        // Two minutes for the same person: one message listing both.
        reminded.drafts.append(other)
        let both = planner("2025-04-26").due(reminded) { "id" }
        #expect(both.map(\.sending.recipient) == ["socialchef@halmstad.example"])
        #expect(both.first?.sending.item == "#7/1,#8/1")
        #expect(both.first?.message.subject == "Påminnelse: 2 minnesanteckningar väntar på din justering")
    }
}
