import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTemplates
import Testing

@testable import SamverkanReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What an XML parser sees of a page: its first error, the table rows by class, the SVG rows and cells.
private final class PageReader: NSObject, XMLParserDelegate {
    var error: (any Error)?
    var rows: [(level: String, cells: [String])] = []
    var classes: [String] = []
    var titles: [String] = []
    private var text: String?

    static func read(_ html: String) -> PageReader {
        let reader = PageReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        if !parser.parse() { reader.error = reader.error ?? parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if let value = attributes["class"] { classes.append(name + "." + value) }
        if name == "tr" { rows.append((attributes["class"] ?? "", [])) }
        if name == "td" || name == "title" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let done = text, name == "td" || name == "title" else { return }
        if name == "td", !rows.isEmpty { rows[rows.count - 1].cells.append(done) } else { titles.append(done) }
        text = nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = error ?? parseError }

    func cells(_ level: String) -> [[String]] { rows.filter { $0.level == level }.map(\.cells) }
}

@Suite("Compliance report: the HTML page")
struct ComplianceHTMLTests {
    static func page(_ report: ComplianceReport, language: String = "sv") throws -> String {
        let phrases = Phrasebook(language: language, phrases: try Templates.phrases(language: language))
        return try report.html(
            template: try Templates.text("compliance.html", language: language), phrases: phrases,
            numbers: FigureFormatter(decimalComma: language == "sv"))
    }

    /// The page must parse, and carry no figure that could not be computed.
    fileprivate static func checkWellFormed(_ html: String) -> PageReader {
        let reader = PageReader.read(html)
        #expect(reader.error == nil, "\(String(describing: reader.error))")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(html.range(of: #"\b(nan|inf|infinity)\b"#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(!html.contains("{{"))
        return reader
    }

    @Test("The page is well-formed XML with every structure, one heat-map row per structure and a column per month")
    func wellFormedWithEveryStructure() async throws {
        let report = try await ComplianceFixture.report()
        let html = try Self.page(report)
        let reader = Self.checkWellFormed(html)
        #expect(report.structures.count == 4)
        for row in report.structures { #expect(html.contains(">\(row.name)<"), "\(row.name)") }
        #expect(reader.classes.filter { $0 == "g.row" }.count == 4)
        #expect(reader.classes.filter { $0.hasPrefix("g.cell ") }.count == 4 * 6)
        for month in ["jan", "feb", "mar", "apr", "maj", "jun"] { #expect(html.contains(">\(month)</text>"), "\(month)") }
        #expect(reader.classes.filter { $0 == "g.bar" }.count == 3 * (report.groups.count + 1))
        // single-a1 in March: the extra meeting of the 20th held, the 11th cancelled; April: missed.
        #expect(reader.titles.contains("Vårdcentralen Alby och hemsjukvården, mars 2025: Inställda 1, Extra 1"))
        #expect(reader.titles.contains("Vårdcentralen Alby och hemsjukvården, april 2025: Missade 1"))
        #expect(
            reader.titles.contains(
                "Läkarhuset Alby och hemsjukvården, januari 2025: Inte aktiv – före strukturens start eller efter dess slut; räknas inte som missat"
            ))
        #expect(reader.classes.contains("g.cell cancelled") && reader.classes.contains("g.cell missed"))
        #expect(reader.cells("structure").map { $0[0] }.count == 4)
    }

    @Test("Figures of the groups and the total row, with a decimal comma")
    func figures() async throws {
        let reader = Self.checkWellFormed(try Self.page(try await ComplianceFixture.report()))
        // 13 expected, 11 held (10 planned + 1 extra) of which 11 count; content 8 of 12 items
        // (single-a1 7 of 10, RUG 1 of 2); attendance (4 + 3 + 0.75 + 5/3) / 11 meetings;
        // approved 6 of 11, after 5, 6, 7, 14, 18, 20 days (median 10.5, 4 within 14);
        // actions: 3 decided, 1 done, 2 open, 1 past due on 2025-06-30.
        #expect(
            reader.cells("total") == [
                [
                    "Totalt", "4", "13", "11", "1", "2", "0", "84,6", "66,7", "85,6", "54,5", "10,5", "66,7",
                    "3", "1", "2", "1",
                ]
            ])
        let groups = reader.cells("group")
        #expect(groups.map { $0[0] } == ["Alby kommun", "Regionövergripande"])
        // Alby: single-a1 5 of 6, single-a2 3 of 3, group level 1 of 2 → 9 of 11; RUG 2 of 2.
        #expect(groups.map { Array($0[1...3]) + [$0[7]] } == [["3", "11", "9", "81,8"], ["1", "2", "2", "100,0"]])
        #expect(reader.titles.contains("Totalt: Följsamhet % 84,6\u{00A0}%"))
        #expect(reader.cells("").contains(["Fast vårdkontakt", "5", "7", "71,4"]))
        #expect(reader.cells("").contains(["2025-03-11", "Vårdcentralen Alby och hemsjukvården", "Sjukdom"]))
        #expect(reader.cells("").contains(["2025-05-07", "Gruppnivå Alby"]))
    }

    @Test("No scripts, no addresses on the network, no web fonts")
    func selfContained() async throws {
        let html = try Self.page(try await ComplianceFixture.report())
        #expect(!html.lowercased().contains("<script"))
        let rest = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "")
            .replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!rest.contains("http://") && !rest.contains("https://") && !rest.contains("//www."))
        #expect(!rest.contains("url(") && !rest.contains("@import") && !rest.contains("@font-face") && !rest.contains("<link"))
    }

    @Test("Names with markup characters are escaped")
    func escaping() async throws {
        var configuration = ComplianceFixture.configuration
        configuration.structures[0].name = #"Alby <b>&amp; "VC" & 'hem'"#
        let report = try await ComplianceReport.build(
            configuration: configuration, structures: configuration.structures,
            period: ReportPeriod(parsing: "2025-H1")!, today: ComplianceFixture.date("2025-07-01"),
            by: .municipality
        ) { ComplianceFixture.history("2025-H1") }
        let html = try Self.page(report)
        let reader = Self.checkWellFormed(html)
        #expect(!html.contains("<b>"))
        #expect(html.contains("Alby &lt;b&gt;&amp;amp; &quot;VC&quot; &amp; &#39;hem&#39;"))
        #expect(reader.cells("structure").first?.first == #"Alby <b>&amp; "VC" & 'hem' · enskild nivå"#)
        #expect(reader.titles.contains(#"Alby <b>&amp; "VC" & 'hem', mars 2025: Inställda 1, Extra 1"#))
    }

    @Test("A period without structures renders a well-formed page that says so")
    func emptyPeriod() async throws {
        let report = try await ComplianceFixture.report("2024", today: "2025-07-01")
        #expect(report.structures.isEmpty)
        let html = try Self.page(report)
        let reader = Self.checkWellFormed(html)
        #expect(html.contains("Inga samverkansstrukturer är aktiva under perioden."))
        #expect(html.contains("Inga inställda möten under perioden.") && html.contains("Inga missade möten under perioden."))
        #expect(!reader.classes.contains("g.row") && !html.contains("<svg"))
    }

    @Test("A future period: nothing expected, every share written as a dash")
    func futurePeriod() async throws {
        let report = try await ComplianceFixture.report("2026", today: "2025-07-01")
        #expect(report.timing == .future && report.total.expected == 0 && report.structures.count == 5)
        let html = try Self.page(report)
        let reader = Self.checkWellFormed(html)
        #expect(html.contains("Perioden har inte börjat: inga möten är förväntade än."))
        let total = try #require(reader.cells("total").first)
        #expect(Array(total[7...12]) == Array(repeating: "–", count: 6))
        #expect(reader.classes.filter { $0 == "g.row" }.count == 5)
        #expect(reader.classes.filter { $0.hasPrefix("g.cell ") }.count == 5 * 12)
        #expect(reader.titles.contains("Totalt: Följsamhet % –"))
    }

    @Test("The English template gives an English page with a decimal point")
    func english() async throws {
        let html = try Self.page(try await ComplianceFixture.report(), language: "en")
        let reader = Self.checkWellFormed(html)
        #expect(html.contains("lang=\"en\" xml:lang=\"en\""))
        for words in [
            "<h2>Meetings per month</h2>", "Follow-up of collaboration meetings", "Compliance %", "No meeting planned",
            "Held – every planned meeting was held", "Region-wide",
        ] {
            #expect(html.contains(words), "\(words)")
        }
        #expect(reader.cells("total").first?.prefix(8) == ["Total", "4", "13", "11", "1", "2", "0", "84.6"])
        for swedish in ["Möten per månad", "Sammanfattning", "Hållet", "Totalt"] { #expect(!html.contains(swedish), "\(swedish)") }
    }
}
