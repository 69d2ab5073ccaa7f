import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// `samverkan db status | migrate | copy` against a real PostgreSQL cluster of the tests' own.
@Suite("samverkan db")
struct DbCommandTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// Runs `samverkan` with an environment (the Halland configuration, a fixed today).
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(
            arguments,
            environment: ["SAMVERKAN_CONFIG": "Config/halland.yaml", "SAMVERKAN_TODAY": "2025-04-11"].merging(environment) { $1 })
    }

    /// Every row of every table of an SQLite file (FTS shadow and migration tables aside), as text, with Python's sqlite3.
    func dump(_ path: String) throws -> String {
        let program = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            names = [r[0] for r in c.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")]
            for n in names:
                cols = "rowid, *" if n == "minutes_search" else "*"
                for row in sorted(repr(r) for r in c.execute(f'SELECT {cols} FROM "{n}"')):
                    print(n, row)
            """
        let result = try CLIRunner.runPython(program, [path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// A dump without the audit rows of copies (`db.copied`), which each copy adds on its target.
    static func withoutCopies(_ dump: String) -> String {
        dump.split(separator: "\n").filter { !($0.hasPrefix("audit_log ") && $0.contains("'db.copied'")) }.joined(separator: "\n")
    }

    /// Four RUG minutes in the workspace's SQLite file: #1 and #2 approved, #3 partly signed (the
    /// chair has signed, Socialchef Varberg not yet), #4 an approved correction of #1 that changes
    /// an action item's text and keeps its number (`continues_id`).
    func record(_ w: Workspace) throws {
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let second = try w.filledDraft(
            date: "2025-04-10", extra: "- Följa upp väntetider med åäö | ansvarig: socialchef-halmstad | klart: 2025-06-30\n")
        #expect(
            try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(second, "b.md")], today: "2025-04-11").status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        let third = try w.filledDraft(date: "2025-05-08").replacingOccurrences(
            of: #"(?m)^Justerare:.*$"#, with: "Justerare: Socialchef Varberg", options: .regularExpression)
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(third, "c.md")], today: "2025-05-09").status == 0)
        let signed = try w.run(["minutes", "approve", "3", "--by", "bitr-hs-direktor"], today: "2025-05-09")
        #expect(signed.status == 0 && signed.stdout.contains("de väntar på Socialchef Varberg"), "\(signed.stdout)\(signed.stderr)")
        let editor = try w.editor(
            "amend.sh", "sed -i 's/^- #1 Sprida rutinen till vårdcentralerna |/- #1 Sprida rutinen till alla vårdcentraler |/' \"$f\"")
        let amend = try w.run(["minutes", "amend", "1"], today: "2025-05-09", editor: editor)
        #expect(amend.status == 0 && amend.stdout.contains("Sparade minnesanteckningar #4"), "\(amend.stdout)\(amend.stderr)")
        #expect(try w.run(["minutes", "approve", "4", "--by", "bitr-hs-direktor"], today: "2025-05-09").status == 0)
    }

    @Test("copy SQLite → PostgreSQL → SQLite keeps every row: same export bytes, verify passes, status counts agree")
    func roundTrip() throws {
        let w = try Workspace()
        try record(w)
        // A coordinator's decision, with who decided, travels as the minutes do.
        let move = [
            "meeting", "move", "--structure", "rug", "--date", "2025-06-12", "--to", "2025-06-11T13:00", "--reason", "Lokalen upptagen",
            "--by", "samordnare-rug",
        ]
        #expect(try w.run(move, today: "2025-05-09").status == 0)
        let cluster = try PostgresCluster.shared()
        let name = try cluster.createDatabase("roundtrip")
        let url = cluster.url(name)

        let migrated = try run(["db", "migrate", "--database", url])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stdout.contains("v8-feeds") && migrated.stdout.contains("v11-organisation-attendance"))
        // The schema version counts the shared schema, as `db status` does (not PostgreSQL's own v13-pg-…).
        let version = "version \(AppDatabase.sharedSchema(AppDatabase.migrationNames).count)"
        #expect(migrated.stdout.contains("schemat är på \(version)"), "\(migrated.stdout)")
        #expect(try run(["db", "migrate", "--database", url]).stdout.contains("redan aktuellt (\(version))"))
        #expect(!migrated.stdout.contains(cluster.password))
        let copied = try run(["db", "copy", "--from", w.database, "--to", url, "--as", "samordnare-rug"])
        #expect(copied.status == 0, "\(copied.stderr)")
        // The copy's own audit row, by PostgreSQL's role and the person given.
        #expect(
            try cluster.psql(
                "SELECT actor_person, detail, actor_database_user FROM audit_log WHERE action = 'db.copied'", database: name)
                == "samordnare-rug|from=SQLite|\(cluster.role)")
        #expect(copied.stdout.contains("Kopierade"), "\(copied.stdout)")

        let sqliteStatus = try run(["db", "status", "--database", w.database])
        let postgresStatus = try run(["db", "status"], environment: ["SAMVERKAN_DATABASE": url])
        #expect(postgresStatus.status == 0, "\(postgresStatus.stderr)")
        #expect(postgresStatus.stdout.contains("Motor: PostgreSQL"))
        #expect(postgresStatus.stdout.contains("Minnesanteckningar: 4 (justerade: 3)"), "\(postgresStatus.stdout)")
        #expect(sqliteStatus.stdout.contains("Motor: SQLite"))
        let counts = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("Minnesanteckningar") || $0.hasPrefix("Åtgärder") || $0.hasPrefix("Möten") }
        }
        #expect(counts(sqliteStatus.stdout) == counts(postgresStatus.stdout))
        #expect(counts(postgresStatus.stdout).count == 3)

        let again = try run(["db", "copy", "--from", w.database, "--to", url])
        #expect(again.status == 1)
        #expect(again.stderr.contains("innehåller redan data"), "\(again.stderr)")

        let back = w.folder.path("back/samverkan.sqlite")
        let returned = try run(["db", "copy", "--from", url, "--to", back, "--lang", "en"])
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(returned.stdout.contains("Copied"))
        let original = try w.run(["minutes", "export"])
        let copy = try run(["minutes", "export"], environment: ["SAMVERKAN_DATABASE": back])
        #expect(original.status == 0 && copy.status == 0)
        #expect(!original.stdout.isEmpty && original.stdout == copy.stdout)
        let verified = try run(["minutes", "verify"], environment: ["SAMVERKAN_DATABASE": back])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let dumped = try dump(w.database)
        #expect(Self.withoutCopies(try dump(back)) == Self.withoutCopies(dumped))
        // Every audit row came along; each copy added its own `db.copied` row on its target.
        #expect(dumped.contains("'minutes.amended', 'minutes/4', 'amends=1')"), "\(dumped)")
        #expect(dumped.components(separatedBy: "\naudit_log ").count - 1 == 9, "\(dumped)")
        #expect(dumped.contains("'meeting.moved'"), "\(dumped)")
        let copies = try dump(back).split(separator: "\n").filter { $0.hasPrefix("audit_log ") && $0.contains("'db.copied'") }
        #expect(copies.count == 2, "\(copies)")
        #expect(copies.contains { $0.contains("'samordnare-rug', 'db.copied', 'database', 'from=SQLite'") }, "\(copies)")
        #expect(copies.contains { $0.contains("None, 'db.copied', 'database', 'from=PostgreSQL'") }, "\(copies)")
        // The copy carries what the new features wrote: the chain, the kept number, the signature.
        #expect(dumped.contains("minutes_chain (1, 1, 1)") && dumped.contains("minutes_chain (4, 1, 0)"), "\(dumped)")
        #expect(dumped.contains("minutes_signatures (3, 0, 'Biträdande hälso- och sjukvårdsdirektör', '2025-05-09'"), "\(dumped)")
        #expect(
            dumped.contains("'rug', '2025-06-12', 'move', '2025-06-11T13:00', 'Lokalen upptagen', 'Samordnare god och nära vård'"),
            "\(dumped)")
        #expect(dumped.contains("'Sprida rutinen till alla vårdcentraler', 'person', 'socialchef-halmstad', '2025-04-30', 1)"), "\(dumped)")
        let pending = try run(["minutes", "pending"], environment: ["SAMVERKAN_DATABASE": back])
        #expect(pending.stdout.contains("Socialchef Varberg"), "\(pending.stdout)")

        // The justering of #3 completed in the file, copied over the PostgreSQL database with --replace. in the file, copied over the PostgreSQL database with --replace.
        #expect(try w.run(["minutes", "approve", "3", "--by", "socialchef-varberg"], today: "2025-05-09").status == 0)
        #expect(try run(["db", "copy", "--from", w.database, "--to", url, "--replace"]).status == 0)
        #expect(try run(["db", "status", "--database", url]).stdout.contains("Minnesanteckningar: 4 (justerade: 4)"))
        let replaced = w.folder.path("back/replaced.sqlite")
        #expect(try run(["db", "copy", "--from", url, "--to", replaced]).status == 0)
        #expect(Self.withoutCopies(try dump(replaced)) == Self.withoutCopies(try dump(w.database)))
    }

    @Test("an organisation marked present without a person comes back from PostgreSQL unchanged, with who came")
    func organisationAttendanceRoundTrip() throws {
        typealias Organisations = OrganisationAttendanceEndToEndTests
        let w = try Organisations.Workspace()
        let text = try w.draft(
            "lsg-patientsakerhet", "2025-03-12",
            [Organisations.chairPresent, (Organisations.bergLine, "- [x] Kommunal hälso- och sjukvård Berg | deltagare: Eva Berg")])
        let saved = try w.record("lsg-patientsakerhet", "2025-03-12", text, name: "lsg.md")
        #expect(saved.status == 0, "\(saved.stderr)")
        let cluster = try PostgresCluster.shared()
        let name = try cluster.createDatabase("organisations")
        let there = try w.run(["db", "copy", "--from", w.database, "--to", cluster.url(name)])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(
            try cluster.psql("SELECT attendee, present FROM minutes_organisation_attendance WHERE attendee <> ''", database: name)
                == "Eva Berg|1")

        let back = w.folder.path("back/samverkan.sqlite")
        let returned = try w.run(["db", "copy", "--from", cluster.url(name), "--to", back])
        #expect(returned.status == 0, "\(returned.stderr)")
        let dumped = try dump(w.database)
        #expect(dumped.contains("minutes_organisation_attendance (1, "), "\(dumped)")
        #expect(Self.withoutCopies(try dump(back)) == Self.withoutCopies(dumped))
        let shown = try w.run(["minutes", "show", "1"], database: back)
        #expect(shown.stdout.contains("- [x] Kommunal hälso- och sjukvård Berg | deltagare: Eva Berg"), "\(shown.stdout)\(shown.stderr)")
    }

    @Test("A typo in the address's scheme is refused by every command: nothing saved, no file or folder of its name")
    func typoInScheme() throws {
        let folder = try TemporaryFolder("db-typo")
        let draft = try MinutesEndToEndTests.Workspace().filledDraft()
        for typo in ["postgress://anna:hemligt@127.0.0.1:5432/samverkan", "postgres:/anna@127.0.0.1/samverkan"] {
            let environment = [
                "SAMVERKAN_CONFIG": CLIRunner.packageRoot.appendingPathComponent("Config/halland.yaml").path,
                "SAMVERKAN_TODAY": "2025-03-20",
                "SAMVERKAN_DATABASE": typo,
            ]
            let saved = try CLIRunner.run(
                ["minutes", "new", "--structure", "rug", "--file", try folder.write(draft, to: "utkast.md")], in: folder.url,
                environment: environment)
            #expect(saved.status == 1, "\(saved.stdout)\(saved.stderr)")
            #expect(saved.stderr.contains("är ingen PostgreSQL-adress som samverkan kan använda"), "\(saved.stderr)")
            #expect(!saved.stderr.contains("hemligt"))
            let listed = try CLIRunner.run(["minutes", "list"], in: folder.url, environment: environment)
            #expect(listed.status == 1, "\(listed.stdout)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["utkast.md"])
        }
    }

    @Test("a wrong password, a newer schema and a PostgreSQL URL given to other commands are clear errors without the password")
    func refusals() throws {
        let cluster = try PostgresCluster.shared()
        let name = try cluster.createDatabase("refusals")
        let wrong = try run(["db", "status", "--database", cluster.url(name, password: "fel-hemligt")])
        #expect(wrong.status == 4)
        #expect(wrong.stderr.contains("Fel: PostgreSQL nekade inloggningen"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("fel-hemligt"))

        #expect(try run(["db", "migrate", "--database", cluster.url(name)]).status == 0)
        try cluster.psql("INSERT INTO samverkan_migrations VALUES ('v99-from-the-future', 99, 'x')", database: name)
        let newer = try run(["db", "migrate", "--database", cluster.url(name), "--lang", "en"])
        #expect(newer.status == 1)
        #expect(newer.stderr.contains("set up by a newer samverkan (migrations v99-from-the-future"), "\(newer.stderr)")
        let status = try run(["db", "status", "--database", cluster.url(name), "--lang", "en"])
        #expect(status.stdout.contains("Newer than this samverkan: v99-from-the-future"), "\(status.stdout)")

        // Every command that reads or writes the store refuses a database of a newer schema the
        // same way, the reports too (they once took the URL for a file not created yet and went
        // on without history), and `serve` before it listens.
        let output = try TemporaryFolder("db-refusals")
        for command in [
            ["minutes", "list"], ["minutes", "pending"], ["actions"], ["report", "compliance"], ["report", "grants"],
            ["report", "actions"], ["schedule"], ["calendar", "export", "--all", "--output", output.path("all.ics")],
            ["feeds", "list"], ["notify", "--dry-run"],
            ["meeting", "cancel", "--structure", "rug", "--date", "2025-05-08", "--reason", "x"],
            ["serve"],
        ] {
            let elsewhere = try run(command, environment: ["SAMVERKAN_DATABASE": cluster.url(name)])
            #expect(elsewhere.status == 1, "\(command)")
            #expect(elsewhere.stderr.contains("är uppsatt av en nyare samverkan"), "\(command): \(elsewhere.stderr)")
            #expect(!elsewhere.stderr.contains(cluster.password) && !elsewhere.stdout.contains(cluster.password), "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path("all.ics")))
    }

    @Test("a source with a table or a column the PostgreSQL schema lacks (a newer SQLite migration) is refused, nothing copied")
    func newerSourceRefused() throws {
        let w = try Workspace()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let cluster = try PostgresCluster.shared()
        let name = try cluster.createDatabase("newer")
        let sqlite = { (sql: String) in
            let result = try CLIRunner.runPython(
                "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.executescript(sys.argv[2])\nc.commit()", [w.database, sql])
            #expect(result.status == 0, "\(result.stderr)")
        }
        try sqlite("ALTER TABLE action_items ADD COLUMN identity TEXT")
        let column = try run(["db", "copy", "--from", w.database, "--to", cluster.url(name), "--lang", "en"])
        #expect(column.status == 1)
        #expect(column.stderr.contains("the column identity of table action_items is missing in"), "\(column.stderr)")
        try sqlite("CREATE TABLE signatures (id INTEGER PRIMARY KEY, minutes_id INTEGER)")
        let table = try run(["db", "copy", "--from", w.database, "--to", cluster.url(name), "--lang", "en"])
        #expect(table.status == 1)
        #expect(table.stderr.contains("the table signatures of the source is missing in"), "\(table.stderr)")
        #expect(try cluster.psql("SELECT count(*) FROM minutes", database: name) == "0")
    }

    @Test("a server that never answers: db status gives up after connect_timeout with a clear message and exit 4, no hang")
    func timeout() throws {
        let silent = try SilentListener()
        let started = Date()
        let result = try run(["db", "status", "--database", "postgres://anna:hemligt@127.0.0.1:\(silent.port)/samverkan?connect_timeout=1"])
        // Measured on the command's own process: one second, and room for a machine busy with builds.
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(result.status == 4)
        #expect(result.stderr.contains("svarade inte inom 1 sekunder"), "\(result.stderr)")
        #expect(!result.stderr.contains("hemligt"))
    }

    @Test("the server stopped mid-command: a clear error and exit 4, nothing half-written, the next command works once it is back")
    func serverStopped() throws {
        let cluster = try PostgresCluster(label: "stopped")
        defer { try? cluster.stop() }
        let name = try cluster.createDatabase("stopped")
        // Another session holds the migration lock, so `db migrate` waits inside its transaction.
        let holder = try cluster.startPsql("SELECT pg_advisory_lock(\(0x5376_6B6E)); SELECT pg_sleep(60)", database: name)
        defer { holder.kill() }
        try waitFor { try cluster.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted", database: name) == "1" }
        let migrate = try CLIRunner.start(["db", "migrate", "--database", cluster.url(name)])
        try waitFor { try cluster.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", database: name) == "1" }
        cluster.stopServer()
        let result = try migrate.wait()
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("anslutningen till"), "\(result.stderr)")
        #expect(!result.stderr.contains(cluster.password))

        try cluster.start()
        let status = try run(["db", "status", "--database", cluster.url(name)])
        #expect(status.stdout.contains("Schema: inget ännu"), "\(status.stdout)\(status.stderr)")
        #expect(try run(["db", "migrate", "--database", cluster.url(name)]).status == 0)
        #expect(try run(["db", "status", "--database", cluster.url(name)]).stdout.contains("Minnesanteckningar: 0"))
    }

    /// Polls `condition` every 50 ms for up to 15 seconds.
    func waitFor(_ condition: () throws -> Bool) throws {
        for _ in 0..<300 {
            if try condition() { return }
            usleep(50_000)
        }
        Issue.record("timed out waiting")
    }
}
