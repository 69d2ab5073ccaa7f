import Foundation
import SamverkanTestSupport
import Testing

/// An action item that a correction withdrew after a later meeting followed it up (issue 12):
/// the follow-up keeps the item's last text and says where the item was withdrawn in every
/// format, reads back through `amend --file`, and the item is open nowhere.
@Suite("withdrawn action items end to end", .serialized)
struct WithdrawnActionEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// The follow-up line of #2 in minutes #2 once correction #3 of #1 withdrew it.
    static let followUp =
        "- #2 Utse kontaktperson (ansvarig: Socialchef Halmstad, klart: 2025-03-31, beslutad 2025-03-13, struken i rättelse #3 av #1)"
        + " | status: delvis | kommentar: Två av sex kommuner"

    /// ``CorrectionEndToEndTests/seeded()`` (#1 of 2025-03-13 deciding #1 and #2, #2 of 2025-04-10
    /// following up #1 `klar` and #2 `delvis`), then correction #3 of #1 leaving #2 out, approved.
    static func withdrawn() throws -> Workspace {
        let w = try CorrectionEndToEndTests.seeded()
        let editor = try w.editor("withdraw.sh", "sed -i '/^- #2 Utse kontaktperson |/d' \"$f\"")
        let amend = try w.run(["minutes", "amend", "1"], today: "2025-04-11", editor: editor)
        #expect(amend.status == 0, "\(amend.stderr)")
        let approved = try w.run(["minutes", "approve", "3", "--by", "bitr-hs-direktor"], today: "2025-04-11")
        #expect(approved.status == 0, "\(approved.stderr)")
        return w
    }

    @Test("show of the later minutes gives the withdrawn item's last text and where it was withdrawn: md, English, HTML, JSON")
    func shown() throws {
        let w = try Self.withdrawn()
        let md = try w.run(["minutes", "show", "2"], today: "2025-04-11").stdout
        #expect(md.contains(Self.followUp), "\(md)")
        #expect(!md.contains("- #2 |"))
        let english = try w.run(["minutes", "show", "2", "--lang", "en"], today: "2025-04-11").stdout
        #expect(
            english.contains(
                "- #2 Utse kontaktperson (responsible: Socialchef Halmstad, due: 2025-03-31, decided 2025-03-13, withdrawn in"),
            "\(english)")
        #expect(english.contains("withdrawn in correction #3 of #1) | status: partly"), "\(english)")
        let html = try w.run(["minutes", "show", "2", "--format", "html"], today: "2025-04-11").stdout
        #expect(
            html.contains(
                "<li>#2 Utse kontaktperson (ansvarig: Socialchef Halmstad, klart: 2025-03-31, beslutad 2025-03-13, struken i rättelse #3 av #1)"
                    + " <span class=\"field\"><span class=\"label\">status:</span> delvis</span>"), "\(html)")
        let json = try w.run(["minutes", "show", "2", "--format", "json"], today: "2025-04-11").stdout
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let withdrawn = try #require(records.first?["withdrawnActions"] as? [[String: Any]])
        #expect(withdrawn.count == 1, "\(json)")
        #expect(withdrawn.first?["withdrawnIn"] as? Int == 3 && withdrawn.first?["corrects"] as? Int == 1)
        #expect(withdrawn.first?["decidedOn"] as? String == "2025-03-13")
        let item = try #require(withdrawn.first?["item"] as? [String: Any])
        #expect(item["id"] as? Int == 2 && item["text"] as? String == "Utse kontaktperson", "\(item)")
        // The minutes that decided it and the correction say nothing of it.
        let decided = try w.run(["minutes", "show", "1", "--format", "json"], today: "2025-04-11").stdout
        let both = try #require(try JSONSerialization.jsonObject(with: Data(decided.utf8)) as? [[String: Any]])
        #expect(both.allSatisfy { ($0["withdrawnActions"] as? [Any])?.isEmpty == true })
    }

    @Test("The shown text reads back through amend --file: as shown it changes nothing; a changed comment keeps the follow-up")
    func roundTrip() throws {
        let w = try Self.withdrawn()
        let shown = try w.run(["minutes", "show", "2"], today: "2025-04-11").stdout
        let same = try w.run(["minutes", "amend", "2", "--file", try w.write(shown, "same.md")], today: "2025-04-11")
        #expect(same.status == 1)
        #expect(same.stderr.contains("rättelsen av minnesanteckningar #2 ändrar ingenting"), "\(same.stderr)")
        #expect(!same.stderr.contains("inte öppen"))
        let changed = shown.replacingOccurrences(of: "kommentar: Två av sex kommuner", with: "kommentar: Två av sex, sedan struken")
        let saved = try w.run(["minutes", "amend", "2", "--file", try w.write(changed, "changed.md")], today: "2025-04-11")
        #expect(saved.status == 0, "\(saved.stderr)")
        let corrected = try w.run(["minutes", "show", "4"], today: "2025-04-11").stdout
        #expect(
            corrected.contains(Self.followUp.replacingOccurrences(of: "Två av sex kommuner", with: "Två av sex, sedan struken")),
            "\(corrected)")
        // The editor's draft of a correction of #4 holds the line as well: unchanged, it is refused as such.
        let editor = try w.run(["minutes", "amend", "4"], today: "2025-04-11", editor: "true")
        #expect(editor.status == 1)
        #expect(editor.stderr.contains("rättelsen av minnesanteckningar #4 ändrar ingenting"), "\(editor.stderr)")
    }

    @Test("A withdrawn item is open nowhere: next draft, actions, report, the peers' recomputation; a new follow-up of it is refused")
    func openNowhere() throws {
        let w = try Self.withdrawn()
        let next = try w.run(["minutes", "template", "--structure", "rug", "--date", "2025-05-08"], today: "2025-05-09").stdout
        #expect(!next.contains("- #2 ") && !next.contains("Utse kontaktperson"), "\(next)")
        for arguments in [["actions"], ["actions", "--format", "json"]] {
            let actions = try w.run(arguments, today: "2025-05-09").stdout
            #expect(!actions.contains("Utse kontaktperson"), "\(actions)")
        }
        // Due 2025-03-31: counted, it would be open and overdue.
        let report = try CorrectionEndToEndTests.compliance(w)
        #expect(report.done == 1 && report.open == 0, "\(report)")
        try Self.peerAgrees(w)
        // Typed into the draft of a later meeting, its follow-up is refused with the reason.
        let draft = try w.filledDraft(date: "2025-05-08").replacingOccurrences(
            of: "<!-- Inga öppna åtgärder. -->", with: "- #2 Utse kontaktperson | status: klar | kommentar: Klar ändå")
        #expect(draft.contains("- #2 Utse kontaktperson | status: klar"))
        let refused = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(draft, "late.md")], today: "2025-05-09")
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("åtgärd #2 ströks i rättelse #3 av #1 och följs inte upp längre; ta bort raden"), "\(refused.stderr)")
    }

    @Test("Until the correction that withdraws it is approved, the item is open and its follow-up shows no withdrawal")
    func pendingWithdrawal() throws {
        let w = try CorrectionEndToEndTests.seeded()
        let editor = try w.editor("withdraw.sh", "sed -i '/^- #2 Utse kontaktperson |/d' \"$f\"")
        #expect(try w.run(["minutes", "amend", "1"], today: "2025-04-11", editor: editor).status == 0)
        let shown = try w.run(["minutes", "show", "2"], today: "2025-04-11").stdout
        #expect(
            shown.contains(
                "- #2 Utse kontaktperson (ansvarig: Socialchef Halmstad, klart: 2025-03-31, beslutad 2025-03-13) | status: delvis"),
            "\(shown)")
        #expect(!shown.contains("struken i rättelse"))
        #expect(try CorrectionEndToEndTests.actions(w).contains("Utse kontaktperson"))
        let next = try w.run(["minutes", "template", "--structure", "rug", "--date", "2025-05-08"], today: "2025-05-09").stdout
        #expect(next.contains("- #2 Utse kontaktperson"), "\(next)")
    }

    @Test("notify reminds of the overdue item while the correction that withdraws it waits, and not once it is approved")
    func notifyLeavesItOut() throws {
        let w = try CorrectionEndToEndTests.seeded()
        let editor = try w.editor("withdraw.sh", "sed -i '/^- #2 Utse kontaktperson |/d' \"$f\"")
        #expect(try w.run(["minutes", "amend", "1"], today: "2025-04-11", editor: editor).status == 0)
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let mail = try MailEndToEndTests()
        let config = try mail.config(sendmail: try sink.sendmail())
        func overdue() throws -> [SMTPSink.Received] { try sink.received().filter { $0.subject.contains("försenade åtgärder") } }
        let first = try w.run(["notify", "--config", config], today: "2025-04-14")
        #expect(first.status == 0, "\(first.stderr)")
        let pending = try overdue()
        #expect(pending.count == 1 && pending.first?.text.contains("Utse kontaktperson") == true, "\(pending.map(\.text))")
        #expect(try w.run(["minutes", "approve", "3", "--by", "bitr-hs-direktor"], today: "2025-04-14").status == 0)
        // The next week: a new reminder would be due, but the item is withdrawn.
        #expect(try w.run(["notify", "--config", config], today: "2025-04-21").status == 0)
        #expect(try overdue().count == 1)
    }

    /// `Tests/Peers/check_report.py` recomputes the 2025 compliance report from this database and agrees.
    static func peerAgrees(_ w: Workspace) throws {
        #expect(FileManager.default.isExecutableFile(atPath: ReportEndToEndTests.python), "the venv is missing: run `make test` once")
        let today = "2025-05-09"
        func save(_ arguments: [String], _ name: String) throws -> String {
            let result = try w.run(arguments, today: today)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try w.write(result.stdout, name)
        }
        let report = ["report", "compliance", "--period", "2025", "--format"]
        let check = try CLIRunner.runTool(
            ReportEndToEndTests.python,
            [
                CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/check_report.py").path,
                try TestDatabase.sqliteFile(of: w.database),
                try save(["structures", "--format", "json"], "structures.json"),
                try save(["schedule", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json"], "schedule.json"),
                try save(report + ["json"], "report.json"), try save(report + ["csv"], "report.csv"), today,
            ])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
