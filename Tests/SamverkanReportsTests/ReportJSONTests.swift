import Foundation
import Testing

@testable import SamverkanReports

@Suite("JSON written element by element")
struct ReportJSONTests {
    struct Row: Encodable {
        let id: String, values: [Int], empty: [String], nested: [String: [Int]], note: String?
    }

    struct Document: Encodable {
        let title: String, rows: [Row], zeta: [Int], alpha: Int
    }

    static let rows = [
        Row(id: "a/b", values: [1, 2], empty: [], nested: ["x": [], "y": [3]], note: "Å \"citat\"\nrad två"),
        Row(id: "c", values: [], empty: [], nested: [:], note: nil),
    ]

    @Test("Filling an array member one element at a time gives the very bytes of encoding the whole")
    func sameBytes() throws {
        let whole = Document(title: "Rapport", rows: Self.rows, zeta: [], alpha: 1)
        let header = Document(title: "Rapport", rows: [], zeta: [], alpha: 1)
        #expect(try ReportJSON.text(header, filling: "rows", with: Self.rows) == ReportJSON.text(whole))
        #expect(try ReportJSON.text(header, filling: "rows", with: [Row]()) == ReportJSON.text(header))
    }

    @Test("The compliance report's JSON is the same as the whole report encoded at once", arguments: ["2025-H1", "2024"])
    func report(_ period: String) async throws {
        let report = try await ComplianceFixture.report(period)
        #expect(try report.json() == ReportJSON.text(JSONReport(report)))
    }

    @Test("The layout is the module's own: two spaces a level, \"key\" : value, [] and {} when empty")
    func layout() throws {
        struct Small: Encodable { let b: [Int], a: [String: [Int]], s: String, e: [String: Int], n: Double? }
        let text = try ReportJSON.text(Small(b: [], a: ["x": [1, 2]], s: "a\"b/c ] , {", e: [:], n: 0.25))
        #expect(
            text == """
                {
                  "a" : {
                    "x" : [
                      1,
                      2
                    ]
                  },
                  "b" : [],
                  "e" : {},
                  "n" : 0.25,
                  "s" : "a\\"b/c ] , {"
                }

                """)
    }

    @Test("Whatever whitespace the encoder writes, the text is the same, and it parses to what the encoder meant")
    func independentOfFoundationWhitespace() throws {
        let whole = Document(title: "Rapport", rows: Self.rows, zeta: [], alpha: 1)
        var compact = JSONLayout()
        var pretty = JSONLayout()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try compact.append(try encoder.encode(whole), depth: 0)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        try pretty.append(try encoder.encode(whole), depth: 0)
        #expect(compact.bytes == pretty.bytes)
        let ours = try JSONSerialization.jsonObject(with: Data(try ReportJSON.text(whole).utf8)) as? NSDictionary
        let theirs = try JSONSerialization.jsonObject(with: try encoder.encode(whole)) as? NSDictionary
        #expect(ours != nil && ours == theirs)
    }

    @Test("A member to fill that is missing or not an empty array is an error, never a silent splice")
    func badSlot() {
        let header = Document(title: "Rapport", rows: [], zeta: [1], alpha: 1)
        #expect(throws: ReportJSONError.self) { try ReportJSON.text(header, filling: "missing", with: Self.rows) }
        #expect(throws: ReportJSONError.self) { try ReportJSON.text(header, filling: "zeta", with: [1, 2]) }
        #expect(throws: ReportJSONError.self) { try ReportJSON.text(header, filling: "title", with: [1, 2]) }
    }
}
