import Foundation
import SamverkanTestSupport
import Testing

/// Control sequences from configurations, drafts, options and the database are never printed
/// raw, and Markdown output cannot carry HTML (issue 13, item 12).
@Suite("terminal escaping", .serialized)
struct TerminalEscapingTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    static let attack = "\u{1B}[2J\u{1B}]0;pwned\u{07}\r"

    /// Neither output holds a raw control character other than newline and tab.
    static func expectClean(_ result: CLIRunner.Result, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            #expect(raw.isEmpty, "\(label) \(name): \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        }
    }

    @Test("Configuration values and references with control sequences: validate, structures and schedule escape them")
    func configuration() throws {
        let folder = try TemporaryFolder("escape")
        let text = try String(contentsOfFile: CLIRunner.fixture("minimal.yaml"), encoding: .utf8)
        let named = try folder.write(
            text.replacingOccurrences(of: "    name: RUG\n", with: "    name: \"RUG\\e[2J\\e]0;pwned\\a\\r\"\n"), to: "named.yaml")
        for arguments in [["validate"], ["structures"], ["schedule", "--structure", "rug"]] {
            let result = try CLIRunner.run(
                arguments + ["--config", named, "--database", folder.path("db.sqlite")],
                environment: ["SAMVERKAN_TODAY": "2025-03-01"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            Self.expectClean(result, "\(arguments)")
        }
        let report = try CLIRunner.run(
            [
                "report", "compliance", "--period", "2025", "--by", "structure", "--config", named,
                "--database", folder.path("db.sqlite"),
            ], environment: ["SAMVERKAN_TODAY": "2025-12-31"])
        Self.expectClean(report, "report")
        #expect(report.stdout.contains("RUG^[[2J^[]0;pwned^G^M"), "\(report.stdout)")
        let broken = try folder.write(
            text.replacingOccurrences(of: "members: [alfa, beta", with: "members: [\"alfa\\e[2J\", beta"), to: "broken.yaml")
        let refused = try CLIRunner.run(["validate", "--config", broken])
        #expect(refused.status == 1)
        Self.expectClean(refused, "validate")
        #expect(refused.stderr.contains("alfa^[[2J"), "\(refused.stderr)")
    }

    @Test("A --reason, a draft and stored text with control sequences: errors, list and show escape them")
    func minutes() throws {
        let w = try Workspace()
        let cancel = try w.run(["minutes", "cancel", "--structure", "rug", "--date", "2025-02-13", "--reason", "Sjukdom" + Self.attack])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        let list = try w.run(["minutes", "list"])
        Self.expectClean(list, "list")
        #expect(list.stdout.contains("Sjukdom^[[2J"))
        let draft = try w.filledDraft().replacingOccurrences(
            of: "- [x] Socialchef Halmstad", with: "- [x] Socialchef Halmstad" + Self.attack)
        let refused = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(draft, "bad.md")])
        #expect(refused.status == 1)
        Self.expectClean(refused, "draft errors")
        // A draft with control characters is refused (above); markup in a decision is stored and escaped.
        let decision = "RUG godkänner <script>alert(1)</script> & <img src=x onerror=alert(2)>"
        let good = try w.filledDraft().replacingOccurrences(of: "RUG godkänner rutinen för utskrivning.", with: decision)
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(good, "good.md")]).status == 0)
        let show = try w.run(["minutes", "show", "1"])
        Self.expectClean(show, "show")
        #expect(show.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;"), "\(show.stdout)")
        #expect(!show.stdout.contains("<script>") && !show.stdout.contains("<img"))
        let html = try w.run(["minutes", "show", "1", "--format", "html"])
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img"))
        for arguments in [["actions"], ["minutes", "search", "godkänner"]] {
            Self.expectClean(try w.run(arguments), "\(arguments)")
        }
    }

    @Test("Markdown reports escape < > & from the configuration")
    func reports() throws {
        let folder = try TemporaryFolder("escape-report")
        let text = try String(contentsOfFile: CLIRunner.fixture("minimal.yaml"), encoding: .utf8)
        let path = try folder.write(
            text.replacingOccurrences(of: "    name: RUG\n", with: "    name: \"RUG <img src=x onerror=alert(1)>\"\n"), to: "c.yaml")
        let report = try CLIRunner.run(
            [
                "report", "compliance", "--period", "2025", "--format", "md", "--by", "structure", "--config", path,
                "--database", folder.path("db.sqlite"),
            ], environment: ["SAMVERKAN_TODAY": "2025-12-31"])
        #expect(report.status == 0 || report.status == 3, "\(report.stderr)")
        #expect(report.stdout.contains("RUG &lt;img src=x onerror=alert(1)&gt;"), "\(report.stdout)")
        #expect(!report.stdout.contains("<img"))
    }
}
