import Foundation
import SamverkanTestSupport
import Testing

/// Who did what, with the built binary: `--as` (and `SAMVERKAN_AS`) checked against the
/// configuration, one audit row a write, and `minutes show --history`.
@Suite("audit log end to end", .serialized)
struct AuditEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// The raw audit table of the workspace's database, one line a row, read with Python's sqlite3.
    static func rawRows(_ w: Workspace) throws -> [String] {
        let program = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            for row in c.execute("SELECT at, actor_database_user, actor_person, action, target, detail FROM audit_log ORDER BY id"):
                print("|".join("" if v is None else str(v) for v in row))
            """
        let result = try CLIRunner.runPython(program, [try TestDatabase.sqliteFile(of: w.database)])
        #expect(result.status == 0, "\(result.stderr)")
        // A PostgreSQL database is read through a copy, which logs itself last.
        return result.stdout.split(separator: "\n").map(String.init).filter { !$0.contains("|db.copied|database|") }
    }

    @Test("new --as, approve --by with --as an e-mail, amend with SAMVERKAN_AS: show --history lists them in order, by name")
    func history() throws {
        let w = try Workspace()
        let saved = try w.run([
            "minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md"), "--as", "samordnare-rug",
        ])
        #expect(saved.status == 0, "\(saved.stderr)")
        let approved = try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--as", "Bitr.HS-direktor@regionhalland.example"])
        #expect(approved.status == 0, "\(approved.stderr)")
        let editor = try w.editor(
            "amend.sh", "sed -i 's/^- #1 Sprida rutinen till vårdcentralerna |/- #1 Sprida rutinen till alla vårdcentraler |/' \"$f\"")
        var environment = w.environment(today: "2025-03-20")
        environment["EDITOR"] = editor
        environment["SAMVERKAN_AS"] = "socialchef varberg"
        let amended = try CLIRunner.run(["minutes", "amend", "1"], environment: environment)
        #expect(amended.status == 0, "\(amended.stdout)\(amended.stderr)")

        let shown = try w.run(["minutes", "show", "2", "--history"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Historik för minnesanteckningar #1 och #2 (tid i svensk tid)", "\(shown.stdout)")
        #expect(lines.count == 4, "\(shown.stdout)")
        #expect(lines[1].hasSuffix("#1  sparade – Samordnare god och nära vård"), "\(shown.stdout)")
        #expect(
            lines[2].hasSuffix("#1  justerade (underskrifter: 1); nu helt justerade – Biträdande hälso- och sjukvårdsdirektör"),
            "\(shown.stdout)")
        #expect(lines[3].hasSuffix("#2  sparade som rättelse av #1 – Socialchef Varberg"), "\(shown.stdout)")
        #expect(lines[1].range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}  #1"#, options: .regularExpression) != nil, "\(lines[1])")

        let english = try w.run(["minutes", "show", "1", "--history", "--lang", "en"])
        #expect(english.stdout.contains("#2  saved as a correction of #1 – Socialchef Varberg"), "\(english.stdout)")
        let json = try w.run(["minutes", "show", "1", "--history", "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let entries = try #require(decoded?["entries"] as? [[String: Any]], "\(json.stdout)")
        #expect(entries.map { $0["action"] as? String } == ["minutes.saved", "minutes.approved", "minutes.amended"])
        #expect(entries.map { $0["person"] as? String } == ["samordnare-rug", "bitr-hs-direktor", "socialchef-varberg"])
        #expect(decoded?["minutes"] as? [Int] == [1, 2])
        #expect(try w.run(["minutes", "show", "1", "--history", "--format", "html"]).status == 64)

        // The raw table: who and what, never the minutes' text or a name from them.
        let rows = try Self.rawRows(w)
        #expect(rows.count == 3, "\(rows)")
        #expect(
            rows.map { $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "|") } == [
                "samordnare-rug|minutes.saved|minutes/1|", "bitr-hs-direktor|minutes.approved|minutes/1|signatures=1",
                "socialchef-varberg|minutes.amended|minutes/2|amends=1",
            ])
        let raw = rows.joined(separator: "\n")
        for text in ["rutin", "Planen", "vårdcentral", "Socialchef Halmstad", "Regionens", "Biträdande"] {
            #expect(!raw.contains(text), "\(text) in \(raw)")
        }
    }

    @Test("--as someone not configured is refused with the closest names (exit 64), writing nothing; an identity number is never echoed")
    func unknownPerson() throws {
        let w = try Workspace()
        let draft = try w.write(try w.filledDraft(), "a.md")
        let misspelt = try w.run(["minutes", "new", "--structure", "rug", "--file", draft, "--as", "socialchef-varbreg"])
        #expect(misspelt.status == 64, "\(misspelt.stdout)\(misspelt.stderr)")
        #expect(
            misspelt.stderr.contains("\"socialchef-varbreg\" är ingen konfigurerad person (menade du \"Socialchef Varberg\""),
            "\(misspelt.stderr)")
        let english = try w.run(["minutes", "new", "--structure", "rug", "--file", draft, "--as", "Nobody At All Here", "--lang", "en"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("\"Nobody At All Here\" is not a configured person"), "\(english.stderr)")
        // The message alone: no usage line of the root command (`<subcommand>`) after it.
        #expect(!misspelt.stderr.contains("<subcommand>") && !english.stderr.contains("Usage:"), "\(misspelt.stderr)")
        let number = try w.run(["minutes", "new", "--structure", "rug", "--file", draft, "--as", "19121212-1212"])
        #expect(number.status != 0)
        #expect(!number.stderr.contains("19121212") && number.stderr.contains("--as"), "\(number.stderr)")
        #expect(try w.run(["minutes", "list"]).stdout.contains("#1") == false)

        let plain = try w.run(["minutes", "new", "--structure", "rug", "--file", draft])
        #expect(plain.status == 0, "\(plain.stderr)")
        let rows = try Self.rawRows(w)
        #expect(rows.count == 1)
        let fields = rows[0].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        // Without --as: the user running samverkan, no person.
        #expect(fields[1] == TestDatabase.databaseUser && fields[2] == "" && fields[3] == "minutes.saved", "\(rows)")
        #expect(fields[0].hasSuffix("Z"), "\(rows)")
        #expect(!rows[0].contains("19121212"))

        // db copy checks --as the same way, before anything is copied.
        let target = w.folder.path("copy/samverkan.sqlite")
        let copy = try w.run(["db", "copy", "--from", w.database, "--to", target, "--as", "samordnare-rgu"])
        #expect(copy.status == 64 && copy.stderr.contains("menade du \"Samordnare god och nära vård\""), "\(copy.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("minutes saved before the audit log say so in --history", .enabled(if: TestDatabase.isSQLite, "empties an SQLite file's log"))
    func beforeTheLog() throws {
        let w = try Workspace()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        // As an upgraded v11 database: the minutes are there, the log is empty.
        let emptied = try CLIRunner.runPython(
            """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.executescript("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;")
            """, [w.database])
        #expect(emptied.status == 0, "\(emptied.stderr)")
        let shown = try w.run(["minutes", "show", "1", "--history"])
        #expect(shown.stdout.contains("#1: sparades före granskningsloggen"), "\(shown.stdout)\(shown.stderr)")
        #expect(shown.stdout.contains("Inget i granskningsloggen."))
        let english = try w.run(["minutes", "show", "1", "--history", "--lang", "en"])
        #expect(english.stdout.contains("#1: saved before the audit log"), "\(english.stdout)")
    }
}
