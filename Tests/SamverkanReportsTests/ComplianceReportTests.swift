import Foundation
import SamverkanDomain
import SamverkanTime
import Testing

@testable import SamverkanReports

@Suite("Compliance report: figures")
struct ComplianceReportTests {
    @Test("Periods: year, half-year, quarter, month, and nonsense")
    func periods() {
        #expect(ReportPeriod(parsing: "2025")?.to.iso == "2025-12-31")
        #expect(ReportPeriod(parsing: "2025-h2")?.from.iso == "2025-07-01")
        #expect(ReportPeriod(parsing: "2025-Q2").map { [$0.from.iso, $0.to.iso] } == ["2025-04-01", "2025-06-30"])
        #expect(ReportPeriod(parsing: "2024-02")?.to.iso == "2024-02-29")
        #expect(ReportPeriod(parsing: "2025-Q2")?.months.map(\.description) == ["2025-04", "2025-05", "2025-06"])
        for bad in ["25", "2025-H3", "2025-Q5", "2025-13", "2025-1", "2025-03-01", "år 2025", ""] {
            #expect(ReportPeriod(parsing: bad) == nil, "\(bad)")
        }
        #expect(ReportPeriod(from: LocalDate(iso: "2025-02-01")!, to: LocalDate(iso: "2025-01-01")!) == nil)
    }

    @Test("Every figure of one structure: held, extra, cancelled, missed, content, attendance, approval, actions")
    func singleStructure() async throws {
        let row = try #require(try await ComplianceFixture.report().structure("single-a1"))
        let f = row.figures
        #expect(
            [f.expected, f.heldPlanned, f.extra, f.held, f.cancelled, f.missed, f.upcoming, f.counted] == [6, 4, 1, 5, 1, 1, 0, 5] as [Int])
        #expect(f.compliance == 5.0 / 6.0)
        #expect([f.agendaPossible, f.agendaCovered] == [10, 7] as [Int])
        #expect(f.items(withID: "fast-vardkontakt") == .init(covered: 4, meetings: 5))
        #expect(f.items(withID: "utskrivning") == .init(covered: 3, meetings: 5))
        #expect(f.attendanceMeetings == 5 && f.attendanceShare == 0.8)
        #expect(f.approved == 4 && f.approvedShare == 0.8)
        #expect(f.approvalDays.sorted() == [5, 6, 7, 20] && f.medianApprovalDays == 6.5)
        #expect(f.approvedInTime == 3 && f.approvedInTimeShare == 0.75)
        #expect([f.actionsCreated, f.actionsDone, f.actionsOpen, f.actionsOverdue] == [3, 1, 2, 1] as [Int])
        #expect(row.cancellations.map(\.reason) == ["Sjukdom"])
        #expect(row.missedDates.map(\.iso) == ["2025-04-08"])
        #expect(row.cells.map(\.held) == [1, 1, 0, 0, 1, 1] as [Int])
        #expect(row.cells.map(\.extra) == [0, 0, 1, 0, 0, 0] as [Int])
        #expect(row.cells.map(\.cancelled) == [0, 0, 1, 0, 0, 0] as [Int])
        #expect(row.cells.map(\.missed) == [0, 0, 0, 1, 0, 0] as [Int])
        #expect(row.careCentreOperator == "regional" && row.attendanceMeasure == .bothPrincipals)
    }

    @Test("A structure that starts mid-period expects meetings only from its start; no agenda means no content share")
    func midPeriod() async throws {
        let f = try #require(try await ComplianceFixture.report().structure("single-a2")).figures
        #expect([f.expected, f.held, f.missed] == [3, 3, 0] as [Int])
        #expect(f.compliance == 1)
        #expect(f.contentShare == nil && f.agendaPossible == 0)
        #expect(f.approvedShare == 0 && f.medianApprovalDays == nil && f.approvedInTimeShare == nil)
        #expect(try await ComplianceFixture.report().structure("single-b1") == nil)
    }

    @Test("RUG and group level score the share of member organisations present")
    func memberShare() async throws {
        let report = try await ComplianceFixture.report()
        let group = try #require(report.structure("group-alby"))
        #expect(group.attendanceMeasure == .memberShare && group.figures.attendanceShare == 0.75)
        #expect([group.figures.expected, group.figures.held, group.figures.missed] == [2, 1, 1] as [Int])
        let rug = try #require(report.structure("rug")).figures
        #expect(abs(rug.attendanceShare! - (2.0 / 3.0 + 1) / 2) < 1e-12)
        #expect(rug.medianApprovalDays == 16 && rug.approvedInTime == 1)
        #expect(rug.contentShare == 0.5)
    }

    @Test("Groups are the sums of the structures behind them, in configuration order, regional structures last")
    func groups() async throws {
        let report = try await ComplianceFixture.report()
        #expect(report.groups.map(\.key) == ["alby", ""])
        #expect(report.groups[0].structureIDs == ["single-a1", "single-a2", "group-alby"])
        #expect(report.groups[0].name == "Alby kommun" && report.groups[1].name == nil)
        let alby = report.groups[0].figures
        #expect([alby.structures, alby.expected, alby.held, alby.counted, alby.cancelled, alby.missed] == [3, 11, 9, 9, 1, 2] as [Int])
        let total = report.total
        #expect([total.structures, total.expected, total.held, total.counted] == [4, 13, 11, 11] as [Int])
        #expect(total.compliance == 11.0 / 13.0)
        var sum = ComplianceFigures()
        for group in report.groups { sum.add(group.figures) }
        #expect(sum == total)
        let centres = try await ComplianceFixture.report(by: .careCentre)
        #expect(centres.groups.map(\.key) == ["vc-a1", "vc-a2", ""])
        #expect(centres.groups[1].careCentreOperator == "private")
        let kinds = try await ComplianceFixture.report(by: .kind)
        #expect(kinds.groups.map(\.key) == ["single", "group", "rug"])
        let region = try await ComplianceFixture.report(by: .region)
        #expect(region.groups.map(\.structureIDs) == [["single-a1", "single-a2", "group-alby", "rug"]])
        let structures = try await ComplianceFixture.report(by: .structure)
        #expect(structures.groups.count == 4)
    }

    @Test("The current period counts up to today: later meetings are upcoming, not missed")
    func currentPeriod() async throws {
        let report = try await ComplianceFixture.report("2025-H1", today: "2025-05-01")
        #expect(report.timing == .current && report.asOf.iso == "2025-05-01")
        let f = try #require(report.structure("single-a2")).figures
        // Apr 8 is held; May 13 and Jun 10 have minutes in the fixture, so they count as held too.
        #expect([f.expected, f.upcoming] == [3, 0] as [Int])
        let empty = MeetingHistory()
        let bare = try await ComplianceFixture.report("2025-H1", today: "2025-05-01", history: empty)
        let a1 = try #require(bare.structure("single-a1")).figures
        #expect([a1.expected, a1.missed, a1.upcoming] == [4, 4, 2] as [Int])
        #expect(bare.structure("group-alby")?.figures.upcoming == 1)
    }

    @Test("A future period and an empty one give figures without dividing by zero")
    func futureAndEmpty() async throws {
        let future = try await ComplianceFixture.report("2026", today: "2025-07-01", history: MeetingHistory())
        #expect(future.timing == .future)
        #expect(future.total.expected == 0 && future.total.compliance == nil && future.total.attendanceShare == nil)
        #expect(future.total.upcoming > 0)
        let none = try await ComplianceFixture.report("2024", history: MeetingHistory())
        #expect(none.structures.isEmpty && none.groups.isEmpty && none.total.compliance == nil)
        let json = try none.json()
        #expect(!json.contains("nan") && json.contains("\"structures\" : ["))
    }

    @Test("Action items are judged at the end of the period")
    func overdue() async throws {
        let early = try await ComplianceFixture.report("2025-Q1", today: "2025-07-01")
        let f = try #require(early.structure("single-a1")).figures
        // Decided Jan 14 (done) and Feb 11 (due Apr 30, not overdue on Mar 31).
        #expect([f.actionsCreated, f.actionsDone, f.actionsOpen, f.actionsOverdue] == [2, 1, 1, 0] as [Int])
    }

    @Test("JSON carries the figures as rounded fractions, with the structures behind each group")
    func json() async throws {
        let text = try await ComplianceFixture.report().json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["compliance"] as? Double == 0.8462)
        #expect(total["expected"] as? Int == 13)
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.first?["structures"] as? [String] == ["single-a1", "single-a2", "group-alby"])
        #expect(groups.last?["name"] == nil)
        let rows = try #require(object["structures"] as? [[String: Any]])
        let a1 = try #require(rows.first { $0["id"] as? String == "single-a1" })
        let minutes = try #require((a1["figures"] as? [String: Any])?["minutes"] as? [String: Any])
        #expect(minutes["medianDaysToApproval"] as? Double == 6.5)
        #expect(a1["missed"] as? [String] == ["2025-04-08"])
        #expect(object["schemaVersion"] as? Int == 2 && object["by"] as? String == "municipality")
    }
}
