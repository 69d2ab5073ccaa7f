import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

@Suite("Meeting history for the follow-up reports")
struct HistoryStoreTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func minutes(
        _ date: String, _ structure: String = "rug", actions: [String] = [], followUps: [ActionFollowUp] = [],
        amends: Int64? = nil
    ) -> Minutes {
        MinutesStoreTests.minutes(structure, on: date, actions: actions, followUps: followUps, amends: amends)
    }

    @Test("A meeting's attendance, covered items and approval, summed; a substitute counts as present", arguments: StoreEngine.allCases)
    func record(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let saved = try await db.save(Self.minutes("2025-02-13"))
            _ = try await db.approve(id: saved.id!, by: ["Cia Carlsson"], date: Self.day("2025-02-20"))
            let history = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"))
            #expect(
                history.meetings == [HeldMeeting(structureID: "rug", date: Self.day("2025-02-13"), plannedDate: Self.day("2025-02-13"))])
            let totals = try #require(history.totals["rug"])
            #expect(totals.meetings == 1 && totals.approvalDays == [7: 1])
            // bo of vc-norr was absent, but Eva Ek came instead.
            #expect(totals.organisationsPresent == ["halmstad": 1, "vc-norr": 1])
            #expect(totals.sidesPresent == [[.municipality, .region]: 1])
            #expect(totals.covered == ["fasta-kontakter": 1])
        }
    }

    @Test("The sums the store reads equal the same minutes summed in Swift, over a varied history", arguments: StoreEngine.allCases)
    func sameSums(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            var records: [MeetingRecord] = []
            for (index, date) in ["2025-01-16", "2025-02-13", "2025-03-13", "2025-04-10", "2025-05-08", "2025-06-12"].enumerated() {
                var minutes = Self.minutes(date, actions: index % 2 == 0 ? ["Åtgärd \(index)"] : [])
                minutes.attendance[0].present = index % 3 != 0
                minutes.attendance[1].substitute = index % 2 == 0 ? "Eva Ek" : nil
                minutes.agenda = [
                    AgendaCoverage(itemID: "fasta-kontakter", covered: index != 2),
                    AgendaCoverage(itemID: "utskrivning", covered: index > 3),
                ]
                let saved = try await db.save(minutes)
                let approved =
                    index < 4
                    ? try await db.approve(id: saved.id!, by: ["Cia Carlsson"], date: Self.day(date).adding(days: 3 + index * 4)) : saved
                let present = approved.attendance.filter { $0.present || ($0.substitute ?? "").isEmpty == false }
                records.append(
                    MeetingRecord(
                        structureID: "rug", date: approved.date, plannedDate: approved.plannedDate, approvedOn: approved.approval?.date,
                        presentOrganisations: Set(present.map(\.organisationID)), presentPrincipals: Set(present.map(\.principal)),
                        coveredItems: Set(approved.agenda.filter(\.covered).map(\.itemID))))
            }
            let period = ReportPeriod(parsing: "2025-H1")!
            // Judged after the actions' due date (June 30): all three are open and overdue.
            let fromSQL = try await db.history(from: period.from, through: period.to, asOf: Self.day("2025-07-15"))
            let inSwift = MeetingHistory(records: records, period: period, asOf: period.to)
            var expected = inSwift.totals["rug"]!
            expected.actionsCreated = 3
            expected.actionsOverdue = 3
            #expect(fromSQL.totals["rug"] == expected)
            #expect(fromSQL.meetings == inSwift.meetings)
        }
    }

    @Test("Amended minutes count once, through the approved record; the period bounds are inclusive", arguments: StoreEngine.allCases)
    func amended(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.save(Self.minutes("2025-03-13"))
            _ = try await db.approve(id: first.id!, by: ["Cia Carlsson"], date: Self.day("2025-03-20"))
            var correction = Self.minutes("2025-03-13", amends: first.id)
            correction.agenda = []
            _ = try await db.save(correction)
            _ = try await db.save(Self.minutes("2025-04-10"))
            _ = try await db.save(Self.minutes("2025-05-08"))
            var history = try await db.history(from: Self.day("2025-03-13"), through: Self.day("2025-04-10"), asOf: Self.day("2025-04-10"))
            #expect(history.meetings.map(\.date.iso).sorted() == ["2025-03-13", "2025-04-10"])
            // The amendment is not approved yet and covers nothing: until it is, the approved original counts.
            var totals = try #require(history.totals["rug"])
            #expect(totals.meetings == 2 && totals.approvalDays == [7: 1] && totals.covered == ["fasta-kontakter": 2])
            // Approved, the amendment is what counts; the days to approval stay those of the meeting's
            // first justering (7), not of the later correction (14).
            _ = try await db.approve(id: first.id! + 1, by: ["Cia Carlsson"], date: Self.day("2025-03-27"))
            history = try await db.history(from: Self.day("2025-03-13"), through: Self.day("2025-04-10"), asOf: Self.day("2025-04-10"))
            totals = try #require(history.totals["rug"])
            #expect(totals.meetings == 2 && totals.approvalDays == [7: 1] && totals.covered == ["fasta-kontakter": 1])
        }
    }

    @Test("Cancellations and action items of the period, with the action status on the day asked for", arguments: StoreEngine.allCases)
    func actions(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.save(Self.minutes("2025-02-13", actions: ["Ta fram rutin", "Bjud in kommunerna"]))
            let ids = first.newActions.compactMap(\.id)
            _ = try await db.save(
                Self.minutes(
                    "2025-03-13",
                    followUps: [
                        ActionFollowUp(actionID: ids[0], status: .done),
                        ActionFollowUp(actionID: ids[1], status: .partly),
                    ]))
            _ = try await db.save(Self.minutes("2025-04-10", followUps: [ActionFollowUp(actionID: ids[1], status: .done)]))
            try await db.cancel(structureID: "rug", date: Self.day("2025-05-08"), reason: "Krock med krisledning")
            let march = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-03-31"))
            #expect(
                [march.totals["rug"]?.actionsCreated, march.totals["rug"]?.actionsDone, march.totals["rug"]?.actionsOverdue] == [2, 1, 0])
            let july = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-07-15"))
            #expect(
                [july.totals["rug"]?.actionsCreated, july.totals["rug"]?.actionsDone, july.totals["rug"]?.actionsOverdue] == [2, 2, 0])
            let early = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-02-20"))
            #expect(early.totals["rug"]?.actionsDone == 0)
            let late = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-03-01"), asOf: Self.day("2025-07-01"))
            // Only the items of February; followed up at meetings after the period, up to the day asked for.
            #expect([late.totals["rug"]?.actionsCreated, late.totals["rug"]?.actionsDone] == [2, 2])
            #expect(
                july.cancellations == [
                    CancellationRecord(structureID: "rug", date: Self.day("2025-05-08"), reason: "Krock med krisledning")
                ])
            // Actions decided before the period are not the period's.
            #expect(
                try await db.history(from: Self.day("2025-03-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30")).totals[
                    "rug"]?
                    .actionsCreated == 0)
        }
    }

    @Test("The latest follow-up of each action-plan activity up to a day", arguments: StoreEngine.allCases)
    func activities(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            var first = Self.minutes("2025-02-13")
            first.activityFollowUps = [ActivityFollowUp(activityID: "utbildning", status: .started, comment: "Planering pågår")]
            _ = try await db.save(first)
            var second = Self.minutes("2025-03-13")
            second.activityFollowUps = [ActivityFollowUp(activityID: "utbildning", status: .done)]
            _ = try await db.save(second)
            #expect(try await db.activityFollowUps(through: Self.day("2025-03-01")).map(\.status) == [.started])
            let latest = try await db.activityFollowUps(through: Self.day("2025-12-31"))
            #expect(latest.count == 1 && latest[0].status == .done && latest[0].date == Self.day("2025-03-13"))
        }
    }
}
