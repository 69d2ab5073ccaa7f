import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import SamverkanTime
import Testing

/// What only a shared database can get wrong: several connections writing minutes of the same
/// structure at once, and someone changing approved rows behind samverkan's back.
@Suite("PostgreSQL store: concurrent writers and tampering")
struct PostgresMinutesConcurrencyTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func minutes(on date: String, decisions: [String] = ["Beslut"]) -> Minutes {
        Minutes(
            structureID: "rug", date: day(date), time: LocalTime(hour: 9, minute: 0), plannedDate: day(date), place: "Regionens hus",
            chair: "Cia Carlsson", secretary: "Bo Berg",
            attendance: [Attendance(personID: "anna", organisationID: "halmstad", principal: .municipality, present: true)],
            agenda: [AgendaCoverage(itemID: "fasta-kontakter", covered: true, notes: "Genomgång")],
            decisions: decisions.map { Decision(text: $0) },
            newActions: [ActionItem(text: "Rutin", responsible: Responsible(kind: .person, id: "anna"), due: day("2025-12-31"))])
    }

    /// `count` stores, each on its own connection, of one new database.
    static func stores(_ count: Int, label: String) async throws -> [PostgresStore] {
        let url = try PostgresURL(try await StoreEngine.emptyPostgresDatabase(label), environment: [:])
        var stores: [PostgresStore] = []
        for _ in 0..<count { stores.append(try await PostgresStore.open(url)) }
        return stores
    }

    /// Runs `body` with ``stores(_:label:)``, closed afterwards whether it throws or not (a
    /// connection must be closed before it goes).
    static func withStores(_ count: Int, label: String, _ body: ([PostgresStore]) async throws -> Void) async throws {
        let stores = try await stores(count, label: label)
        do {
            try await body(stores)
        } catch {
            await close(stores)
            throw error
        }
        await close(stores)
    }

    static func close(_ stores: [PostgresStore]) async {
        for store in stores { await store.close() }
    }

    @Test("Eight connections approving minutes of one structure and year at once get § 1…16 and chain links 1…8, none twice")
    func concurrentApprovals() async throws {
        try await Self.withStores(8, label: "approvals") { stores throws in
            var ids: [Int64] = []
            for index in 0..<8 {
                let saved = try await stores[0].save(Self.minutes(on: "2025-0\(index + 1)-13", decisions: ["A\(index)", "B\(index)"]))
                ids.append(try #require(saved.id))
            }
            let numbers = try await withThrowingTaskGroup(of: [Int].self) { group in
                for (store, id) in zip(stores, ids) {
                    group.addTask {
                        try await store.approve(id: id, by: ["Cia Carlsson"], date: Self.day("2025-10-01")).decisions.compactMap(\.number)
                    }
                }
                var all: [Int] = []
                for try await approved in group {
                    #expect(approved.count == 2)
                    #expect(approved.count == 2 && approved[1] == approved[0] + 1)
                    all += approved
                }
                return all
            }
            #expect(numbers.sorted() == Array(1...16))
            let audit = try await stores[0].auditApprovals()
            #expect(audit.isSound, "\(audit.problems)")
            #expect(audit.checked.count == 8)
            #expect(audit.integrity.isEmpty)
            let positions = try await stores[0].client.rows("SELECT position FROM approval_chain ORDER BY position")
            #expect(positions == (1...8).map { [SQLValue.integer(Int64($0))] })
            // Every number read back as stored, per minutes in order of approval.
            let stored = try await stores[0].verifyApproved()
            #expect(stored.changed.isEmpty)
            #expect(stored.checked.flatMap { $0.decisions.compactMap(\.number) }.sorted() == Array(1...16))
        }
    }

    @Test("Eight connections saving minutes of the same meeting at once: one is saved, the others are told it exists")
    func concurrentSaves() async throws {
        try await Self.withStores(8, label: "saves") { stores throws in
            let results = await withTaskGroup(of: Result<Int64, StoreError>.self) { group in
                for store in stores {
                    group.addTask {
                        do { return .success(try await store.save(Self.minutes(on: "2025-03-13")).id ?? 0) } catch let error as StoreError {
                            return .failure(error)
                        } catch {
                            return .failure(StoreError("unexpected", ["error": "\(error)"]))
                        }
                    }
                }
                var all: [Result<Int64, StoreError>] = []
                for await result in group { all.append(result) }
                return all
            }
            let saved = results.compactMap { try? $0.get() }
            #expect(saved.count == 1)
            let refusals = results.compactMap { result -> StoreError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            #expect(refusals.count == 7)
            #expect(refusals.allSatisfy { $0.code == "minutes.exist" && $0.values["id"] == saved.first.map(String.init) }, "\(refusals)")
            #expect(try await stores[0].listMinutes().count == 1)
            #expect(try await stores[0].auditLog().map(\.action) == ["minutes.saved"])
        }
    }

    @Test("Two signatories signing at the same moment on two connections: both signatures count, approved once")
    func concurrentSignatures() async throws {
        try await Self.withStores(2, label: "signatures") { stores throws in
            let id = try #require(try await stores[0].save(Self.minutes(on: "2025-03-13")).id)
            let required = ["Cia Carlsson", "Anna Andersson"]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (store, name) in zip(stores, required) {
                    group.addTask { _ = try await store.sign(id: id, names: [name], date: Self.day("2025-03-14"), required: required) }
                }
                try await group.waitForAll()
            }
            let approved = try #require(try await stores[0].minutes(id: id))
            #expect(approved.approval?.by == required)
            #expect(try await stores[0].signatures(minutesID: id).count == 2)
            #expect(
                try await stores[0].auditLog(minutesIDs: [id]).map(\.action).sorted() == [
                    "minutes.approved", "minutes.saved", "minutes.signed",
                ])
            #expect(try await stores[0].auditApprovals().isSound)
        }
    }

    @Test("Approved minutes are read-only in PostgreSQL itself; changes made with the triggers disabled are found by verify")
    func tampering() async throws {
        try await Self.withStores(1, label: "tamper") { stores throws in
            let store = stores[0]
            let first = try #require(try await store.save(Self.minutes(on: "2025-02-13")).id)
            let second = try #require(try await store.save(Self.minutes(on: "2025-03-13")).id)
            _ = try await store.approve(id: first, by: ["Cia Carlsson"], date: Self.day("2025-02-20"))
            _ = try await store.approve(id: second, by: ["Cia Carlsson"], date: Self.day("2025-03-20"))
            #expect(try await store.auditApprovals().isSound)
            await #expect {
                try await store.client.execute("UPDATE decisions SET text = 'Annat' WHERE minutes_id = $1", [.integer(first)])
            } throws: {
                ($0 as? DatabaseAdminError)?.values["detail"] == "approved minutes are read-only; use minutes amend"
            }
            try await store.client.execute("ALTER TABLE decisions DISABLE TRIGGER USER")
            try await store.client.execute("UPDATE decisions SET text = 'Annat' WHERE minutes_id = $1", [.integer(first)])
            try await store.client.execute("ALTER TABLE minutes DISABLE TRIGGER USER")
            try await store.client.execute(
                "UPDATE minutes SET approved_at = NULL, approved_on = NULL, approved_by = NULL, content_hash = NULL WHERE id = $1",
                [.integer(second)])
            #expect(try await store.verifyApproved().changed == [first])
            let audit = try await store.auditApprovals()
            #expect(audit.problems.contains(.init(id: first, kind: .contentChanged)))
            #expect(audit.problems.contains(.init(id: second, kind: .unapproved)))
            #expect(!audit.isSound)
        }
    }
}
