import Foundation
import SamverkanTestSupport
import Testing

/// Corrections and justering together, with the built binary: a correction is signed on its own
/// by the chair and the justerare it names; until its last signature the approved original counts.
@Suite("corrections and justering end to end", .serialized)
struct CorrectionJusteringEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace
    static let chair = "Biträdande hälso- och sjukvårdsdirektör"

    /// RUG minutes #1 of 2025-03-13 with two decisions, naming Socialchef Varberg as justerare.
    static func recorded() throws -> Workspace {
        let w = try Workspace()
        let draft = try w.filledDraft()
            .replacingOccurrences(of: #"(?m)^Justerare:.*$"#, with: "Justerare: Socialchef Varberg", options: .regularExpression)
            .replacingOccurrences(
                of: "- RUG godkänner rutinen för utskrivning.\n", with: "- RUG godkänner rutinen för utskrivning.\n- RUG beslutar B.\n")
        let saved = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(draft, "first.md")])
        #expect(saved.status == 0, "\(saved.stderr)")
        return w
    }

    /// `minutes show ID` with the second decision and the action item corrected (and the justerare, when given).
    static func correction(_ w: Workspace, of id: Int, approver: String? = nil) throws -> String {
        var text = try w.run(["minutes", "show", String(id)]).stdout
            .replacingOccurrences(of: "RUG beslutar B.", with: "RUG beslutar B, rättat.")
            .replacingOccurrences(of: "Sprida rutinen till vårdcentralerna", with: "Sprida rutinen till alla vårdcentraler")
        if let approver {
            text = text.replacingOccurrences(of: "Justerare: Socialchef Varberg", with: "Justerare: \(approver)")
        }
        #expect(text.contains("rättat"))
        return try w.write(text, "correction-\(id).md")
    }

    /// The records of `minutes show ID --format json`.
    static func shown(_ w: Workspace, _ id: Int) throws -> [[String: Any]] {
        let result = try w.run(["minutes", "show", String(id), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// `pendingCorrections` and RUG's approved count of the compliance report for March 2025.
    static func report(_ w: Workspace) throws -> (pending: Int, approved: Int, csv: String) {
        let period = ["report", "compliance", "--from", "2025-03-01", "--to", "2025-03-31"]
        let json = try JSONSerialization.jsonObject(with: Data(try w.run(period + ["--format", "json"]).stdout.utf8)) as? [String: Any]
        let rug = (json?["structures"] as? [[String: Any]])?.first { $0["id"] as? String == "rug" }
        let approved = ((rug?["figures"] as? [String: Any])?["minutes"] as? [String: Any])?["approved"] as? Int
        return (json?["pendingCorrections"] as? Int ?? -1, approved ?? -1, try w.run(period + ["--format", "csv"]).stdout)
    }

    @Test("A correction of approved minutes needs the signatures it names; pending says so; the original counts until the last one")
    func correctionOfApproved() throws {
        let w = try Self.recorded()
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-14"]).status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "Socialchef Varberg", "--date", "2025-03-15"]).status == 0)
        let amend = try w.run(["minutes", "amend", "1", "--file", try Self.correction(w, of: 1, approver: "Socialchef Halmstad")])
        #expect(amend.status == 0, "\(amend.stderr)")

        // Waiting: listed as a correction of #1, with both its signatories missing.
        let pending = try w.run(["minutes", "pending"]).stdout
        #expect(pending.contains("#2 (rättelse av #1)"), "\(pending)")
        #expect(pending.contains("\(Self.chair) och Socialchef Halmstad"), "\(pending)")
        #expect(try w.run(["minutes", "pending", "--lang", "en"]).stdout.contains("#2 (correction of #1)"))
        // The original's justerare is not the correction's.
        let wrong = try w.run(["minutes", "approve", "2", "--by", "Socialchef Varberg"])
        #expect(wrong.status == 1, "\(wrong.stdout)")
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor", "--date", "2025-03-20"]).status == 0)  // the day the correction was saved
        var records = try Self.shown(w, 1)
        #expect(records.count == 2)
        #expect(records[0]["correctionPending"] as? Bool == true)
        #expect((records[0]["signatures"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2025-03-14", "2025-03-15"])
        #expect((records[1]["signatures"] as? [[String: Any]])?.map { $0["name"] as? String } == [Self.chair])
        #expect(records[1]["missingSignatories"] as? [String] == ["Socialchef Halmstad"])
        #expect(try w.run(["minutes", "pending"]).stdout.contains("#2 (rättelse av #1)"))
        var report = try Self.report(w)
        #expect(report.pending == 1 && report.approved == 1)
        // The approved original's action item counts, under its number.
        var actions = try w.run(["actions"]).stdout
        #expect(actions.contains("#1  rug       Sprida rutinen till vårdcentralerna"), "\(actions)")
        #expect(report.csv.contains("Rättelser som väntar på justering"))
        let plan = try w.run(["report", "actions", "--format", "json"]).stdout
        #expect(plan.contains("\"pendingCorrections\" : 1"), "\(plan)")
        #expect(try w.run(["report", "actions"]).stdout.contains("Rättelser som väntar på justering: 1"))
        #expect(try w.run(["report", "grants", "--period", "2025"]).stdout.contains("Rättelser som väntar på justering: 1"))
        #expect(try w.run(["report", "grants", "--period", "2025", "--lang", "en"]).stdout.contains("Corrections awaiting approval: 1"))

        // The last signature: the correction counts, its decisions keep their § numbers.
        let last = try w.run(["minutes", "approve", "2", "--by", "Socialchef Halmstad"])
        #expect(last.status == 0, "\(last.stderr)")
        let show = try w.run(["minutes", "show", "2"]).stdout
        #expect(show.contains("- § 1 RUG godkänner rutinen för utskrivning.") && show.contains("- § 2 RUG beslutar B, rättat."), "\(show)")
        actions = try w.run(["actions"]).stdout
        #expect(actions.contains("#1  rug       Sprida rutinen till alla vårdcentraler"), "\(actions)")
        records = try Self.shown(w, 2)
        #expect(records[0]["correctionPending"] as? Bool == false && records[0]["missingSignatories"] as? [String] == [])
        #expect(try w.run(["minutes", "pending"]).stdout.contains("Inga minnesanteckningar väntar på justering."))
        report = try Self.report(w)
        #expect(report.pending == 0 && report.approved == 1)
        #expect(try w.run(["report", "grants", "--period", "2025", "--format", "json"]).stdout.contains("\"pendingCorrections\" : 0"))
        let verify = try w.run(["minutes", "verify"])
        #expect(verify.status == 0 && verify.stdout.contains("2 av 2 justerade"), "\(verify.stdout)")
    }

    @Test("A correction of partly signed minutes: earlier signatures do not carry over; the replaced minutes are signed no more")
    func correctionOfPartlySigned() throws {
        let w = try Self.recorded()
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-14"]).status == 0)
        #expect(try w.run(["minutes", "amend", "1", "--file", try Self.correction(w, of: 1)]).status == 0)
        let pending = try w.run(["minutes", "pending"]).stdout
        #expect(pending.contains("#2 (rättelse av #1, vars underskrifter inte gäller rättelsen)"), "\(pending)")
        #expect(pending.contains("ingen") && pending.contains("\(Self.chair) och Socialchef Varberg"), "\(pending)")
        #expect(!pending.contains("#1 "))
        let show = try w.run(["minutes", "show", "1"]).stdout
        #expect(show.contains("*#1 · delvis justerad av \(Self.chair) 2025-03-14 · rättad genom #2*"), "\(show)")
        #expect(show.contains("underskrifterna av #1 gäller inte rättelsen: alla justerar den på nytt"), "\(show)")
        let records = try Self.shown(w, 1)
        #expect(records[0]["missingSignatories"] as? [String] == [])
        #expect(records[1]["signatures"] as? [Any] == nil || (records[1]["signatures"] as? [Any])?.isEmpty == true)
        #expect(records[1]["missingSignatories"] as? [String] == [Self.chair, "Socialchef Varberg"])
        // Signing the replaced minutes would approve what was corrected: refused, naming the correction.
        let late = try w.run(["minutes", "approve", "1", "--by", "Socialchef Varberg"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("samverkan minutes approve 2 --by NAMN"), "\(late.stderr)")
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor", "--by", "Socialchef Varberg"]).status == 0)
        #expect(try w.run(["minutes", "verify"]).stdout.contains("1 av 1 justerade"))
    }

    @Test("A record's whole life: new, partly signed, amended, signed, exported, imported afresh, verified, reported; cancel refused")
    func wholeLife() throws {
        let w = try Self.recorded()
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-14"]).status == 0)
        #expect(try w.run(["minutes", "amend", "1", "--file", try Self.correction(w, of: 1)]).status == 0)
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor", "--by", "Socialchef Varberg"]).status == 0)
        let export = try w.run(["minutes", "export"])
        #expect(export.status == 0, "\(export.stderr)")
        let archive = try w.write(export.stdout, "archive.json")
        let fresh = TestDatabase.path(in: w.folder, name: "fresh/samverkan.sqlite")
        let imported = try w.run(["minutes", "import", archive, "--database", fresh])
        #expect(imported.status == 0, "\(imported.stderr)")
        let verify = try w.run(["minutes", "verify", "--database", fresh])
        #expect(verify.status == 0 && verify.stdout.contains("1 av 1 justerade"), "\(verify.stdout)")
        #expect(try w.run(["minutes", "export", "--database", fresh]).stdout == export.stdout)
        let list = try w.run(["minutes", "list", "--database", fresh]).stdout
        #expect(list.contains("delvis justerad av \(Self.chair) 2025-03-14, rättad genom #2"), "\(list)")
        #expect(try w.run(["minutes", "pending", "--database", fresh]).stdout.contains("Inga minnesanteckningar väntar"))
        let report = try w.run([
            "report", "compliance", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "json", "--database", fresh,
        ])
        #expect(report.status == 0 && report.stdout.contains("\"pendingCorrections\" : 0"), "\(report.stderr)")
        // The meeting has signed minutes: it cannot be cancelled afterwards.
        let cancel = try w.run(["meeting", "cancel", "--structure", "rug", "--date", "2025-03-13", "--reason", "Sjukdom"])
        #expect(cancel.status == 1)
        #expect(cancel.stderr.contains("har minnesanteckningar (#1); det kan inte ställas in"), "\(cancel.stderr)")
    }

    @Test("minutes import of an archive from before v9 gives the correction's item the original's number")
    func importBeforeV9() throws {
        let w = try Self.recorded()
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--by", "Socialchef Varberg"]).status == 0)
        #expect(try w.run(["minutes", "amend", "1", "--file", try Self.correction(w, of: 1)]).status == 0)
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor", "--by", "Socialchef Varberg"]).status == 0)
        // As written before v9 (and v10): no `continues`, no `signatures`.
        var archive = try #require(
            try JSONSerialization.jsonObject(with: Data(try w.run(["minutes", "export"]).stdout.utf8)) as? [String: Any])
        archive["signatures"] = nil
        archive["minutes"] = (archive["minutes"] as? [[String: Any]] ?? []).map { record in
            var record = record
            record["newActions"] = (record["newActions"] as? [[String: Any]] ?? []).map { $0.filter { $0.key != "continues" } }
            return record
        }
        let old = try w.write(String(decoding: try JSONSerialization.data(withJSONObject: archive), as: UTF8.self), "old.json")
        #expect(!(try String(contentsOfFile: old, encoding: .utf8)).contains("continues"))
        let fresh = TestDatabase.path(in: w.folder, name: "fresh/samverkan.sqlite")
        let imported = try w.run(["minutes", "import", old, "--database", fresh])
        #expect(imported.status == 0, "\(imported.stderr)")
        // The text changed; the only item with the same responsible and due date is #1.
        let actions = try w.run(["actions", "--database", fresh]).stdout
        #expect(actions.contains("#1  rug       Sprida rutinen till alla vårdcentraler"), "\(actions)")
        #expect(try w.run(["minutes", "verify", "--database", fresh]).status == 0)
        #expect(try w.run(["minutes", "import", old, "--database", fresh]).status == 0)
    }
}
