import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// Justering as practised: the chair and the approvers named in the minutes sign one by one;
/// the last signature approves, numbers and locks the minutes; `minutes pending` shows who is missing.
@Suite("justering end to end", .serialized)
struct JusteringEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// Records RUG minutes of `date` naming `approvers` as justerare; returns the command's result.
    @discardableResult
    func record(_ w: Workspace, date: String = "2025-03-13", approvers: String = "Socialchef Varberg") throws -> CLIRunner.Result {
        let draft = try w.filledDraft(date: date).replacingOccurrences(
            of: #"(?m)^Justerare:.*$"#, with: "Justerare: \(approvers)", options: .regularExpression)
        #expect(draft.contains("Justerare: \(approvers)\n"))
        let result = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(draft, "\(date).md")])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test("Chair and justerare sign separately; partly signed minutes show who signed and who is missing; the last signature approves")
    func signOneByOne() throws {
        let w = try Workspace()
        try record(w)
        let chair = "Biträdande hälso- och sjukvårdsdirektör"
        let first = try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-14"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "\(chair) har justerat minnesanteckningar #1 2025-03-14; de väntar på Socialchef Varberg.\n")
        let partly = "delvis justerad av \(chair) 2025-03-14; väntar på Socialchef Varberg"
        #expect(try w.run(["minutes", "list"]).stdout.contains(partly))
        #expect(try w.run(["minutes", "show", "1"]).stdout.contains("#1 · \(partly)*"))
        // Nothing approved yet: no § number, nothing to verify.
        #expect(try w.run(["minutes", "show", "1"]).stdout.contains("- RUG godkänner rutinen för utskrivning."))
        #expect(try w.run(["minutes", "verify"]).stdout.contains("0 av 0 justerade"))

        let last = try w.run(["minutes", "approve", "1", "--by", "socialchef  VARBERG"])
        #expect(last.stdout == "Minnesanteckningar #1 är justerade 2025-03-20; besluten fick § 1.\n", "\(last.stderr)")
        let list = try w.run(["minutes", "list"]).stdout
        #expect(list.contains("justerad 2025-03-20 av \(chair) och Socialchef Varberg"), "\(list)")
        let english = try w.run(["minutes", "list", "--lang", "en"]).stdout
        #expect(english.contains("approved 2025-03-20 by \(chair) and Socialchef Varberg"), "\(english)")
        let show = try w.run(["minutes", "show", "1"]).stdout
        #expect(show.contains("#1 · justerad 2025-03-20 av \(chair) och Socialchef Varberg*"))
        #expect(show.contains("- § 1 RUG godkänner rutinen för utskrivning."))
        let verify = try w.run(["minutes", "verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("1 av 1 justerade minnesanteckningar är oförändrade"))
        // The signatures of approved minutes are read-only in the database itself (SQLite's
        // file here; PostgreSQL's triggers have tests of their own).
        let db = try AppDatabase.open(path: try TestDatabase.sqliteFile(of: w.database))
        #expect(
            try db.unsafeRawRead("SELECT name, signed_on FROM minutes_signatures ORDER BY position") == [
                [chair, "2025-03-14"], ["Socialchef Varberg", "2025-03-20"],
            ])
        for sql in [
            "INSERT INTO minutes_signatures VALUES (1, 2, 'Kalle Anka', '2025-03-20', 'x')",
            "DELETE FROM minutes_signatures WHERE minutes_id = 1",
            "UPDATE minutes_signatures SET signed_on = '2025-03-15'",
        ] where TestDatabase.isSQLite {
            #expect(throws: (any Error).self) { try db.unsafeRawWrite(sql) }
        }
        let again = try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("justerades redan 2025-03-20"))
    }

    @Test("Unknown names get the closest configured ones; twice, not required, before the meeting or after today are refused")
    func refusals() throws {
        let w = try Workspace()
        try record(w)
        let unknown = try w.run(["minutes", "approve", "1", "--by", "Socialchef Varbrg"])
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr.contains(
                "\"Socialchef Varbrg\" är ingen person som är konfigurerad för Regional utvecklingsgrupp för god och nära vård (RUG) (menade du \"Socialchef Varberg\""
            ),
            "\(unknown.stderr)")
        let english = try w.run(["minutes", "approve", "1", "--by", "Kalle Anka", "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.stderr.contains("\"Kalle Anka\" is not a person configured for"), "\(english.stderr)")
        let notRequired = try w.run(["minutes", "approve", "1", "--by", "socialchef-halmstad"])
        #expect(notRequired.status == 1)
        #expect(
            notRequired.stderr.contains(
                "Socialchef Halmstad ska inte justera minnesanteckningar #1; de justeras av Biträdande hälso- och sjukvårdsdirektör, Socialchef Varberg"
            ),
            "\(notRequired.stderr)")
        let before = try w.run(["minutes", "approve", "1", "--by", "socialchef-varberg", "--date", "2025-03-12"])
        #expect(before.status == 1)
        #expect(before.stderr.contains("kan inte justeras 2025-03-12, före mötet 2025-03-13"), "\(before.stderr)")
        let future = try w.run(["minutes", "approve", "1", "--by", "socialchef-varberg", "--date", "2025-03-21"])
        #expect(future.status == 1)
        #expect(future.stderr.contains("som är efter i dag (2025-03-20)"), "\(future.stderr)")
        #expect(try w.run(["minutes", "approve", "1", "--by", "socialchef-varberg"]).status == 0)
        let twice = try w.run(["minutes", "approve", "1", "--by", "Socialchef Varberg"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("Socialchef Varberg har redan justerat minnesanteckningar #1 (2025-03-20)"), "\(twice.stderr)")
        // Nothing refused was recorded.
        let rows = try AppDatabase.open(path: try TestDatabase.sqliteFile(of: w.database)).unsafeRawRead(
            "SELECT name FROM minutes_signatures")
        #expect(rows == [["Socialchef Varberg"]])
        #expect(try w.run(["minutes", "list"]).stdout.contains("väntar på Biträdande hälso- och sjukvårdsdirektör"))
    }

    @Test(
        "The draft's chair and justerare must be people configured for the structure; unknown names get the closest, ids the configured name"
    )
    func draftSignatories() throws {
        let w = try Workspace()
        let draft = try w.filledDraft().replacingOccurrences(of: "Justerare: \n", with: "Justerare: Socialchef Varbreg, Kalle Anka\n")
        let refused = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(draft, "bad.md")])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "\"Socialchef Varbreg\" är ingen person som är konfigurerad för strukturen (menade du \"Socialchef Varberg\"?)"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("\"Kalle Anka\" är ingen person som är konfigurerad för strukturen; ordföranden"))
        try record(w, approvers: "socialchef-varberg, SOCIALCHEF LAHOLM")
        let shown = try w.run(["minutes", "show", "1"]).stdout
        #expect(shown.contains("Justerare: Socialchef Varberg, Socialchef Laholm\n"), "\(shown)")
    }

    @Test("minutes pending lists structure, meeting date, days since the meeting, who signed and who is missing; --overdue past 14 days")
    func pending() throws {
        let w = try Workspace()
        try record(w, date: "2025-02-13", approvers: "Socialchef Varberg, socialchef-laholm")
        try record(w, date: "2025-03-13")
        #expect(try w.run(["minutes", "approve", "2", "--by", "Socialchef Varberg", "--date", "2025-03-14"]).status == 0)
        let all = try w.run(["minutes", "pending"])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(all.stdout)")
        #expect(lines[0].hasPrefix("Nr"))
        #expect(lines[0].contains("Väntat"))
        #expect(lines[2].contains("#1"))
        #expect(lines[2].contains("2025-02-13"))
        #expect(lines[2].contains("35 dagar (mer än 14)"))
        #expect(lines[2].contains("ingen"))
        #expect(lines[2].contains("Biträdande hälso- och sjukvårdsdirektör, Socialchef Varberg och Socialchef Laholm"))
        #expect(lines[3].contains("#2"))
        #expect(lines[3].contains("Regional utvecklingsgrupp för god och nära vård (RUG)"))
        #expect(lines[3].contains("7 dagar"))
        #expect(lines[3].contains("Socialchef Varberg 2025-03-14"))
        let overdue = try w.run(["minutes", "pending", "--overdue"]).stdout
        #expect(overdue.contains("#1") && !overdue.contains("#2"), "\(overdue)")
        let json = try w.run(["minutes", "pending", "--format", "json", "--structure", "rug"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? Int } == [1, 2])
        #expect(rows.map { $0["days"] as? Int } == [35, 7])
        #expect(rows.map { $0["overdue"] as? Bool } == [true, false])
        #expect(rows[1]["missing"] as? [String] == ["Biträdande hälso- och sjukvårdsdirektör"])
        #expect((rows[1]["signed"] as? [[String: Any]])?.first?["name"] as? String == "Socialchef Varberg")
        let english = try w.run(["minutes", "pending", "--lang", "en"]).stdout
        #expect(english.contains("35 days (more than 14)"), "\(english)")
        #expect(
            try w.run(["minutes", "pending", "--structure", "enskild-vc-halmstad-norr"]).stdout
                == "Inga minnesanteckningar väntar på justering.\n")
        #expect(try w.run(["minutes", "pending", "--structure", "rugg"]).status == 1)
        // Approved minutes leave the list.
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor"]).status == 0)
        #expect(!(try w.run(["minutes", "pending"]).stdout.contains("#2")))
    }
}
