import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTemplates
import SamverkanTime
import Testing

@testable import SamverkanReports

@Suite("Compliance report: formats, grants and action plan")
struct ReportFormatTests {
    static func phrases(_ language: String = "sv") throws -> Phrasebook {
        Phrasebook(language: language, phrases: try Templates.phrases(language: language))
    }

    @Test("Numbers: one decimal, comma or point, half away from zero; nothing to divide by is a dash")
    func numbers() {
        let comma = FigureFormatter(decimalComma: true)
        let point = FigureFormatter(decimalComma: false)
        #expect(comma.percent(5.0 / 6.0) == "83,3" && point.percent(5.0 / 6.0) == "83.3")
        #expect(comma.percent(1) == "100,0" && comma.percent(0) == "0,0" && comma.percent(0.00049) == "0,0")
        #expect(comma.percent(0.12345) == "12,3" && comma.percent(0.12355) == "12,4")
        #expect(comma.percent(nil) == "–" && comma.days(nil) == "–")
        #expect(comma.days(6.5) == "6,5" && comma.days(16) == "16")
        #expect(FigureFormatter.rounded(2.0 / 3.0) == 0.6667 && FigureFormatter.rounded(nil) == nil)
    }

    @Test("CSV for Excel: byte-order mark, semicolons, quoting, and formulas neutralised")
    func csv() {
        let document = CSVDocument(
            header: ["Namn", "Antal"],
            rows: [
                ["=HYPERLINK(\"http://x\")", "1"], ["+46 bad", "2"], ["-3", "3"], ["@SUM(A1)", "4"],
                ["Falkenberg; norr", "5"], ["Säger \"hej\"", "6"], ["Två\nrader", "7"], ["Vanlig", "8"],
            ])
        let text = document.render()
        #expect(text.hasPrefix("\u{FEFF}Namn;Antal\r\n"))
        let lines = text.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\";1")
        #expect(lines[2] == "'+46 bad;2" && lines[3] == "'-3;3" && lines[4] == "'@SUM(A1);4")
        #expect(lines[5] == "\"Falkenberg; norr\";5" && lines[6] == "\"Säger \"\"hej\"\"\";6")
        #expect(lines[7] == "\"Två\nrader\";7" && lines[8] == "Vanlig;8")
    }

    @Test("The report's CSV has a total row, a row per group and per structure, with every figure")
    func reportCSV() async throws {
        let report = try await ComplianceFixture.report()
        let csv = String(report.csv(phrases: try Self.phrases(), numbers: FigureFormatter(decimalComma: true)).dropFirst())
        let all: [String] = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Attendance per member organisation follows, one row each, for the structures with meetings.
        let lines = all.filter { !$0.hasPrefix("organisation;") }
        let expected = 1 + 1 + 2 + 4  // heading, total, two groups, four structures
        #expect(lines.count == expected)
        #expect(all.count - lines.count == report.structures.filter { $0.figures.held > 0 }.map(\.organisations.count).reduce(0, +))
        #expect(all.last?.hasPrefix("organisation;") == true)
        #expect(lines[1].hasPrefix("total;;Totalt;") && lines[1].contains(";13;11;10;1;1;2;0;84,6;"))
        #expect(lines[2].hasPrefix("grupp;alby;Alby kommun;"))
        #expect(
            lines[3].hasPrefix(
                "struktur;alby;Alby kommun;single-a1;Vårdcentralen Alby och hemsjukvården;enskild nivå;Alby kommun;Vårdcentralen Alby;regiondriven;1;6;5;4;1;1;1;0;83,3;70,0;80,0;4;80,0;6,5;75,0;3;1;2;1"
            ))
        #expect(lines.contains { $0.hasPrefix("grupp;;Regionövergripande;") })
    }

    @Test("Table and Markdown: the groups, the structures behind them, the total and the detail sections")
    func text() async throws {
        let report = try await ComplianceFixture.report()
        let table = report.table(phrases: try Self.phrases(), numbers: FigureFormatter(decimalComma: true))
        #expect(table.contains("Per kommun") && table.contains("Räknat för hela perioden."))
        #expect(table.contains("\n  Vårdcentralen Alby och hemsjukvården ") && table.contains("\nRegionövergripande "))
        #expect(table.contains("2025-03-11  Vårdcentralen Alby och hemsjukvården  Sjukdom"))
        #expect(table.contains("2025-04-08  Vårdcentralen Alby och hemsjukvården") && table.contains("2025-05-07  Gruppnivå Alby"))
        #expect(table.contains("Fast vårdkontakt") && !table.contains("Kommande"))
        let markdown = report.markdown(phrases: try Self.phrases("en"), numbers: FigureFormatter(decimalComma: false))
        #expect(markdown.hasPrefix("# Follow-up of collaboration meetings\n"))
        #expect(markdown.contains("| Total | 13 | 11 | 1 | 2 | 84.6 |"))
        #expect(markdown.contains("| ↳ Gruppnivå Alby | 2 | 1 | 0 | 1 | 50.0 |"))
        let current = try await ComplianceFixture.report(today: "2025-05-01").table(
            phrases: try Self.phrases(), numbers: FigureFormatter(decimalComma: true))
        #expect(current.contains("Kommande") && current.contains("till och med 2025-05-01"))
    }

    @Test("The period heading names the days once: after a year's label, not again after a --from/--to label")
    func periodHeading() throws {
        let phrases = try Self.phrases()
        let year = ComplianceReport.periodValues(ReportPeriod(parsing: "2025")!, region: "Region Halland")
        #expect(phrases.text("report.period", year) == "Period 2025 (2025-01-01–2025-12-31), Region Halland")
        let days = ReportPeriod(from: ComplianceFixture.date("2024-01-01"), to: ComplianceFixture.date("2027-12-31"))!
        #expect(
            phrases.text("report.period", ComplianceReport.periodValues(days, region: "Region Halland"))
                == "Period 2024-01-01–2027-12-31, Region Halland")
    }

    @Test("Markdown tables right-align only the columns that hold figures; text columns stay left")
    func markdownAlignment() {
        let table = ComplianceReport.pipeTable(
            ["Struktur", "Datum", "Orsak", "Hållna", "Andel"],
            [["Alby", "2025-03-11", "Sjukdom", "4", "83,3"], ["Borg", "2025-04-08", "", "–", "+1"]])
        #expect(table.split(separator: "\n")[1] == "| --- | --- | --- | ---: | ---: |")
        #expect(ComplianceReport.pipeTable(["A", "B"], []).split(separator: "\n")[1] == "| --- | --- |", "an empty table")
        #expect(ComplianceReport.isFigure("1 234") && ComplianceReport.isFigure("50,0 %") && !ComplianceReport.isFigure("Alby 2"))
        #expect(!ComplianceReport.isFigure("2025-03-11"))
    }

    @Test("Grants: held meetings per focus area and grant point, covered items per the item's tags")
    func grants() async throws {
        var configuration = ComplianceFixture.configuration
        configuration.structures[0].focusAreas = [FocusArea(rawValue: 3)!]
        configuration.structures[0].grantPoints = [GrantPoint(rawValue: 6)!]
        let report = try await ComplianceReport.build(
            configuration: configuration, structures: configuration.structures,
            period: ReportPeriod(parsing: "2025-H1")!, today: ComplianceFixture.date("2025-07-01"),
            by: .region
        ) { ComplianceFixture.history("2025-H1") }
        let grants = GrantsReport(configuration: configuration, compliance: report)
        #expect(grants.focusAreas[2].structures == 1 && grants.focusAreas[2].meetings == 5)
        // fast-vardkontakt (focus area 1) covered at 4 single-a1 meetings and 1 RUG meeting.
        #expect(grants.focusAreas[0].agendaItems == 5 && grants.focusAreas[0].itemIDs == ["fast-vardkontakt"])
        // utskrivning (point 2) covered 3 times; fast-vardkontakt reaches point 2 through focus area 1.
        #expect(grants.grantPoints[1].agendaItems == 8 && grants.grantPoints[5].meetings == 5)
        #expect(grants.grantPoints[7].agendaItems == 0)
        let table = grants.table(phrases: try Self.phrases())
        #expect(table.contains("Insatsområde 1") && table.contains("Kontinuitet i primärvården"))
        #expect(try grants.json().contains("\"agendaItems\" : 8"))
    }

    @Test("Grants: a region whose configuration has no focus areas gets the §2 points and nothing else")
    func grantsWithoutFocusAreas() async throws {
        var configuration = ComplianceFixture.configuration
        configuration.focusAreas = []
        let report = try await ComplianceReport.build(
            configuration: configuration, structures: configuration.structures,
            period: ReportPeriod(parsing: "2025-H1")!, today: ComplianceFixture.date("2025-07-01"),
            by: .region
        ) { ComplianceFixture.history("2025-H1") }
        let grants = GrantsReport(configuration: configuration, compliance: report)
        #expect(grants.focusAreas.isEmpty)
        #expect(grants.grantPoints.map(\.number) == Array(1...8))
        let table = grants.table(phrases: try Self.phrases())
        #expect(!table.contains("Insatsområde"))
        #expect(table.contains("2 § punkt 8"))
    }

    @Test("Action plan: latest follow-up wins over the configured status; late when the time plan has passed")
    func actionPlan() throws {
        var configuration = ComplianceFixture.configuration
        configuration.structures[3].activities = [
            ActionPlanActivity(
                id: "utbildning", activity: "Utbildning i SIP", responsible: "Kommunerna", timePlan: .month(year: 2025, month: 3),
                status: .notStarted),
            ActionPlanActivity(id: "rutin", activity: "Gemensam rutin", responsible: "Regionen", timePlan: .ongoing, status: .started),
            ActionPlanActivity(
                id: "klar", activity: "Avtal", responsible: "RUG", timePlan: .date(ComplianceFixture.date("2025-02-01")), status: .done),
        ]
        let followUps = [
            ActivityRecord(
                structureID: "rug", activityID: "rutin", date: ComplianceFixture.date("2025-03-13"), status: .partly, comment: "Remiss ute")
        ]
        let plan = ActionPlanReport(
            configuration: configuration, structures: configuration.structures, followUps: followUps,
            asOf: ComplianceFixture.date("2025-06-30"))
        #expect(plan.rows.map(\.status) == [.notStarted, .partly, .done])
        #expect(plan.rows.map(\.late) == [true, false, false])
        #expect(plan.rows[1].comment == "Remiss ute" && plan.rows[1].followedUpOn?.iso == "2025-03-13")
        let table = plan.table(phrases: try Self.phrases())
        #expect(table.contains("ej påbörjad (försenad)") && table.contains("Löpande"))
        #expect(
            ActionPlanReport(configuration: configuration, structures: [], followUps: [], asOf: ComplianceFixture.date("2025-06-30"))
                .table(phrases: try Self.phrases()).contains("Inga aktiviteter"))
    }
}
