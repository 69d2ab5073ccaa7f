import Foundation
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

    /// Three RUG minutes in the workspace's SQLite file: two approved, one draft.
    func record(_ w: Workspace) throws {
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let second = try w.filledDraft(
            date: "2025-04-10", extra: "- Följa upp väntetider med åäö | ansvarig: socialchef-halmstad | klart: 2025-06-30\n")
        #expect(
            try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(second, "b.md")], today: "2025-04-11").status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        let third = try w.filledDraft(date: "2025-05-08")
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(third, "c.md")], today: "2025-05-09").status == 0)
    }

    @Test("copy SQLite → PostgreSQL → SQLite keeps every row: same export bytes, verify passes, status counts agree")
    func roundTrip() throws {
        let w = try Workspace()
        try record(w)
        let cluster = try PostgresCluster.shared()
        let url = cluster.url(try cluster.createDatabase("roundtrip"))

        let migrated = try run(["db", "migrate", "--database", url])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stdout.contains("v8-feeds"))
        #expect(!migrated.stdout.contains(cluster.password))
        let copied = try run(["db", "copy", "--from", w.database, "--to", url])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("Kopierade"), "\(copied.stdout)")

        let sqliteStatus = try run(["db", "status", "--database", w.database])
        let postgresStatus = try run(["db", "status"], environment: ["SAMVERKAN_DATABASE": url])
        #expect(postgresStatus.status == 0, "\(postgresStatus.stderr)")
        #expect(postgresStatus.stdout.contains("Motor: PostgreSQL"))
        #expect(postgresStatus.stdout.contains("Protokoll: 3 (justerade: 2)"), "\(postgresStatus.stdout)")
        #expect(sqliteStatus.stdout.contains("Motor: SQLite"))
        let counts = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("Protokoll") || $0.hasPrefix("Åtgärder") || $0.hasPrefix("Möten") }
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
        #expect(try dump(back) == dump(w.database))

        // New minutes in the file, copied over the PostgreSQL database with --replace.
        #expect(try w.run(["minutes", "approve", "3", "--by", "bitr-hs-direktor"], today: "2025-05-09").status == 0)
        #expect(try run(["db", "copy", "--from", w.database, "--to", url, "--replace"]).status == 0)
        #expect(try run(["db", "status", "--database", url]).stdout.contains("Protokoll: 3 (justerade: 3)"))
        let replaced = w.folder.path("back/replaced.sqlite")
        #expect(try run(["db", "copy", "--from", url, "--to", replaced]).status == 0)
        #expect(try dump(replaced) == dump(w.database))
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

        let elsewhere = try run(["minutes", "list"], environment: ["SAMVERKAN_DATABASE": cluster.url(name)])
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.contains("arbetar än så länge bara med SQLite-filen"), "\(elsewhere.stderr)")
        #expect(!elsewhere.stderr.contains(cluster.password))
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
        #expect(try run(["db", "status", "--database", cluster.url(name)]).stdout.contains("Protokoll: 0"))
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
