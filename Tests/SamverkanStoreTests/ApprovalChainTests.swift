import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// The approval chain (migration `v5-approval-chain`) and the foreign-file check of `open(path:)`.
@Suite("Approval chain")
struct ApprovalChainTests {
    @Test("Approvals made before the chain migrate into it, in order of approval, and verify passes")
    func migration() throws {
        let db = try TestDatabase.inMemory()
        for date in ["2025-02-13", "2025-03-13", "2025-04-10"] {
            try db.save(MinutesStoreTests.minutes(on: date, decisions: ["Beslut \(date)"]))
        }
        _ = try db.approve(id: 3, by: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-04-11"))
        _ = try db.approve(id: 1, by: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-04-12"))
        let hashes = try db.unsafeRawRead("SELECT content_hash FROM minutes ORDER BY id")
        // As a database of the version before the chain: no chain table, migration not run.
        try db.unsafeRawWrite(
            """
            DROP TABLE approval_chain; DELETE FROM grdb_migrations WHERE identifier IN ('v5-approval-chain', 'v6-application-id')
            """)
        try db.unsafeMigrate()
        #expect(try db.unsafeRawRead("SELECT minutes_id FROM approval_chain ORDER BY position") == [["3"], ["1"]])
        #expect(try db.unsafeRawRead("SELECT content_hash FROM minutes ORDER BY id") == hashes)
        let audit = try db.auditApprovals()
        #expect(audit.isSound, "\(audit.problems)")
        #expect(audit.checked.count == 2)
        _ = try db.approve(id: 2, by: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-04-13"))
        #expect(try db.auditApprovals().isSound)
        #expect(try db.unsafeRawRead("SELECT position FROM approval_chain WHERE minutes_id = 2") == [["3"]])
    }

    @Test("Import adds the new approvals to the chain; a second import adds nothing")
    func importChain() throws {
        let db = try TestDatabase.inMemory()
        try db.save(MinutesStoreTests.minutes(on: "2025-02-13", decisions: ["A"]))
        _ = try db.approve(id: 1, by: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-02-20"))
        let copy = try TestDatabase.inMemory()
        #expect(try copy.importArchive(try db.exportArchive()).minutes == 1)
        #expect(try copy.importArchive(try db.exportArchive()).minutes == 0)
        #expect(try copy.auditApprovals().isSound)
        #expect(try copy.auditApprovals().head == (try db.auditApprovals().head))
    }

    @Test("JSON syntax errors name line, column and what was expected")
    func jsonPositions() {
        let cases: [(String, JSONSyntaxCheck.Failure?)] = [
            ("{\"a\": [1, 2]}", nil),
            ("{\"a\": [1, 2,]}", .init(line: 1, column: 13, expected: "value")),
            ("{\n\"a\" 1}", .init(line: 2, column: 5, expected: "colon")),
            ("{\"å\": 1 \"b\"}", .init(line: 1, column: 9, expected: "comma-or-end")),
            ("[1] x", .init(line: 1, column: 5, expected: "end")),
            ("{\"a\": \"b", .init(line: 1, column: 7, expected: "string-end")),
            (String(repeating: "[", count: 100_000), .init(line: 1, column: 100_001, expected: "value")),
        ]
        for (text, failure) in cases {
            #expect(JSONSyntaxCheck.firstError(in: Data(text.utf8)) == failure, "\(text.prefix(20))")
        }
    }

    @Test("A samverkan database from before application_id opens; another GRDB application's database does not")
    func ownership() throws {
        let folder = try TemporaryFolder("ownership")
        let path = folder.path("old.sqlite")
        _ = try AppDatabase.open(path: path)
        let reset = try CLIRunner.runPython(
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute('PRAGMA application_id = 0')\nc.commit()", [path])
        #expect(reset.status == 0)
        _ = try AppDatabase.open(path: path)
        let other = folder.path("other.sqlite")
        let made = try CLIRunner.runPython(
            """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.executescript("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); CREATE TABLE player (id INTEGER)")
            c.commit()
            """, [other])
        #expect(made.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: StoreError("store.not-samverkan", ["path": other])) { _ = try AppDatabase.open(path: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }
}
