import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanRendering
import SamverkanTime
import Testing

@testable import SamverkanReports

@Suite("Calendar building blocks")
struct CalendarPartsTests {
    func structure(_ frequency: Frequency, policy: HolidayPolicy) -> CollaborationStructure {
        CollaborationStructure(
            id: "s", name: "S", kind: .custom, members: ["a"], frequency: frequency,
            starts: LocalDate(iso: "2025-01-01")!, time: LocalTime(hour: 10, minute: 0)!,
            durationMinutes: 90, holidayPolicy: policy,
            breaks: [Break(name: "Sommar", fromMonth: 7, fromDay: 1, toMonth: 7, toDay: 31)])
    }

    @Test("A rule series becomes one plan: DTSTART, UNTIL, EXDATEs and overrides")
    func rulePlan() throws {
        let s = structure(.weekly(interval: 1, weekday: .friday), policy: .moveEarlier)
        let meetings = try RegisterFixture.meetings(
            of: [s], in: RegisterFixture.configuration(s),
            from: LocalDate(iso: "2025-06-01")!, through: LocalDate(iso: "2025-08-31")!)
        let plans = try SeriesPlan.plans(for: s, meetings: meetings)
        #expect(plans.count == 1)
        let plan = try #require(plans.first)
        // DTSTART is the first planned start, even when that meeting itself is moved.
        #expect(plan.start.description == "2025-06-06T10:00:00")
        #expect(plan.end.description == "2025-06-06T11:30:00")
        #expect(plan.until?.description == "2025-08-29T10:00:00")
        #expect(plan.exdates.count == 4)  // the Fridays of July
        // National Day (Friday 6 June) and Midsummer Eve move to the Thursdays before.
        #expect(plan.overrides.map { $0.start.date.iso } == ["2025-06-05", "2025-06-19"])
        #expect(plan.overrides.map { $0.recurrenceID.date.iso } == ["2025-06-06", "2025-06-20"])
    }

    @Test("Explicit dates become one event per held meeting, each with its own UID")
    func datedPlans() throws {
        let dates = ["2025-02-21", "2025-06-20", "2025-07-04"].compactMap { LocalDate(iso: $0) }
        let s = structure(.dates(dates), policy: .skip)
        let meetings = try RegisterFixture.meetings(
            of: [s], in: RegisterFixture.configuration(s),
            from: LocalDate(iso: "2025-01-01")!, through: LocalDate(iso: "2025-12-31")!)
        let plans = try SeriesPlan.plans(for: s, meetings: meetings)
        #expect(plans.map(\.uid) == ["s-20250221.r@samverkan"])
        #expect(plans.allSatisfy { $0.rule == nil })
    }

    @Test("Coordinator decisions: a cancelled meeting is an EXDATE, a moved one an override, an extra one an event of its own")
    func decisionPlans() throws {
        let s = structure(.weekly(interval: 1, weekday: .thursday), policy: .moveEarlier)
        let configuration = RegisterFixture.configuration(s)
        func decision(_ action: MeetingDecision.Action, _ date: String, _ start: String? = nil) -> MeetingDecision {
            MeetingDecision(
                structureID: "s", date: LocalDate(iso: date)!, action: action,
                start: start.map {
                    LocalDateTime(date: LocalDate(iso: String($0.prefix(10)))!, time: LocalTime(text: String($0.suffix(5)))!)
                },
                reason: "Krock", decidedAt: "2025-05-01T08:00:00Z")
        }
        let decisions = [
            decision(.cancel, "2025-05-08"), decision(.move, "2025-05-15", "2025-05-14T13:00"),
            decision(.add, "2025-05-20", "2025-05-20T10:00"),
        ]
        let from = LocalDate(iso: "2025-05-01")!
        let through = LocalDate(iso: "2025-05-31")!
        let meetings = try RegisterFixture.meetings(of: [s], in: configuration, from: from, through: through, decisions: decisions)
        let plans = try SeriesPlan.plans(for: s, meetings: meetings)
        #expect(plans.count == 2)
        let series = try #require(plans.first { $0.rule != nil })
        #expect(series.exdates.map(\.description).contains("2025-05-08T10:00:00"))
        let moved = try #require(series.overrides.first { $0.decision != nil })
        #expect(moved.recurrenceID.description == "2025-05-15T10:00:00")
        #expect(moved.start.description == "2025-05-14T13:00:00")
        let extra = try #require(plans.first { $0.rule == nil })
        #expect(extra.uid == configuration.calendarUID(ofExtraMeetingOf: s, on: LocalDate(iso: "2025-05-20")!))
        // The digest of a UID reads its decided rows, never the window; a change to one UID leaves the other alone.
        let texts = CalendarTexts(
            phrases: Phrasebook(language: "sv", phrases: [:]), eventDescription: try TextTemplate(""),
            invitation: try TextTemplate(""), cancellation: try TextTemplate(""))
        let exporter = CalendarExporter(configuration: configuration, texts: texts, now: 0)
        let plain = try RegisterFixture.meetings(
            of: [s], in: configuration, from: from, through: through,
            decisions: Array(decisions.dropFirst()))
        #expect(
            try exporter.contentHash(uid: series.uid, of: s, meetings: meetings)
                != exporter.contentHash(uid: series.uid, of: s, meetings: plain))
        #expect(
            try exporter.contentHash(uid: extra.uid, of: s, meetings: meetings)
                == exporter.contentHash(uid: extra.uid, of: s, meetings: plain))
    }

    @Test("A UID's digest ignores how far ahead the register reaches: a year more of the same rule changes nothing, a decision does")
    func digestIgnoresHorizon() throws {
        let s = structure(.weekly(interval: 1, weekday: .friday), policy: .moveEarlier)
        let configuration = RegisterFixture.configuration(s)
        let exporter = CalendarExporter(
            configuration: configuration,
            texts: CalendarTexts(
                phrases: Phrasebook(language: "sv", phrases: [:]), eventDescription: try TextTemplate(""),
                invitation: try TextTemplate(""), cancellation: try TextTemplate("")),
            now: 0)
        let move = MeetingDecision(
            structureID: "s", date: LocalDate(iso: "2025-09-05")!, action: .move,
            start: LocalDateTime(date: LocalDate(iso: "2025-09-04")!, time: LocalTime(hour: 13, minute: 0)!),
            reason: "Lokalen upptagen", decidedAt: "2025-05-01T08:00:00Z")
        func digest(through: String, decisions: [MeetingDecision] = []) throws -> String {
            let meetings = try RegisterFixture.meetings(
                of: [s], in: configuration, from: LocalDate(iso: "2025-01-01")!, through: LocalDate(iso: through)!,
                decisions: decisions)
            return try exporter.contentHash(uid: configuration.calendarUID(of: s), of: s, meetings: meetings)
        }
        // 2026 brings a year of Fridays, holiday moves (Good Friday, Midsummer Eve) and July's break.
        #expect(try digest(through: "2025-12-31") == digest(through: "2026-12-31"))
        #expect(try digest(through: "2025-12-31", decisions: [move]) == digest(through: "2026-12-31", decisions: [move]))
        #expect(try digest(through: "2025-12-31") != digest(through: "2025-12-31", decisions: [move]))
        var later = s
        later.until = LocalDate(iso: "2026-06-30")
        #expect(try exporter.contentHash(uid: configuration.calendarUID(of: s), of: later, meetings: []) != digest(through: "2025-12-31"))
    }

    @Test("Templates drop lines whose values are all empty")
    func template() throws {
        let template = try TextTemplate("Namn: {{name}}\n{{#video}}\nVideo: {{video}}\n{{/video}}\n\nDagordning:\n{{agenda}}\n")
        #expect(template.render(["name": "RUG", "video": "", "agenda": "- a\n- b"]) == "Namn: RUG\n\nDagordning:\n- a\n- b")
    }

    @Test("An invitation e-mail has a text part and a calendar part whose method matches")
    func invitation() throws {
        let message = InvitationMessage(
            from: .init(name: "Åsa Öberg", email: "asa@region.example"),
            to: [.init(name: "Bo", email: "bo@kommun.example"), .init(name: nil, email: "c@kommun.example")],
            subject: "Inbjudan: Samverkan Vårdcentralen Söder – hemsjukvården", text: "Hej!\nVälkommen.",
            calendar: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", method: "REQUEST",
            date: 1_740_000_000, messageID: "abc@samverkan"
        ).rendered()
        #expect(message.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8"))
        #expect(message.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(message.contains("From: =?UTF-8?B?"))
        #expect(message.contains("<asa@region.example>"))
        #expect(message.contains("Date: Wed, 19 Feb 2025 21:20:00 +0000"))
        #expect(!message.split(separator: "\r\n").contains { $0.count > 78 })
        // The parts decode back to what went in.
        let calendarPart = try #require(
            message.components(separatedBy: "method=REQUEST; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n").last)
        let base64 = calendarPart.components(separatedBy: "\r\n\r\n--").first!.replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: base64)!, as: UTF8.self).contains("METHOD:REQUEST"))
    }
}
