import Foundation
import SamverkanTestSupport
import Testing

/// Issue 13, items 1–5 and 7: hostile drafts through the built binary. Nothing typed is lost
/// silently, and no identity number is ever repeated back.
@Suite("hostile drafts end to end", .serialized)
struct HostileDraftEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// Records a draft given on standard input.
    func record(_ w: Workspace, _ draft: String) throws -> CLIRunner.Result {
        try w.run(["minutes", "new", "--structure", "rug", "--date", "2025-03-13", "--file", "-"], stdin: draft)
    }

    @Test(
        "Item 1: an identity number in Tid, Datum, names, ansvarig, klart or a standing item is never echoed",
        arguments: [
            ("Tid: 09:00", "Tid: 19121212-1212"),
            ("Datum: 2025-03-13", "Datum: 19121212-1212"),
            ("- [x] Socialchef Halmstad", "- [x] Tolvan 121212-1212"),
            ("| ansvarig: socialchef-halmstad", "| ansvarig: Tolvan 811218-9876"),
            ("| klart: 2025-04-30", "| klart: 19811218-9876"),
            ("## Beslut\n", "## Stående punkter\n- [x] Tolvan 121212-1212\n## Beslut\n"),
            ("Plats: Regionens hus, Halmstad", "Plats: Regionens hus\nPlatsen: 121212-1212"),
        ])
    func noEcho(field: (String, String)) throws {
        let w = try Workspace()
        let draft = try w.filledDraft().replacingOccurrences(of: field.0, with: field.1)
        #expect(draft.contains(field.1))
        let result = try record(w, draft)
        #expect(result.status != 0)
        for number in ["19121212-1212", "121212-1212", "811218-9876", "19811218-9876", "1212121212"] {
            #expect(!result.stderr.contains(number), "\(result.stderr)")
            #expect(!result.stdout.contains(number))
        }
        #expect(result.stderr.contains("personnummer"), "\(result.stderr)")
    }

    @Test("Item 1: no error message of any command repeats an identity number")
    func noEchoInErrors() throws {
        let w = try Workspace()
        for arguments in [
            ["minutes", "show", "19121212-1212"], ["schedule", "--structure", "19121212-1212"],
            ["minutes", "new", "--structure", "rug", "--date", "19121212-1212", "--file", "-"],
        ] {
            let result = try w.run(arguments, stdin: "")
            #expect(result.status != 0)
            #expect(!result.stderr.contains("19121212-1212"), "\(arguments): \(result.stderr)")
        }
    }

    @Test(
        "Item 2: a number split by a comment, a space, an en dash, full-width digits or a zero-width space is refused",
        arguments: [
            "Patient 1912<!-- -->1212-1212 ringde.", "Patient 19121212 1212 ringde.", "Patient 19121212\u{2013}1212 ringde.",
            "Patient \u{FF11}\u{FF19}\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12} ringde.",
            "Patient 19121212\u{200B}1212 ringde.", "Patient 1912\u{00AD}1212-1212 ringde.", "Patient 19121212\u{00A0}1212 ringde.",
            "Patient 1912<!--\n-->1212-1212 ringde.",
        ])
    func noBypass(text: String) throws {
        let w = try Workspace()
        let draft = try w.filledDraft().replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- \(text)\n")
        let result = try record(w, draft)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("personnummer"))
        let show = try w.run(["minutes", "show", "1"])
        #expect(show.status != 0)
    }

    @Test("Item 2: a --reason with a disguised number is refused")
    func reasonGuard() throws {
        let w = try Workspace()
        let result = try w.run([
            "meeting", "cancel", "--structure", "rug", "--date", "2025-04-10", "--reason", "Patient 1912 1212\u{2013}1212",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("personnummer"), "\(result.stderr)")
    }

    @Test("Item 3: a NUL or another control character in a line is refused by line, nothing stored")
    func controlCharacters() throws {
        for control in ["\u{0}", "\u{1B}", "\u{7}"] {
            let w = try Workspace()
            let draft = try w.filledDraft().replacingOccurrences(of: "- RUG godkänner rutinen", with: "- RUG\(control) godkänner rutinen")
            let line = draft.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("godkänner") }! + 1
            let result = try record(w, draft)
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(line): raden innehåller ett styrtecken (U+00"), "\(result.stderr)")
            #expect(try w.run(["minutes", "show", "1"]).status != 0)
        }
    }

    @Test("Item 4: an unclosed <!-- is refused, naming the line where it starts")
    func unclosedComment() throws {
        let w = try Workspace()
        let draft = try w.filledDraft().replacingOccurrences(of: "## Beslut\n", with: "Planen följs <!-- utkast\n## Beslut\n")
        let line = draft.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<!-- utkast") }! + 1
        let result = try record(w, draft)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(line): kommentaren som börjar på rad \(line)"), "\(result.stderr)")
    }

    @Test("Item 5: a draft saved with CRLF or CR line ends is read like LF", arguments: ["\r\n", "\r"])
    func lineEnds(end: String) throws {
        let w = try Workspace()
        let draft = try w.filledDraft().replacingOccurrences(of: "\n", with: end)
        let path = try w.write(draft, "windows.md")
        let result = try w.run(["minutes", "new", "--structure", "rug", "--file", path])
        #expect(result.status == 0, "\(result.stderr)")
        let show = try w.run(["minutes", "show", "1"])
        #expect(show.stdout.contains("RUG godkänner rutinen för utskrivning."))
        #expect(show.stdout.contains("Sprida rutinen till vårdcentralerna"))
        #expect(!show.stdout.contains("\r"))
    }

    @Test("Item 7: a line break in a configured name or place does not break the unedited template")
    func configuredLineBreak() throws {
        let w = try Workspace()
        let halland = try String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent("Config/halland.yaml").path, encoding: .utf8)
            .replacingOccurrences(of: "place: Regionens hus, Halmstad", with: "place: \"Regionens hus\\nBcc: evil@example.com\"")
            .replacingOccurrences(of: "name: Socialchef Halmstad", with: "name: \"Socialchef\\nHalmstad\"")
        let config = try w.write(halland, "halland.yaml")
        var environment = w.environment()
        environment["SAMVERKAN_CONFIG"] = config
        let template = try CLIRunner.run(["minutes", "template", "--structure", "rug", "--date", "2025-03-13"], environment: environment)
        #expect(template.status == 0, "\(template.stderr)")
        #expect(!template.stdout.contains("\nBcc:"))
        let filled = template.stdout.replacingOccurrences(of: "- [ ] Socialchef Halmstad", with: "- [x] Socialchef Halmstad")
        #expect(filled != template.stdout)
        let result = try CLIRunner.run(
            ["minutes", "new", "--structure", "rug", "--date", "2025-03-13", "--file", "-"],
            environment: environment, stdin: filled)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
