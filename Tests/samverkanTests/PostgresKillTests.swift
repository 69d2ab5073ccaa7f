import Foundation
import SamverkanTestSupport
import Testing

/// A `samverkan` process killed with SIGKILL in the middle of saving minutes to PostgreSQL leaves
/// the whole minutes or none of them, and the test proves a kill landed inside the transaction.
@Suite("PostgreSQL: a client killed while saving", .serialized)
struct PostgresKillTests {
    @Test("A process killed with SIGKILL inside its write transaction leaves nothing; one killed after the commit, everything")
    func killed() async throws {
        let w = try MinutesEndToEndTests.Workspace()
        let draft = try MinutesKillTests.bigDraft(w)
        let tables = MinutesKillTests.tables
        // A run left alone: the counts a complete record has.
        let reference = try await StoreEngine.emptyPostgresDatabase("killref")
        let finished = try CLIRunner.start(MinutesKillTests.arguments, environment: w.environment(database: reference), stdin: draft).wait()
        #expect(finished.status == 0, "\(finished.stderr)")
        let referenceWatch = try await PostgresWriteWatch(url: reference)
        let complete = try await referenceWatch.counts(tables)
        await referenceWatch.close()
        for table in tables { #expect(complete[table, default: 0] > 0, "\(table) is empty in a complete record: \(complete)") }

        var killedInside = 0
        var keptWhole = 0
        for attempt in 0..<12 where attempt < 4 || killedInside == 0 || keptWhole == 0 {
            let url = try await StoreEngine.emptyPostgresDatabase("kill")
            let watch = try await PostgresWriteWatch(url: url)
            let process = try CLIRunner.start(MinutesKillTests.arguments, environment: w.environment(database: url), stdin: draft)
            // Even attempts are killed as soon as the save is seen writing; odd ones once it has ended.
            var writing = false
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline {
                if try await watch.someoneWriting() {
                    writing = true
                    break
                }
            }
            if attempt % 2 == 1 { _ = try process.wait() }
            // Stopped, the process can neither commit nor roll back: what is seen now is what the kill meets.
            let stopped = process.stop()
            var inside = false
            if stopped, writing { inside = try await watch.someoneWriting() }
            process.kill()
            let result = try process.wait()
            #expect(result.signalled || result.status == 0, "\(result.stderr)")
            // The server ends the killed client's session (rolling back what it had not committed).
            let gone = Date().addingTimeInterval(30)
            while try await watch.othersConnected(), Date() < gone { try await Task.sleep(for: .milliseconds(20)) }
            let counts = try await watch.counts(tables)
            await watch.close()
            let nothing = tables.allSatisfy { counts[$0] == 0 }
            #expect(nothing || counts == complete, "attempt \(attempt) left part of the minutes: \(counts), complete is \(complete)")
            if inside {
                #expect(nothing, "attempt \(attempt): killed inside the transaction, yet something was stored: \(counts)")
                killedInside += 1
            } else if !nothing {
                keptWhole += 1
            }
            let verify = try CLIRunner.run(["minutes", "verify"], environment: w.environment(database: url))
            #expect(verify.status == 0, "\(verify.stderr)")
        }
        #expect(killedInside > 0, "no kill landed inside the write transaction")
        #expect(keptWhole > 0, "no run killed after its commit kept the minutes")
    }
}
