import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTemplates
import SamverkanTime
import Testing

@testable import SamverkanReports

@Suite("Compliance report: the heat map's columns over long periods")
struct HeatMapColumnTests {
    static func period(_ from: String, _ to: String) -> ReportPeriod {
        ReportPeriod(from: LocalDate(iso: from)!, to: LocalDate(iso: to)!)!
    }

    /// The fixture's report for any range of days (planned meetings expanded from the schedules).
    static func report(_ from: String, _ to: String, today: String = "2025-07-01") async throws -> ComplianceReport {
        let period = period(from, to)
        let history = MeetingHistory(
            records: ComplianceFixture.records, cancellations: ComplianceFixture.cancellations,
            actions: ComplianceFixture.actions, period: period, asOf: min(period.to, LocalDate(iso: today)!))
        return try await ComplianceReport.build(
            configuration: ComplianceFixture.configuration, structures: ComplianceFixture.configuration.structures,
            period: period, today: LocalDate(iso: today)!, by: .municipality
        ) { history }
    }

    @Test("Months up to 24 months, quarters from 25 months up to six years, years from the seventh")
    func boundaries() {
        let months24 = HeatMapColumn.columns(of: Self.period("2024-01-01", "2025-12-31"))
        #expect(months24.count == 24 && months24.allSatisfy { $0.unit == .month })
        #expect(months24.first?.label == "2024-01" && months24.last?.label == "2025-12")
        let months25 = HeatMapColumn.columns(of: Self.period("2024-01-01", "2026-01-31"))
        #expect(
            months25.map(\.label) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"])
        #expect(months25.last?.first.iso == "2026-01-01" && months25.last?.last.iso == "2026-01-31")
        let years6 = HeatMapColumn.columns(of: Self.period("2020-01-01", "2025-12-31"))
        #expect(years6.count == 24 && years6.allSatisfy { $0.unit == .quarter })
        let years7 = HeatMapColumn.columns(of: Self.period("2019-01-01", "2025-12-31"))
        #expect(years7.map(\.label) == (2019...2025).map(String.init))
        // 73 months is more than six years: years, the first and last cut to the period.
        let odd = HeatMapColumn.columns(of: Self.period("2019-12-15", "2025-12-10"))
        #expect(odd.map(\.label) == (2019...2025).map(String.init))
        #expect(odd.first?.first.iso == "2019-12-15" && odd.last?.last.iso == "2025-12-10")
    }

    @Test("A day falls in the column of its month, quarter or year; outside the columns in none")
    func index() {
        let quarters = HeatMapColumn.columns(of: Self.period("2024-02-10", "2026-03-31"))
        #expect(quarters.first?.label == "2024-Q1")
        #expect(HeatMapColumn.index(of: LocalDate(iso: "2024-02-10")!, in: quarters) == 0)
        #expect(HeatMapColumn.index(of: LocalDate(iso: "2025-07-01")!, in: quarters) == 6)
        #expect(HeatMapColumn.index(of: LocalDate(iso: "2026-04-01")!, in: quarters) == nil)
        let years = HeatMapColumn.columns(of: Self.period("2015-01-01", "2024-12-31"))
        #expect(HeatMapColumn.index(of: LocalDate(iso: "2020-06-30")!, in: years) == 5)
    }

    @Test("Extra meetings are counted apart from the planned ones; months before a structure starts are not active")
    func cellsOfHalfYear() async throws {
        let report = try await ComplianceFixture.report()
        let single = try #require(report.structure("single-a1"))
        #expect(single.cells.map(\.held) == [1, 1, 0, 0, 1, 1] as [Int])
        #expect(single.cells.map(\.extra) == [0, 0, 1, 0, 0, 0] as [Int])
        #expect(single.cells.map(\.cancelled) == [0, 0, 1, 0, 0, 0] as [Int])
        #expect(single.cells.map(\.missed) == [0, 0, 0, 1, 0, 0] as [Int])
        let late = try #require(report.structure("single-a2"))
        #expect(late.cells.map(\.active) == [false, false, false, true, true, true])
        #expect(late.figures.missed == 0)
        let html = try ComplianceHTMLTests.page(report)
        #expect(html.contains(">⊘1 +1</text>"))
        #expect(html.contains("Läkarhuset Alby och hemsjukvården, januari 2025: Inte aktiv"))
        #expect(html.contains("<g class=\"cell inactive\">"))
        #expect(html.contains("<h2>Möten per månad</h2>"))
    }

    @Test("Seven years: a column per year, extra meetings apart, the years before the start not active")
    func sevenYears() async throws {
        let report = try await Self.report("2019-01-01", "2025-12-31")
        #expect(report.columns.map(\.label) == (2019...2025).map(String.init))
        let single = try #require(report.structure("single-a1"))
        let last = try #require(single.cells.last)
        #expect([last.held, last.extra, last.cancelled, last.missed, last.upcoming] == [4, 1, 1, 1, 6] as [Int])
        #expect(single.cells.dropLast().allSatisfy { !$0.active && $0.held + $0.extra + $0.missed == 0 })
        #expect(last.active)
        let html = try ComplianceHTMLTests.page(report)
        #expect(html.contains("<h2>Möten per år</h2>") && html.contains("en kolumn per år"))
        #expect(html.contains(">2019</text>") && !html.contains(">jan</text>"))
        #expect(html.contains(">✓4 ⊘1 ✗1 ○6 +1</text>"))
        #expect(html.contains("Vårdcentralen Alby och hemsjukvården, 2019: Inte aktiv"))
        #expect(html.contains("Inte aktiv – före strukturens start"))
        let json = try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any]
        let heatMap = json?["heatMap"] as? [String: Any]
        #expect(heatMap?["unit"] as? String == "year" && (heatMap?["columns"] as? [String])?.count == 7)
        #expect(json?["schemaVersion"] as? Int == 2)
    }

    @Test("Three years in English: a column per quarter, Q1…Q4 under the year")
    func quartersInEnglish() async throws {
        let report = try await Self.report("2023-01-01", "2025-12-31")
        #expect(report.columns.count == 12 && report.columns.allSatisfy { $0.unit == .quarter })
        let single = try #require(report.structure("single-a1"))
        #expect(single.cells.map(\.active) == Array(repeating: false, count: 8) + Array(repeating: true, count: 4))
        #expect([single.cells[8].held, single.cells[8].extra, single.cells[8].cancelled] == [2, 1, 1] as [Int])
        let html = try ComplianceHTMLTests.page(report, language: "en")
        #expect(html.contains("<h2>Meetings per quarter</h2>") && html.contains(">Q3</text>"))
        #expect(html.contains("Vårdcentralen Alby och hemsjukvården, quarter 1 2023: Not active"))
        #expect(html.contains("Extra – only meetings besides the planned ones"))
    }
}
