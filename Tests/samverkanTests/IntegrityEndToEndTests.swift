import Foundation
import SamverkanTestSupport
import Testing

/// Hostile archives and databases (issue 13, items 8–10, 15, 16): amendment cycles, a tampered
/// approval chain, another application's file, broken JSON and duplicates.
@Suite("integrity end to end", .serialized)
struct IntegrityEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// Two approved RUG minutes (#1 2025-03-13, #2 2025-04-10) in the workspace's database.
    func twoApproved(_ w: Workspace) throws {
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let second = try w.filledDraft(date: "2025-04-10")
        #expect(
            try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(second, "b.md")], today: "2025-04-11").status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
        #expect(try w.run(["minutes", "approve", "2", "--by", "bitr-hs-direktor"], today: "2025-04-11").status == 0)
    }

    /// Runs SQL on the workspace's database with Python's `sqlite3` (no triggers of ours dropped
    /// unless the SQL drops them).
    func tamper(_ w: Workspace, _ sql: String) throws {
        let result = try CLIRunner.runPython(
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.executescript(sys.argv[2])\nc.commit()",
            [w.database, sql])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The export with `change` applied to its JSON object, written to a file.
    func changedExport(_ w: Workspace, _ change: (inout [String: Any]) -> Void) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(w.run(["minutes", "export"]).stdout.utf8)) as? [String: Any])
        change(&object)
        return try w.write(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), "changed.json")
    }

    func importInto(_ w: Workspace, _ file: String) throws -> CLIRunner.Result {
        try CLIRunner.run(
            ["minutes", "import", file, "--database", w.folder.path("other.sqlite")],
            environment: ["SAMVERKAN_CONFIG": "Config/halland.yaml"])
    }

    @Test("Import refuses a record that amends itself and amendment cycles; show never loops on a stored cycle")
    func amendmentCycles() throws {
        let w = try Workspace()
        try twoApproved(w)
        let selfAmending = try changedExport(w) { object in
            var minutes = object["minutes"] as! [[String: Any]]
            minutes[1]["amends"] = 2
            minutes[1]["approval"] = nil
            object["minutes"] = minutes
        }
        let refused = try importInto(w, selfAmending)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("minnesanteckningar #2 i arkivet rättar sig själva"), "\(refused.stderr)")
        let cycle = try changedExport(w) { object in
            var minutes = object["minutes"] as! [[String: Any]]
            minutes[0]["amends"] = 2
            minutes[1]["amends"] = 1
            minutes[0]["approval"] = nil
            minutes[1]["approval"] = nil
            object["minutes"] = minutes
        }
        let second = try importInto(w, cycle)
        #expect(second.status == 1)
        #expect(second.stderr.contains("rättar sig själva"), "\(second.stderr)")
        // A cycle written behind the store's back: show and amend end.
        try tamper(w, "INSERT INTO minutes (id, structure_id, meeting_date, created_at, amends_id) VALUES (7, 'rug', '2025-05-08', 'x', 7)")
        let show = try w.run(["minutes", "show", "7"])
        #expect(show.status == 0, "\(show.stderr)")
        let amend = try w.run(
            ["minutes", "amend", "7", "--file", try w.write(try w.filledDraft(date: "2025-05-08"), "c.md")], today: "2025-06-01")
        #expect(amend.status == 1)
        #expect(amend.stderr.contains("redan rättade"), "\(amend.stderr)")
    }

    @Test("verify detects an approved record deleted, un-approved, its covered items edited, or approvals reordered")
    func approvalChain() throws {
        let cases: [(sql: String, message: String)] = [
            ("DROP TRIGGER minutes_approved_no_delete; DELETE FROM minutes WHERE id = 1", "#1: justerade minnesanteckningar har RADERATS"),
            (
                "DROP TRIGGER minutes_approved_no_update; UPDATE minutes SET approved_at = NULL, approved_on = NULL, approved_by = NULL, content_hash = NULL WHERE id = 2",
                "#2: justeringen har TAGITS BORT"
            ),
            (
                "DROP TRIGGER minutes_approved_no_update; UPDATE minutes SET covered_items = '' WHERE id = 1",
                "#1: kedjan av justeringar stämmer inte"
            ),
            (
                "DROP TRIGGER approval_chain_no_update; UPDATE approval_chain SET position = position + 10; UPDATE approval_chain SET position = 13 - position",
                "kedjan av justeringar stämmer inte"
            ),
            (
                "DROP TRIGGER minutes_agenda_approved_no_update; DROP TRIGGER minutes_approved_no_update; UPDATE minutes_agenda SET covered = 1 - covered WHERE minutes_id = 2",
                "#2: ÄNDRAD efter justering"
            ),
        ]
        for (sql, message) in cases {
            let w = try Workspace()
            try twoApproved(w)
            let before = try w.run(["minutes", "verify"])
            #expect(before.status == 0, "\(before.stderr)")
            #expect(before.stdout.contains("Kedjans senaste kontrollsumma: "))
            try tamper(w, sql)
            let after = try w.run(["minutes", "verify"])
            #expect(after.status == 1, "\(sql)")
            #expect(after.stderr.contains(message), "\(sql): \(after.stderr)")
        }
    }

    @Test("Another application's SQLite file, a text file, a folder or /dev/null is refused before anything is written")
    func foreignDatabase() throws {
        let w = try Workspace()
        let foreign = w.folder.path("notes.sqlite")
        let created = try CLIRunner.runPython(
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute('CREATE TABLE notes (x TEXT)')\nc.commit()", [foreign])
        #expect(created.status == 0)
        let text = try w.write("inte en databas\n", "text.sqlite")
        for path in [foreign, text, w.folder.path, "/dev/null"] {
            let before = try? Data(contentsOf: URL(fileURLWithPath: path))
            let result = try CLIRunner.run(
                ["minutes", "list", "--database", path], environment: ["SAMVERKAN_CONFIG": "Config/halland.yaml"])
            #expect(result.status != 0, "\(path)")
            #expect(result.stderr.contains("ingen samverkan-databas") || result.stderr.contains("ingen vanlig fil"), "\(result.stderr)")
            #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        }
        // An empty file is a new database.
        let empty = try w.write("", "empty.sqlite")
        #expect(
            try CLIRunner.run(["minutes", "list", "--database", empty], environment: ["SAMVERKAN_CONFIG": "Config/halland.yaml"]).status
                == 0)
    }

    @Test("Invalid JSON names line and column; duplicates and impossible approval dates get clear messages")
    func importMessages() throws {
        let w = try Workspace()
        let broken = try w.write("{\n  \"schemaVersion\": 1,\n  \"minutes\": [\n    {\"id\" 1}\n  ]\n}\n", "broken.json")
        let result = try importInto(w, broken)
        #expect(result.status == 1)
        #expect(result.stderr.contains("rad 4, kolumn 11: här väntades : efter namnet"), "\(result.stderr)")
        try twoApproved(w)
        let duplicate = try changedExport(w) { object in
            var minutes = object["minutes"] as! [[String: Any]]
            minutes[1]["date"] = minutes[0]["date"]
            minutes[1]["approval"] = nil
            object["minutes"] = minutes
        }
        let refused = try importInto(w, duplicate)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("gäller ett möte som redan har minnesanteckningar"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("SQLite error"))
        let future = try w.run(["minutes", "approve", "1", "--by", "x", "--date", "2099-01-01"])
        #expect(future.status == 1)
        #expect(future.stderr.contains("2099-01-01, som är efter i dag"), "\(future.stderr)")
    }
}
