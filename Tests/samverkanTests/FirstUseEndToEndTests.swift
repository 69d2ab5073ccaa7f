import Foundation
import SamverkanTestSupport
import Testing

/// What a first-time user's trial with the Jämtland configuration found, with the built binary:
/// a kept draft outlives its saved minutes, a correction signed before it existed, a retry hint
/// that fails again, a signatory problem reported on line 1, a meeting found three times, and a
/// calendar reason refused in the words of minutes.
@Suite("first use with Jämtland end to end", .serialized)
struct FirstUseEndToEndTests {
    /// A throwaway database, the Jämtland configuration and 2025-06-15 as today.
    struct Workspace {
        let folder: TemporaryFolder
        var database: String { TestDatabase.path(in: folder, name: "db/samverkan.sqlite") }
        var drafts: URL { TestDatabase.draftsFolder(in: folder, name: "db/samverkan.sqlite") }

        init() throws { folder = try TemporaryFolder("first-use") }

        func run(_ arguments: [String], stdin: String? = nil) throws -> CLIRunner.Result {
            try JamtlandRun.run(arguments, database: database, dataHome: TestDatabase.dataHome(in: folder), stdin: stdin)
        }

        /// The Berg arena's draft of 2025-02-18: Socialchef Berg present and justerare, one decision.
        func draft(approver: String = "Socialchef Berg", decision: String = "Rutinen för fasta kontakter gäller.") throws -> String {
            let template = try run(["minutes", "template", "--structure", "lokal-arena-berg", "--date", "2025-02-18"])
            #expect(template.status == 0, "\(template.stderr)")
            #expect(template.stdout.contains("- [ ] Socialchef Berg") && template.stdout.contains("Justerare: \n"), "\(template.stdout)")
            return template.stdout
                .replacingOccurrences(of: "- [ ] Socialchef Berg", with: "- [x] Socialchef Berg")
                .replacingOccurrences(of: "Justerare: \n", with: "Justerare: \(approver)\n")
                .replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- \(decision)\n")
        }

        func write(_ text: String, _ name: String) throws -> String { try folder.write(text, to: name) }

        /// Saves minutes #1 and approves them on the meeting's day.
        func recordApproved() throws {
            let saved = try run(["minutes", "new", "--structure", "lokal-arena-berg", "--file", try write(try draft(), "d.md")])
            #expect(saved.status == 0, "\(saved.stderr)")
            let approved = try run(["minutes", "approve", "1", "--by", "socialchef-berg", "--date", "2025-02-18"])
            #expect(approved.status == 0, "\(approved.stderr)")
        }

        /// Corrects minutes `id` (from `minutes show`) with a changed decision; returns the result.
        func amend(_ id: Int, _ old: String, _ new: String) throws -> CLIRunner.Result {
            let shown = try run(["minutes", "show", String(id)]).stdout
            #expect(shown.contains(old), "\(shown)")
            return try run([
                "minutes", "amend", String(id), "--file", try write(shown.replacingOccurrences(of: old, with: new), "fix\(id).md"),
            ])
        }
    }

    @Test("A draft kept from a refused --file - goes once its minutes are saved; a refused save keeps it")
    func keptDraftRemovedOnSave() throws {
        let w = try Workspace()
        let kept = w.drafts.appendingPathComponent("lokal-arena-berg-2025-02-18.md")
        let withNumber = try w.draft(decision: "Patienten 19121212-1212 får fast kontakt.")
        let refused = try w.run(
            ["minutes", "new", "--structure", "lokal-arena-berg", "--date", "2025-02-18", "--file", "-"], stdin: withNumber)
        #expect(refused.status == 1, "\(refused.stdout)")
        #expect(FileManager.default.fileExists(atPath: kept.path), "\(refused.stderr)")
        // Another refused attempt (no one present) leaves the kept draft alone.
        let nobody = try w.draft().replacingOccurrences(of: "- [x] Socialchef Berg", with: "- [ ] Socialchef Berg")
        let refusedAgain = try w.run(
            ["minutes", "new", "--structure", "lokal-arena-berg", "--date", "2025-02-18", "--file", try w.write(nobody, "d1.md")])
        #expect(refusedAgain.status == 1)
        #expect(FileManager.default.fileExists(atPath: kept.path))

        let saved = try w.run(
            ["minutes", "new", "--structure", "lokal-arena-berg", "--date", "2025-02-18", "--file", try w.write(try w.draft(), "d2.md")])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(!FileManager.default.fileExists(atPath: kept.path), "the kept draft with the identity number is still there")
    }

    @Test("A correction cannot be signed before the day it was saved; the message names the earliest day")
    func correctionSignedBeforeSaved() throws {
        let w = try Workspace()
        try w.recordApproved()  // an original may be signed (on paper) before it was entered
        let amended = try w.amend(1, "Rutinen för fasta kontakter gäller.", "Rutinen för fasta kontakter gäller från mars.")
        #expect(amended.status == 0, "\(amended.stderr)")
        let early = try w.run(["minutes", "approve", "2", "--by", "socialchef-berg", "--date", "2025-06-10"])
        #expect(early.status == 1, "\(early.stdout)")
        #expect(early.stderr.contains("före den dag rättelsen sparades; tidigaste datum för justeringen är 2025-06-15"), "\(early.stderr)")
        let english = try w.run(["minutes", "approve", "2", "--by", "socialchef-berg", "--date", "2025-06-10", "--lang", "en"])
        #expect(english.stderr.contains("the earliest date for its approval is 2025-06-15"), "\(english.stderr)")
        let signed = try w.run(["minutes", "approve", "2", "--by", "socialchef-berg", "--date", "2025-06-15"])
        #expect(signed.status == 0, "\(signed.stderr)")
    }

    @Test("A correction that changes nothing says to change something first, not to run the same command again")
    func unchangedCorrectionHint() throws {
        let w = try Workspace()
        try w.recordApproved()
        let show = try w.write(try w.run(["minutes", "show", "1"]).stdout, "show1.md")
        let refused = try w.run(["minutes", "amend", "1", "--file", show])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("ändrar ingenting"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Rätta det och kör"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Det finns inget att rätta ännu: ändra det som ska rättas i \(show)"), "\(refused.stderr)")
    }

    @Test("Nobody to sign is reported on the draft's Ordförande line, where the writer acts")
    func noSignatoryLine() throws {
        let w = try Workspace()
        let draft = try w.draft(approver: "")
        let chairLine = draft.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("Ordförande:") }
        let line = try #require(chairLine) + 1
        #expect(line > 1)
        let refused = try w.run(["minutes", "new", "--structure", "lokal-arena-berg", "--file", try w.write(draft, "none.md")])
        #expect(refused.status == 1)
        let problem = refused.stderr.split(separator: "\n").first { $0.contains("ingen kan justera") }
        #expect(problem?.hasPrefix("\(line): ") == true, "\(refused.stderr)")
    }

    @Test("minutes search shows a meeting once, as its current version, naming a pending correction")
    func searchOncePerMeeting() throws {
        let w = try Workspace()
        try w.recordApproved()
        #expect(try w.amend(1, "Rutinen för fasta kontakter gäller.", "Rutinen för fasta kontakter gäller från mars.").status == 0)
        #expect(try w.run(["minutes", "approve", "2", "--by", "socialchef-berg"]).status == 0)
        #expect(try w.amend(2, "gäller från mars.", "gäller från april.").status == 0)
        let search = try w.run(["minutes", "search", "rutin"])
        #expect(search.status == 0, "\(search.stderr)")
        let lines = search.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(search.stdout)")
        #expect(lines.first?.hasPrefix("#2  2025-02-18  lokal-arena-berg") == true, "\(search.stdout)")
        #expect(lines.first?.contains("rättelse #3 väntar på justering") == true, "\(search.stdout)")
        let json = try w.run(["minutes", "search", "rutin", "--format", "json"])
        let hits = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(hits.count == 1 && hits.first?["id"] as? Int == 2 && hits.first?["pendingCorrection"] as? Int == 3, "\(json.stdout)")
        // Found only in the pending correction: shown as that correction, never as "corrected by" an older record.
        let pending = try w.run(["minutes", "search", "april"]).stdout
        #expect(pending.hasPrefix("#3  ") && pending.contains("rättelse #3 väntar på justering"), "\(pending)")
        #expect(!pending.contains("rättad genom"), "\(pending)")
    }

    @Test("An identity number in a calendar decision's reason or name is refused in the words of the reason or name, never echoed")
    func calendarPrivacyWords() throws {
        let w = try Workspace()
        let reason = try w.run(
            ["meeting", "cancel", "--structure", "lokal-arena-berg", "--date", "2025-07-15", "--reason", "Sjuk 19121212-1212"])
        #expect(reason.status != 0)
        #expect(reason.stderr.contains("skälet ser ut att innehålla ett personnummer"), "\(reason.stderr)")
        #expect(!reason.stderr.contains("Minnesanteckningar") && !reason.stderr.contains("1212-1212"), "\(reason.stderr)")
        let by = try w.run(
            [
                "meeting", "cancel", "--structure", "lokal-arena-berg", "--date", "2025-07-15", "--reason", "Semester",
                "--by", "19121212-1212", "--lang", "en",
            ])
        #expect(by.status != 0)
        #expect(by.stderr.contains("the name looks like it holds a personal identity"), "\(by.stderr)")
        #expect(!by.stderr.contains("Minutes") && !by.stderr.contains("1212-1212"), "\(by.stderr)")
    }
}
