import Foundation
import SamverkanRendering
import SamverkanTime
import Testing

@testable import SamverkanDomain

@Suite("Minutes draft: render and parse")
struct MinutesDraftTests {
    let date = LocalDate(iso: "2025-03-13")!

    @Test("A filled draft parses into minutes, in Swedish and in English", arguments: ["sv", "en"])
    func roundTrip(language: String) throws {
        let minutes = try MinutesDraftParser.parse(
            MinutesFixture.filledDraft(language: language),
            context: MinutesFixture.context(language: language))
        #expect(minutes.date == date)
        #expect(minutes.time == LocalTime(hour: 9, minute: 0))
        #expect(minutes.place == "Regionens hus")
        #expect(minutes.chair == "Cia Carlsson")
        #expect(minutes.attendance.map(\.personID) == ["anna", "bo", "cia"])
        #expect(minutes.attendance.map(\.present) == [true, false, false])
        #expect(minutes.attendance[0].principal == .municipality)
        #expect(minutes.attendance[1].principal == .region)
        #expect(minutes.agenda.map(\.itemID) == ["fasta-kontakter", "avvikelser"])
        #expect(minutes.activityFollowUps == [ActivityFollowUp(activityID: "fk-rutiner", status: .partly)])
        #expect(
            minutes.newActions == [
                ActionItem(
                    text: "Ta fram rutin", responsible: Responsible(kind: .person, id: "anna"),
                    due: LocalDate(iso: "2025-03-31")!)
            ])
    }

    @Test("Rendering parsed minutes and parsing again gives the same minutes")
    func stable() throws {
        let context = MinutesFixture.context()
        var text = MinutesFixture.filledDraft()
        text = text.replacingOccurrences(
            of: "- [ ] Fast vårdkontakt", with: "- [x] Fast vårdkontakt\n  Alla har fast kontakt.\n  Två rader.")
        text = text.replacingOccurrences(of: "- [ ] Bo Berg (Verksamhetschef)", with: "- [ ] Bo Berg (Verksamhetschef) | ersättare: Eva Ek")
        text = text.replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- Planen antas.\n  Med tillägg.\n")
        text = text.replacingOccurrences(of: "## Övriga punkter\n", with: "## Övriga punkter\n### Information\nText | med streck\n")
        let first = try MinutesDraftParser.parse(text, context: context)
        #expect(first.agenda[0] == AgendaCoverage(itemID: "fasta-kontakter", covered: true, notes: "Alla har fast kontakt.\nTvå rader."))
        #expect(first.attendance[1].substitute == "Eva Ek")
        #expect(first.decisions == [Decision(text: "Planen antas.\nMed tillägg.")])
        #expect(first.items == [FreeAgendaItem(title: "Information", notes: "Text | med streck")])
        let again = try MinutesDraftParser.parse(
            MinutesDraft.render(template: MinutesFixture.template(), context: context, minutes: first),
            context: context)
        #expect(again == first)
    }

    @Test("Open action items come back with their status, and a follow-up sets a new one")
    func followUps() throws {
        let open = OpenAction(
            item: ActionItem(
                id: 7, text: "Ta fram rutin", responsible: Responsible(kind: .person, id: "anna"),
                due: LocalDate(iso: "2025-03-31")!),
            structureID: "rug", decidedOn: LocalDate(iso: "2025-02-13")!, status: .inProgress)
        let context = MinutesFixture.context(openActions: [open], previous: PreviousMinutes(id: 3, date: LocalDate(iso: "2025-02-13")!))
        var text = MinutesDraft.render(
            template: MinutesFixture.template(), context: context,
            minutes: MinutesDraft.blank(context: context, date: date, time: nil))
        #expect(
            text.contains(
                "- #7 Ta fram rutin (ansvarig: Anna Andersson, klart: 2025-03-31, beslutad 2025-02-13) | status: pågår | kommentar: "))
        #expect(text.contains("- [ ] Minnesanteckningarna från 2025-02-13 (#3) godkändes"))
        text = text.replacingOccurrences(of: "| status: pågår | kommentar: ", with: "| status: klar | kommentar: Rutinen är antagen")
        text = text.replacingOccurrences(of: "- [ ] Anna", with: "- [x] Anna").replacingOccurrences(
            of: "- [ ] Minnes", with: "- [x] Minnes")
        let minutes = try MinutesDraftParser.parse(text, context: context)
        #expect(minutes.actionFollowUps == [ActionFollowUp(actionID: 7, status: .done, comment: "Rutinen är antagen")])
        #expect(minutes.previousApproved == true)
    }

    @Test("An unknown status lists the choices joined with 'eller' (or 'or'), never 'och'")
    func statusChoices() throws {
        let open = OpenAction(
            item: ActionItem(
                id: 7, text: "Ta fram rutin", responsible: Responsible(kind: .person, id: "anna"),
                due: LocalDate(iso: "2025-03-31")!),
            structureID: "rug", decidedOn: LocalDate(iso: "2025-02-13")!, status: .inProgress)
        for (language, expected) in [
            ("sv", "välj \"klar\", \"delvis\", \"pågår\" eller \"ej påbörjad\""),
            ("en", "\"in progress\" or \"not started\""),
        ] {
            let context = MinutesFixture.context(openActions: [open], language: language)
            var text = MinutesDraft.render(
                template: MinutesFixture.template(language), context: context,
                minutes: MinutesDraft.blank(context: context, date: date, time: nil))
            text = text.replacingOccurrences(of: "| status: \(language == "sv" ? "pågår" : "in progress") |", with: "| status: kanske |")
            let error = try #require(throws: MinutesDraftError.self) { try MinutesDraftParser.parse(text, context: context) }
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test(
        "Bad drafts: every mistake is reported with its line",
        arguments: [
            ("Datum: 2025-03-13", "Datum: ", "datum saknas"),
            ("Datum: 2025-03-13\n", "", "datum saknas"),
            ("Datum: 2025-03-13", "Datum: 13/3", "\"13/3\" är inget datum"),
            ("- [x] Anna Andersson (Socialchef)", "- [x] Anna Anderson (Socialchef)", "\"Anna Anderson\" finns inte bland deltagarna"),
            ("- Ta fram rutin | ansvarig: anna | klart: 2025-03-31", "- Ta fram rutin, ansvarig anna", "ansvarig saknas"),
            (
                "- Ta fram rutin | ansvarig: anna | klart: 2025-03-31", "- Ta fram rutin | ansvarig: okänd | klart: 2025-03-31",
                "\"okänd\" är varken"
            ),
            (
                "- Ta fram rutin | ansvarig: anna | klart: 2025-03-31", "- Ta fram rutin | ansvarig: anna | klart: snart",
                "\"snart\" är inget datum"
            ),
            ("- [x] Anna Andersson (Socialchef)", "- [x] Anna Andersson (Socialchef)\nLös text", "raden ska börja med"),
            ("## Beslut", "## Beslutet", "okänd rubrik \"Beslutet\""),
            ("Plats: Regionens hus", "Lokal: Regionens hus", "okänt fält \"Lokal: Regionens hus\""),
        ])
    func badDrafts(original: String, replacement: String, message: String) throws {
        let good = MinutesFixture.filledDraft()
        let bad = good.replacingOccurrences(of: original, with: replacement)
        #expect(bad != good)
        let error = try #require(throws: MinutesDraftError.self) { try MinutesDraftParser.parse(bad, context: MinutesFixture.context()) }
        let problem = try #require(error.problems.first { $0.message.contains(message) }, "\(error)")
        let lines = bad.split(separator: "\n", omittingEmptySubsequences: false)
        if !replacement.isEmpty, problem.line != 1 {
            #expect(lines[problem.line - 1].contains(replacement.split(separator: "\n").last!.prefix(8)), "\(problem)")
        }
        #expect(problem.description.hasPrefix("\(problem.line): "))
    }

    @Test("Nobody marked present is refused; every problem is reported at once")
    func nobodyPresent() throws {
        let context = MinutesFixture.context()
        let blank = MinutesDraft.render(
            template: MinutesFixture.template(), context: context,
            minutes: MinutesDraft.blank(context: context, date: date, time: nil))
        let error = try #require(throws: MinutesDraftError.self) {
            try MinutesDraftParser.parse(blank + "- Rutin | ansvarig: anna\n", context: context)
        }
        #expect(error.problems.count == 2, "\(error)")
        #expect(error.problems.contains { $0.message.contains("ingen är markerad som närvarande") })
        #expect(error.problems.contains { $0.message.contains("klart-datum saknas") })
    }

    @Test("A § number is kept only when it belongs to the minutes being corrected")
    func amendNumbers() throws {
        let original = Minutes(id: 4, structureID: "rug", date: date, decisions: [Decision(number: 3, text: "Planen antas.")])
        let text = MinutesFixture.filledDraft().replacingOccurrences(
            of: "## Beslut\n", with: "## Beslut\n- § 3 Planen antas med ändring.\n- Nytt beslut.\n")
        let amended = try MinutesDraftParser.parse(text, context: MinutesFixture.context(amends: original))
        #expect(amended.amends == 4)
        #expect(
            amended.decisions == [Decision(number: 3, text: "Planen antas med ändring.", inherited: true), Decision(text: "Nytt beslut.")])
        #expect(throws: MinutesDraftError.self) { try MinutesDraftParser.parse(text, context: MinutesFixture.context()) }
    }
}
