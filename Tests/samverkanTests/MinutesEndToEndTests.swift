import Foundation
import SamverkanTestSupport
import Testing

/// Recording minutes with the built binary, as a secretary would: editor, files, approval, reading.
@Suite("minutes end to end", .serialized)
struct MinutesEndToEndTests {
    /// A throwaway folder with a database and the environment every run uses.
    struct Workspace {
        let folder: TemporaryFolder
        var database: String { TestDatabase.path(in: folder, name: "db/samverkan.sqlite") }
        /// Where kept drafts go: next to the database file, or in the user's data folder (this
        /// workspace's `xdg/`) when the database is PostgreSQL.
        var drafts: URL { TestDatabase.draftsFolder(in: folder, name: "db/samverkan.sqlite") }

        init() throws {
            folder = try TemporaryFolder("minutes")
        }

        /// The environment of every run: the Halland configuration, this database, a fixed today, no editor.
        func environment(today: String = "2025-03-20", database: String? = nil) -> [String: String] {
            [
                "SAMVERKAN_CONFIG": "Config/halland.yaml", "SAMVERKAN_DATABASE": database ?? self.database, "SAMVERKAN_TODAY": today,
                "VISUAL": "", "EDITOR": "", "XDG_DATA_HOME": TestDatabase.dataHome(in: folder),
            ]
        }

        func run(_ arguments: [String], today: String = "2025-03-20", editor: String? = nil, stdin: String? = nil) throws
            -> CLIRunner.Result
        {
            var environment = self.environment(today: today)
            if let editor { environment["EDITOR"] = editor }
            return try CLIRunner.run(arguments, environment: environment, stdin: stdin)
        }

        /// A shell script used as `$EDITOR`: `$1` is the draft.
        func editor(_ name: String, _ body: String) throws -> String {
            try folder.writeScript("#!/bin/sh\nset -e\nf=\"$1\"\n" + body + "\n", to: name)
        }

        /// The empty draft for a RUG meeting, filled in: Halmstad present, one decision, one action item.
        func filledDraft(date: String = "2025-03-13", extra: String = "") throws -> String {
            let template = try run(["minutes", "template", "--structure", "rug", "--date", date])
            #expect(template.status == 0, "\(template.stderr)")
            return template.stdout
                .replacingOccurrences(of: "- [ ] Socialchef Halmstad", with: "- [x] Socialchef Halmstad")
                .replacingOccurrences(
                    of: "- [ ] Uppföljning av den gemensamma planen 2025",
                    with: "- [x] Uppföljning av den gemensamma planen 2025\n  Planen följs enligt tidplan."
                )
                .replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- RUG godkänner rutinen för utskrivning.\n")
                + "- Sprida rutinen till vårdcentralerna | ansvarig: socialchef-halmstad | klart: 2025-04-30\n" + extra
        }

        func write(_ text: String, _ name: String) throws -> String {
            try folder.write(text, to: name)
        }
    }

    @Test("minutes new opens $EDITOR on the draft of the latest meeting without minutes and saves what was written")
    func editorFlow() throws {
        let w = try Workspace()
        let editor = try w.editor(
            "fill.sh",
            """
            sed -i -e 's/^- \\[ \\] Socialchef Laholm/- [x] Socialchef Laholm/' \\
                   -e 's/^- \\[ \\] Biträdande sjukhuschef (Biträdande sjukhuschef)/- [ ] Biträdande sjukhuschef (Biträdande sjukhuschef) | ersättare: Eva Ek/' \\
                   -e 's/^- \\[ \\] Avvikelser/- [x] Avvikelser/' "$f"
            printf '%s\\n' '- Ta fram gemensam rutin för hemgång | ansvarig: Varbergs kommun | klart: 2025-05-31' >> "$f"
            """)
        let result = try w.run(["minutes", "new", "--structure", "rug"], editor: editor)
        #expect(result.status == 0, "\(result.stderr)")
        // The second Thursday of March 2025 is the 13th: the latest RUG meeting up to 2025-03-20.
        #expect(result.stdout.contains("Sparade minnesanteckningar #1 för rug 2025-03-13."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.drafts.path).isEmpty)
        let show = try w.run(["minutes", "show", "1"])
        #expect(show.stdout.contains("- [x] Socialchef Laholm (Socialchef)"))
        #expect(show.stdout.contains("| ersättare: Eva Ek"))
        #expect(show.stdout.contains("#1 Ta fram gemensam rutin för hemgång | ansvarig: varberg | klart: 2025-05-31"))
        #expect(show.stdout.contains("ej justerad"))
        // The next meeting (2025-04-10) brings the action item back, in English too.
        let next = try w.run(["minutes", "template", "--structure", "rug", "--lang", "en"], today: "2025-04-11")
        #expect(next.stdout.contains("Date: 2025-04-10"))
        #expect(
            next.stdout.contains(
                "- #1 Ta fram gemensam rutin för hemgång (responsible: Varbergs kommun, due: 2025-05-31, decided 2025-03-13) | status: not started"
            ))
        #expect(next.stdout.contains("- [ ] The minutes of 2025-03-13 (#1) were approved and filed"))
    }

    @Test("A draft with mistakes prints LINE: message, keeps every typed word, and the next run continues with it")
    func editorMistakes() throws {
        let w = try Workspace()
        let typo = try w.editor(
            "typo.sh",
            """
            sed -i 's/^- \\[ \\] Socialchef Halmstad/- [x] Socialchef Halmstadd/' "$f"
            printf '%s\\n' '- Viktig åtgärd som inte får försvinna | ansvarig: socialchef-halmstad' >> "$f"
            """)
        let first = try w.run(["minutes", "new", "--structure", "rug"], editor: typo)
        #expect(first.status == 1)
        let lines = first.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.range(of: #"^\d+: "Socialchef Halmstadd" finns inte bland deltagarna"#, options: .regularExpression) != nil
            }, "\(first.stderr)")
        #expect(lines.contains { $0.range(of: #"^\d+: klart-datum saknas"#, options: .regularExpression) != nil })
        #expect(!first.stderr.contains("Fatal error"))
        let kept = w.drafts.appendingPathComponent("rug-2025-03-13.md")
        #expect(first.stderr.contains("Utkastet är sparat, inget har gått förlorat: \(kept.path)"))
        let text = try String(contentsOf: kept, encoding: .utf8)
        #expect(text.contains("Viktig åtgärd som inte får försvinna"))
        // The line number points at the line in the kept draft.
        let number = Int(lines.first { $0.contains("Halmstadd") }!.prefix { $0.isNumber })!
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[number - 1].contains("Socialchef Halmstadd"))
        #expect(try w.run(["minutes", "list"]).stdout.split(separator: "\n").count == 2)
        // Run again: the kept draft opens, the fix is made, nothing typed is lost.
        let fix = try w.editor(
            "fix.sh",
            """
            sed -i -e 's/Halmstadd/Halmstad/' -e 's/| ansvarig: socialchef-halmstad$/| ansvarig: socialchef-halmstad | klart: 2025-04-30/' "$f"
            """)
        let second = try w.run(["minutes", "new", "--structure", "rug"], editor: fix)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("Fortsätter med ditt sparade utkast"))
        #expect(try w.run(["actions", "--open"]).stdout.contains("Viktig åtgärd som inte får försvinna"))
        #expect(!FileManager.default.fileExists(atPath: kept.path))
    }

    @Test(
        "Bad drafts from --file are refused with LINE: message and nothing is stored",
        arguments: [
            ("Datum: 2025-03-13", "Datum:", #"^\d+: datum saknas"#),
            ("- [x] Socialchef Halmstad (Socialchef)", "- [x] Socialchef Halmsta (Socialchef)", #"^\d+: "Socialchef Halmsta" finns inte"#),
            ("| ansvarig: socialchef-halmstad | klart: 2025-04-30", "ansvarig socialchef-halmstad 2025-04-30", #"^\d+: ansvarig saknas"#),
        ])
    func badDrafts(original: String, replacement: String, pattern: String) throws {
        let w = try Workspace()
        let draft = try w.filledDraft()
        #expect(draft.contains(original))
        let path = try w.write(draft.replacingOccurrences(of: original, with: replacement), "bad.md")
        let result = try w.run(["minutes", "new", "--structure", "rug", "--date", "2025-03-13", "--file", path])
        #expect(result.status == 1)
        #expect(
            result.stderr.split(separator: "\n").contains { $0.range(of: pattern, options: .regularExpression) != nil }, "\(result.stderr)")
        #expect(result.stderr.contains("Din fil är oförändrad, inget har gått förlorat: \(path)"))
        #expect(try w.run(["minutes", "list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
    }

    @Test("A personal identity number is refused by line, never echoed; the draft from stdin is kept")
    func privacy() throws {
        let w = try Workspace()
        let draft = try w.filledDraft(extra: "\n## Övriga punkter\n### Ärende\nGäller patient 19811218-9876 i Halmstad.\n")
        let result = try w.run(["minutes", "new", "--structure", "rug", "--file", "-"], stdin: draft)
        #expect(result.status == 1)
        let line = draft.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("9876") }! + 1
        #expect(result.stderr.contains("\(line): texten ser ut att innehålla ett personnummer eller samordningsnummer"))
        #expect(!result.stderr.contains("9876"))
        let kept = w.drafts.appendingPathComponent("rug-2025-03-13.md")
        #expect(try String(contentsOf: kept, encoding: .utf8) == draft)
        #expect(result.stderr.contains(kept.path))
        // A coordination number with the wrong check digit is no identity number.
        let fine = try w.run(
            ["minutes", "new", "--structure", "rug", "--file", "-"],
            stdin: try w.filledDraft(extra: "\n## Övriga punkter\n### Ärende\nDiarienummer 701063-2392.\n"))
        #expect(fine.status == 0, "\(fine.stderr)")
        let cancel = try w.run(["minutes", "cancel", "--structure", "rug", "--date", "2025-04-10", "--reason", "Gäller 811218-9876"])
        #expect(cancel.status == 1)
        #expect(!cancel.stderr.contains("9876"))
    }

    @Test("A date that is no planned meeting needs --extra; approval numbers decisions and makes the minutes read-only")
    func extraApproveAmend() throws {
        let w = try Workspace()
        let path = try w.write(try w.filledDraft(date: "2025-03-14"), "extra.md")
        let refused = try w.run(["minutes", "new", "--structure", "rug", "--file", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Fel: 2025-03-14 är inget planerat möte för rug; lägg till --extra"), "\(refused.stderr)")
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", path, "--extra"]).status == 0)
        // The chair and the justerare named in the minutes sign (`JusteringEndToEndTests` signs one by one).
        let named = try w.filledDraft().replacingOccurrences(of: "Justerare: \n", with: "Justerare: Socialchef Varberg\n")
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(named, "a.md")]).status == 0)
        let list = try w.run(["minutes", "list"]).stdout
        #expect(list.contains("2025-03-14  rug       ej justerad, extra möte"), "\(list)")
        let approve = try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor", "--by", "Socialchef Varberg"])
        #expect(approve.stdout == "Minnesanteckningar #2 är justerade 2025-03-20; besluten fick § 1.\n", "\(approve.stderr)")
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"]).stdout.contains("§ 2"))
        let again = try w.run(["minutes", "approve", "2", "--by", "x"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("amend 2"))
        // The correction: a new record linked to the original, shown with it.
        let editor = try w.editor(
            "amend.sh", "sed -i 's/RUG godkänner rutinen för utskrivning./RUG godkänner rutinen för utskrivning och hemgång./' \"$f\"")
        let amend = try w.run(["minutes", "amend", "2"], editor: editor)
        #expect(amend.status == 0, "\(amend.stderr)")
        let show = try w.run(["minutes", "show", "2"]).stdout
        #expect(
            show.contains("#2 · justerad 2025-03-20 av Biträdande hälso- och sjukvårdsdirektör och Socialchef Varberg · rättad genom #3"))
        #expect(show.contains("- § 1 RUG godkänner rutinen för utskrivning.\n"))
        #expect(show.contains("#3 · rättelse av #2 · ej justerad"))
        #expect(show.contains("- § 1 RUG godkänner rutinen för utskrivning och hemgång."))
        // What the correction did to the numbered decision is said under its status line.
        #expect(show.contains("§ 1 ändrad (text)"), "\(show)")
        let html = try w.run(["minutes", "show", "2", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<li>§ 1 RUG godkänner rutinen för utskrivning.</li>"))
        #expect(html.contains("@media print"))
        let verify = try w.run(["minutes", "verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("2 av 2 justerade minnesanteckningar är oförändrade"))
    }

    @Test("export → import into an empty database → export gives the same bytes; search finds Swedish words")
    func exportImport() throws {
        let w = try Workspace()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"]).status == 0)
        #expect(try w.run(["minutes", "cancel", "--structure", "rug", "--date", "2025-04-10", "--reason", "Påsklov"]).status == 0)
        let export = try w.run(["minutes", "export", "--format", "json"])
        #expect(export.status == 0)
        let file = try w.write(export.stdout, "export.json")
        let other = TestDatabase.path(in: w.folder, name: "other.sqlite")
        let imported = try CLIRunner.run(
            ["minutes", "import", file, "--database", other], environment: ["SAMVERKAN_CONFIG": "Config/halland.yaml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try CLIRunner.run(
            ["minutes", "export", "--format", "json", "--database", other], environment: ["SAMVERKAN_CONFIG": "Config/halland.yaml"])
        #expect(again.stdout == export.stdout)
        let search = try w.run(["minutes", "search", "utskrivning"])
        #expect(search.stdout.hasPrefix("#1  2025-03-13  rug  "))
        #expect(search.stdout.contains("[utskrivning]"))
    }

    /// A draft whose empty `Ordförande:` names the first person present (a structure with no
    /// configured chair must name who chaired, or a justerare).
    static func namingChair(_ draft: String) -> String {
        var lines = draft.components(separatedBy: "\n")
        guard let chair = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Ordförande:" }),
            let present = lines.first(where: { $0.hasPrefix("- [x] ") }),
            let name = present.dropFirst(6).components(separatedBy: " (").first?.components(separatedBy: " |").first
        else { return draft }
        lines[chair] = "Ordförande: " + name
        return lines.joined(separator: "\n")
    }

    @Test("Two processes recording minutes for different structures at the same time both succeed")
    func concurrent() throws {
        let w = try Workspace()
        var drafts: [(structure: String, path: String)] = []
        for structure in ["grupp-halmstad", "grupp-varberg"] {
            let template = try w.run(["minutes", "template", "--structure", structure, "--date", "2025-02-11"])
            #expect(template.status == 0, "\(template.stderr)")
            var draft = Self.namingChair(template.stdout.replacingOccurrences(of: "- [ ] ", with: "- [x] "))
            draft +=
                (0..<300).map { "- Åtgärd \($0) | ansvarig: \(structure == "grupp-halmstad" ? "halmstad" : "varberg") | klart: 2025-06-30" }
                .joined(separator: "\n") + "\n"
            drafts.append((structure, try w.write(draft, "\(structure).md")))
        }
        let processes = try drafts.map { structure, path in
            try CLIRunner.start(["minutes", "new", "--structure", structure, "--file", path], environment: w.environment())
        }
        let results = try processes.map { try $0.wait() }
        #expect(results.map(\.status) == [0, 0], "\(results.map(\.stderr))")
        let list = try w.run(["minutes", "list"]).stdout
        #expect(list.contains("grupp-halmstad") && list.contains("grupp-varberg"))
        #expect(try w.run(["actions", "--structure", "grupp-varberg"]).stdout.split(separator: "\n").count == 302)
    }
}
