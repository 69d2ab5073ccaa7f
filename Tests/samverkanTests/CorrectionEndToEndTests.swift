import Foundation
import SamverkanTestSupport
import Testing

/// Corrections (`minutes amend`) with the built binary, as issue 12 found them: action items keep
/// their numbers and follow-ups, an unchanged correction is refused, the approved original counts
/// until the correction is approved, and `minutes show` reads back into `amend --file`.
@Suite("corrections end to end", .serialized)
struct CorrectionEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// Minutes #1 of 2025-03-13 (approved 2025-03-18) with action items #1 and #2, and minutes #2 of
    /// 2025-04-10 marking #1 `klar` and #2 `delvis`.
    static func seeded() throws -> Workspace {
        let w = try Workspace()
        let first = try w.filledDraft(extra: "- Utse kontaktperson | ansvarig: socialchef-halmstad | klart: 2025-03-31\n")
        let saved = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(first, "first.md")])
        #expect(saved.status == 0, "\(saved.stderr)")
        let approved = try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-18"])
        #expect(approved.status == 0, "\(approved.stderr)")
        let template = try w.run(["minutes", "template", "--structure", "rug", "--date", "2025-04-10"], today: "2025-04-11")
        let second = template.stdout
            .replacingOccurrences(of: "- [ ] Socialchef Halmstad", with: "- [x] Socialchef Halmstad")
            .replacingOccurrences(of: "| status: ej påbörjad | kommentar: \n- #2", with: "| status: klar | kommentar: Klart\n- #2")
            .replacingOccurrences(of: "| status: ej påbörjad | kommentar: \n", with: "| status: delvis | kommentar: Två av sex kommuner\n")
        #expect(second.contains("status: klar") && second.contains("status: delvis"), "\(second)")
        let recorded = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(second, "second.md")], today: "2025-04-11")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        return w
    }

    /// `samverkan actions` as of a day.
    static func actions(_ w: Workspace, today: String = "2025-04-11") throws -> String {
        try w.run(["actions"], today: today).stdout
    }

    @Test("EDITOR=true minutes amend 1 is refused as unchanged; #1 stays klar and does not come back in the next draft")
    func unchangedRefused() throws {
        let w = try Self.seeded()
        let amend = try w.run(["minutes", "amend", "1"], today: "2025-04-11", editor: "true")
        #expect(amend.status == 1)
        #expect(amend.stderr.contains("rättelsen av minnesanteckningar #1 ändrar ingenting och sparades inte"), "\(amend.stderr)")
        // The draft is kept, as other rejected drafts are, and nothing was saved.
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.drafts.path) == ["rug-2025-03-13-rattelse-1.md"])
        #expect(!(try w.run(["minutes", "list"], today: "2025-04-11").stdout.contains("#3")))
        try FileManager.default.removeItem(at: w.drafts.appendingPathComponent("rug-2025-03-13-rattelse-1.md"))
        let english = try w.run(["minutes", "amend", "1", "--lang", "en"], today: "2025-04-11", editor: "true")
        #expect(english.stderr.contains("the correction of minutes #1 changes nothing and was not saved"), "\(english.stderr)")
        let actions = try Self.actions(w)
        #expect(actions.contains("#1  rug       Sprida rutinen till vårdcentralerna"), "\(actions)")
        #expect(actions.split(separator: "\n").contains { $0.hasPrefix("#1 ") && $0.hasSuffix("klar") }, "\(actions)")
        #expect(!actions.contains("#10") && !actions.contains("#3 "))
        let next = try w.run(["minutes", "template", "--structure", "rug", "--date", "2025-05-08"], today: "2025-05-09").stdout
        #expect(!next.contains("- #1 ") && next.contains("- #2 Utse kontaktperson"), "\(next)")
    }

    @Test("A real correction keeps #2 and its delvis follow-up; until it is approved the original counts everywhere")
    func correctionKeepsFollowUps() throws {
        let w = try Self.seeded()
        let editor = try w.editor("amend.sh", "sed -i 's/^- #2 Utse kontaktperson |/- #2 Utse kontaktperson i varje kommun |/' \"$f\"")
        let amend = try w.run(["minutes", "amend", "1"], today: "2025-04-11", editor: editor)
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(amend.stdout.contains("Sparade minnesanteckningar #3"))
        // Pending: the approved original's text, both follow-ups attached.
        var actions = try Self.actions(w)
        #expect(actions.contains("#2  rug       Utse kontaktperson  "), "\(actions)")
        #expect(actions.contains("delvis (försenad)") && !actions.contains("ej påbörjad"), "\(actions)")
        let list = try w.run(["minutes", "list"], today: "2025-04-11").stdout
        #expect(list.contains("rättelse #3 väntar på justering"), "\(list)")
        let show = try w.run(["minutes", "show", "1"], today: "2025-04-11").stdout
        #expect(show.contains("*rättelse #3 väntar på justering; till dess gäller #1*"), "\(show)")
        #expect(show.contains("*åtgärd #2 ändrad (text)*"))
        #expect(show.contains("- #2 Utse kontaktperson i varje kommun | ansvarig: socialchef-halmstad | klart: 2025-03-31"))
        // The compliance report counts the approved original: 1 of 2 approved, #1 done.
        var report = try Self.compliance(w)
        #expect(report.approved == 1 && report.done == 1 && report.open == 1, "\(report)")
        let period = ["report", "compliance", "--from", "2025-03-01", "--to", "2025-04-30"]
        #expect(
            try w.run(period, today: "2025-04-11").stdout.contains(
                "Rättelser som väntar på justering: 1; till dess räknas de justerade originalen."))
        #expect(
            try w.run(period + ["--format", "html", "--lang", "en"], today: "2025-04-11").stdout.contains(
                "Corrections awaiting approval: 1"))
        // Approved: the corrected text, the same number, the same follow-up.
        #expect(try w.run(["minutes", "approve", "3", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        actions = try Self.actions(w)
        #expect(actions.contains("#2  rug       Utse kontaktperson i varje kommun"), "\(actions)")
        #expect(actions.contains("delvis (försenad)"), "\(actions)")
        report = try Self.compliance(w)
        #expect(report.approved == 1 && report.done == 1 && report.open == 1, "\(report)")
        #expect(!(try w.run(period, today: "2025-04-11").stdout.contains("Rättelser som väntar")))
        #expect(try w.run(["minutes", "verify"], today: "2025-04-11").status == 0)
    }

    @Test("A correction withdraws an item by leaving its line out; show says so")
    func withdraw() throws {
        let w = try Self.seeded()
        let editor = try w.editor("withdraw.sh", "sed -i '/^- #2 Utse kontaktperson |/d' \"$f\"")
        #expect(try w.run(["minutes", "amend", "1"], today: "2025-04-11", editor: editor).status == 0)
        #expect(try w.run(["minutes", "approve", "3", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        #expect(!(try Self.actions(w).contains("Utse kontaktperson")))
        #expect(try w.run(["minutes", "show", "3"], today: "2025-04-11").stdout.contains("*åtgärd #2 struken*"))
        // The original and its correction shown together: amend 3 --file reads #3's part.
        let both = try w.run(["minutes", "show", "1"], today: "2025-04-11").stdout
        #expect(both.contains("\n---\n"))
        let again = both.replacingOccurrences(
            of: "- #1 Sprida rutinen till vårdcentralerna |", with: "- #1 Sprida rutinen till alla vårdcentraler |")
        let amend = try w.run(["minutes", "amend", "3", "--file", try w.write(again, "both.md")], today: "2025-04-11")
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(try w.run(["minutes", "show", "4"], today: "2025-04-11").stdout.contains("*åtgärd #1 ändrad (text)*"))
    }

    @Test("minutes show --format md reads back into amend --file; a bad draft's hint names amend; #8 is no new action's title")
    func roundTrip() throws {
        let w = try Self.seeded()
        let shown = try w.run(["minutes", "show", "2"], today: "2025-04-11").stdout
        #expect(shown.contains("*#2 · ej justerad*"))
        // As shown: nothing to correct.
        let same = try w.run(["minutes", "amend", "2", "--file", try w.write(shown, "same.md")], today: "2025-04-11")
        #expect(same.status == 1)
        #expect(same.stderr.contains("ändrar ingenting"), "\(same.stderr)")
        #expect(!same.stderr.contains("okänt fält"))
        // A wrong status: the hint names the command that retries, amend with the file.
        let wrong = shown.replacingOccurrences(of: "status: delvis", with: "status: halvvägs")
        let bad = try w.run(["minutes", "amend", "2", "--file", try w.write(wrong, "bad.md")], today: "2025-04-11")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("samverkan minutes amend 2 --file \(w.folder.path("bad.md"))"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("minutes new"))
        // Corrected: saved, the follow-up keeps pointing at #2.
        let fixed = shown.replacingOccurrences(of: "kommentar: Två av sex kommuner", with: "kommentar: Tre av sex kommuner")
        let saved = try w.run(["minutes", "amend", "2", "--file", try w.write(fixed, "fixed.md")], today: "2025-04-11")
        #expect(saved.status == 0, "\(saved.stderr)")
        // Neither minutes is approved: the latest record counts.
        #expect(try Self.actions(w).contains("delvis (försenad)"))
        // A numbered line in minutes new is refused, not saved as an action titled "#8 …".
        let numbered = try w.filledDraft(
            date: "2025-05-08", extra: "- #8 Utse samordnare | ansvarig: socialchef-halmstad | klart: 2025-06-30\n")
        let refused = try w.run(
            ["minutes", "new", "--structure", "rug", "--file", try w.write(numbered, "numbered.md")], today: "2025-05-09")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("en ny åtgärd har inget nummer: ta bort \"#8\""), "\(refused.stderr)")
        #expect(!(try Self.actions(w, today: "2025-05-09").contains("#8 Utse")))
    }

    @Test("HTML minutes show follow-up statuses and comments as fields and the structure by name")
    func html() throws {
        let w = try Self.seeded()
        let html = try w.run(["minutes", "show", "2", "--format", "html"], today: "2025-04-11").stdout
        #expect(!html.contains("| status:") && !html.contains("| kommentar:"), "\(html)")
        #expect(html.contains("<span class=\"label\">status:</span> delvis</span>"))
        #expect(html.contains("<span class=\"label\">kommentar:</span> Två av sex kommuner</span>"))
        #expect(html.contains("<p>Struktur: Regional utvecklingsgrupp för god och nära vård (RUG)</p>"), "\(html)")
        #expect(!html.contains("Struktur: rug"))
    }

    @Test("The independent recomputation of the report agrees with a pending and an approved correction in the sample year")
    func peerCheck() throws {
        #expect(FileManager.default.isExecutableFile(atPath: ReportEndToEndTests.python), "the venv is missing: run `make test` once")
        let sample = try ReportEndToEndTests.Sample()
        let before = try sample.run(["report", "compliance", "--period", "2025", "--format", "json"]).stdout
        let listed = try JSONSerialization.jsonObject(with: Data(try sample.run(["minutes", "list", "--format", "json"]).stdout.utf8))
        let withActions = (listed as? [[String: Any]] ?? []).filter {
            $0["status"] as? String == "approved" && ($0["newActions"] as? Int ?? 0) > 0
        }
        .compactMap { $0["id"] as? Int }
        try #require(withActions.count >= 2)
        /// Corrects the text of the first action item of minutes `id` through show → amend --file.
        func correct(_ id: Int) throws {
            let shown = try sample.run(["minutes", "show", String(id)]).stdout
            let section = try #require(shown.range(of: "## Nya åtgärder"))
            let line = try #require(shown.range(of: " | ansvarig:", range: section.upperBound..<shown.endIndex))
            let corrected = MinutesEndToEndTests.namingChair(
                shown.replacingCharacters(in: line.lowerBound..<line.lowerBound, with: " (rättad)"))
            let file = try sample.folder.write(corrected, to: "correction-\(id).md")
            let amend = try sample.run(["minutes", "amend", String(id), "--file", file])
            #expect(amend.status == 0, "\(amend.stderr)")
        }
        try correct(withActions[0])
        try correct(withActions[1])
        let newest = try sample.run(["minutes", "list", "--format", "json"]).stdout
        let ids = (try JSONSerialization.jsonObject(with: Data(newest.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        // Each required signatory of the newest correction signs (its chair, named in the correction).
        let pending = try sample.run(["minutes", "pending", "--format", "json"]).stdout
        let waiting = try #require(
            (try JSONSerialization.jsonObject(with: Data(pending.utf8)) as? [[String: Any]])?.first { $0["id"] as? Int == ids.max() })
        let missing = try #require(waiting["missing"] as? [String])
        try #require(!missing.isEmpty)
        for name in missing {
            let signed = try sample.run(["minutes", "approve", String(ids.max()!), "--by", name, "--date", ReportEndToEndTests.today])  // not before the correction was saved
            #expect(signed.status == 0, "\(signed.stderr)")
        }
        let input = try sample.peerInput()
        let check = try sample.peerCheck(input)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // The pending correction changes no figure: the approved original counts.
        let total = { (text: String) in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["total"] as? [String: Any]
        }
        let after = try String(contentsOfFile: input.json, encoding: .utf8)
        // JSON and CSV say how many wait, as the table does (the peer recomputes both).
        #expect((try? JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])?["pendingCorrections"] as? Int == 1)
        #expect(try String(contentsOfFile: input.csv, encoding: .utf8).contains("Rättelser som väntar på justering"))
        #expect(
            (total(before)?["minutes"] as? [String: Any])?["approved"] as? Int == (total(after)?["minutes"] as? [String: Any])?["approved"]
                as? Int)
        #expect(try sample.run(["minutes", "verify"]).status == 0)
    }

    /// RUG's figures in the compliance report (JSON) for spring 2025, as of 2025-04-11.
    static func compliance(_ w: Workspace) throws -> (approved: Int, done: Int, open: Int) {
        let result = try w.run(
            ["report", "compliance", "--from", "2025-03-01", "--to", "2025-04-30", "--format", "json"], today: "2025-04-11")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rows = json?["structures"] as? [[String: Any]] ?? []
        let figures = rows.first { $0["id"] as? String == "rug" }?["figures"] as? [String: Any] ?? [:]
        let minutes = figures["minutes"] as? [String: Any] ?? [:]
        let actions = figures["actions"] as? [String: Any] ?? [:]
        return (minutes["approved"] as? Int ?? -1, actions["done"] as? Int ?? -1, actions["open"] as? Int ?? -1)
    }
}

extension CorrectionEndToEndTests {
    @Test("A correction approved weeks later does not make a timely justering late: days count to the first approval")
    func timelinessKeepsFirstApproval() throws {
        let w = try MinutesEndToEndTests.Workspace()
        let draft = try w.filledDraft()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(draft, "a.md")]).status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-20"]).status == 0)
        let corrected = draft.replacingOccurrences(
            of: "RUG godkänner rutinen för utskrivning.", with: "RUG godkänner rutinen för in- och utskrivning.")
        let amend = try w.run(["minutes", "amend", "1", "--file", try w.write(corrected, "b.md")], today: "2025-05-01")
        #expect(amend.status == 0, "\(amend.stderr)")
        // Written without "§ 1" in front, the decision is a new one and § 1 is withdrawn: show says so.
        let shown = try w.run(["minutes", "show", "2"], today: "2025-05-01").stdout
        #expect(shown.contains("§ 1 struken"), "\(shown)")
        #expect(
            try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor", "--date", "2025-05-02"], today: "2025-05-02").status == 0)
        let report = try w.run(
            ["report", "compliance", "--period", "2025-H1", "--format", "json", "--by", "structure"], today: "2025-07-01")
        #expect(report.status == 0, "\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let rug = try #require((json["structures"] as? [[String: Any]])?.first { $0["id"] as? String == "rug" })
        let figures = try #require((rug["figures"] as? [String: Any])?["minutes"] as? [String: Any])
        #expect(figures["medianDaysToApproval"] as? Double == 7, "\(figures)")
        #expect(figures["approvedWithin14Days"] as? Int == 1, "\(figures)")
    }
}
