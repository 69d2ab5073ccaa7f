import Foundation
import SamverkanTestSupport
import Testing

/// Saving minutes is one write transaction: a process killed at any moment leaves the whole
/// minutes, with every child row, or nothing — and the test proves a kill landed mid-transaction.
@Suite("minutes killed while saving", .serialized)
struct MinutesKillTests {
    /// The tables one saved minutes record fills.
    static let tables = ["minutes", "minutes_attendance", "minutes_agenda", "minutes_items", "decisions", "action_items", "audit_log"]

    /// How one killed run ended.
    enum Outcome: Equatable {
        /// Killed while it held the database's write lock, and nothing was stored: the kill
        /// landed inside the write transaction, before its commit.
        case killedInsideTransaction
        /// Everything was stored (the kill came after the commit, or the run ended first).
        case complete
    }

    @Test("A process killed with SIGKILL while saving leaves the whole minutes or none of them")
    func killed() throws {
        let w = try MinutesEndToEndTests.Workspace()
        let draft = try Self.bigDraft(w)
        // The draft goes through standard input (`--file -`), which `minutes new` reads after it has
        // opened (and, the first time, created) the database. Writing more than a pipe holds (64 KiB)
        // returns only once the process reads it, so when `start` returns, opening is over: the only
        // write transaction left is the one that saves the minutes.
        try #require(draft.utf8.count > 2 * 65_536)

        // A run left alone: the counts a complete record has.
        let reference = TestDatabase.path(in: w.folder, name: "reference.sqlite")
        let finished = try CLIRunner.start(Self.arguments, environment: w.environment(database: reference), stdin: draft).wait()
        #expect(finished.status == 0, "\(finished.stderr)")
        let complete = try TestDatabase.rowCounts(ofDatabaseAt: reference, tables: Self.tables)
        for table in Self.tables { #expect(complete[table, default: 0] > 0, "\(table) is empty in a complete record: \(complete)") }

        // Kill runs at different moments after their write transaction began, each on its own
        // database, until at least one kill has landed inside the transaction; and one just after it.
        let moments: [Moment] = [
            .inTransaction(after: 0), .inTransaction(after: 0.002), .inTransaction(after: 0.01),
            .inTransaction(after: 0.03), .inTransaction(after: 0.1), .inTransaction(after: 0.3), .afterCommit,
        ]
        var outcomes: [Outcome] = []
        for attempt in 0..<24 where attempt < moments.count || !outcomes.contains(.killedInsideTransaction) {
            let moment = moments[attempt % moments.count]
            let database = TestDatabase.path(in: w.folder, name: "attempt-\(attempt).sqlite")
            let heldWhenKilled = try Self.kill(at: moment, environment: w.environment(database: database), draft: draft)
            let counts = try TestDatabase.rowCounts(ofDatabaseAt: database, tables: Self.tables)
            let nothing = Self.tables.allSatisfy { counts[$0] == 0 }
            #expect(nothing || counts == complete, "attempt \(attempt) left part of the minutes: \(counts), complete is \(complete)")
            if nothing {
                // Nothing stored is right only for a kill that landed before the commit.
                #expect(heldWhenKilled, "attempt \(attempt): nothing stored, yet the kill came outside the write transaction")
                #expect(moment != .afterCommit, "attempt \(attempt): killed after the commit, yet nothing stored")
                outcomes.append(.killedInsideTransaction)
            } else {
                outcomes.append(.complete)
            }
            let verify = try CLIRunner.run(["minutes", "verify"], environment: w.environment(database: database))
            #expect(verify.status == 0, "\(verify.stderr)")
        }
        #expect(outcomes.contains(.killedInsideTransaction), "no kill landed inside the write transaction: \(outcomes)")
        #expect(outcomes.contains(.complete), "no kill after the commit kept the minutes: \(outcomes)")
    }

    static let arguments = ["minutes", "new", "--structure", "rug", "--date", "2025-03-13", "--file", "-"]

    /// A RUG draft with everyone present, every agenda item covered, one other item, a decision,
    /// and 3000 action items: a long transaction.
    static func bigDraft(_ w: MinutesEndToEndTests.Workspace) throws -> String {
        let template = try w.run(["minutes", "template", "--structure", "rug", "--date", "2025-03-13"])
        #expect(template.status == 0, "\(template.stderr)")
        return template.stdout.replacingOccurrences(of: "- [ ] ", with: "- [x] ")
            .replacingOccurrences(
                of: "## Beslut\n", with: "### Lägesbild\nInget nytt.\n\n## Beslut\n- RUG godkänner rutinen för utskrivning.\n")
            + (0..<3000).map { "- Åtgärd \($0) | ansvarig: halmstad | klart: 2025-06-30" }.joined(separator: "\n") + "\n"
    }

    /// When a run is killed.
    enum Moment: Equatable {
        /// This long after it was first seen holding the database's write lock (inside the saving transaction).
        case inTransaction(after: TimeInterval)
        /// As soon as it was seen letting the write lock go: just after the commit.
        case afterCommit
    }

    /// Starts `minutes new`, waits until it holds the database's write lock (inside the saving
    /// transaction), waits for the moment, stops it with SIGSTOP, looks whether it still holds the
    /// lock, and kills it with SIGKILL. Returns whether it held the lock when it was killed.
    static func kill(at moment: Moment, environment: [String: String], draft: String) throws -> Bool {
        let database = try #require(environment["SAMVERKAN_DATABASE"])
        let process = try CLIRunner.start(arguments, environment: environment, stdin: draft)
        let deadline = Date().addingTimeInterval(60)
        func holdsLock() -> Bool { SQLiteWriteLock.holder(ofDatabaseAt: database) == process.pid }
        var sawLock = false
        while process.isRunning, Date() < deadline {
            if holdsLock() {
                sawLock = true
                break
            }
            usleep(50)
        }
        switch moment {
        case .inTransaction(let delay):
            if sawLock, delay > 0 { Thread.sleep(forTimeInterval: delay) }
        case .afterCommit:
            while sawLock, process.isRunning, Date() < deadline, holdsLock() { usleep(50) }
        }
        // Stopped, the process can neither commit nor let the lock go: what is seen now is what the kill meets.
        let held = process.stop() && holdsLock()
        process.kill()
        let result = try process.wait()
        #expect(result.signalled || result.status == 0, "\(result.stderr)")
        return held
    }
}
