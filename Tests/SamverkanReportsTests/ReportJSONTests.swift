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
}
