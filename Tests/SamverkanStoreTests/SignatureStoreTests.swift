import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// Signatures one by one (migration `v10-signatures`) and the migration of a v8 database.
@Suite("Signatures")
struct SignatureStoreTests {
    static let required = ["Cia Carlsson", "Anna Andersson"]

    @Test(
        "Each signatory signs on their own day; the last signature approves, numbers and locks the minutes",
        arguments: StoreEngine.allCases)
    func oneByOne(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let raw = db as? AppDatabase
            let saved = try await db.save(MinutesStoreTests.minutes(on: "2025-02-13", decisions: ["Beslut"]))
            let id = try #require(saved.id)
            let first = try await db.sign(
                id: id, names: ["Anna Andersson"], date: MinutesStoreTests.day("2025-02-20"), required: Self.required)
            #expect(first.minutes.approval == nil)
            #expect(first.justering.missing == ["Cia Carlsson"])
            #expect(try await db.minutes(id: id)?.decisions.first?.number == nil)
            #expect(try await db.listMinutes().first?.signedBy == ["Anna Andersson"])
            #expect(try await db.signatures(minutesID: id) == first.justering.signatures)
            #expect(try await db.pendingMinutes().map(\.signatures) == [first.justering.signatures])
            #expect(try await db.pendingMinutes(structureID: "grupp").isEmpty)
            // Partly signed minutes can still be corrected in the database; signatures are never changed.
            if let raw {
                #expect(throws: (any Error).self) { try raw.unsafeRawWrite("UPDATE minutes_signatures SET signed_on = '2025-02-21'") }
            }
            await #expect(throws: StoreError("minutes.already-signed", ["id": String(id), "name": "Anna Andersson", "date": "2025-02-20"]))
            {
                try await db.sign(id: id, names: ["anna  andersson"], date: MinutesStoreTests.day("2025-02-21"), required: Self.required)
            }
            await #expect(
                throws: StoreError(
                    "minutes.not-signatory", ["id": String(id), "name": "Bo Berg", "required": "Cia Carlsson, Anna Andersson"])
            ) {
                try await db.sign(id: id, names: ["Bo Berg"], date: MinutesStoreTests.day("2025-02-21"), required: Self.required)
            }
            await #expect(
                throws: StoreError("minutes.approved-before-meeting", ["id": String(id), "date": "2025-02-12", "meeting": "2025-02-13"])
            ) {
                try await db.sign(id: id, names: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-02-12"), required: Self.required)
            }
            let last = try await db.sign(
                id: id, names: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-02-18"), required: Self.required)
            let approval = try #require(last.minutes.approval)
            // Approved by the required signatories in their order, on the day of the latest signature.
            #expect(approval.by == Self.required)
            #expect(approval.date == MinutesStoreTests.day("2025-02-20"))
            #expect(last.minutes.decisions.first?.number == 1)
            #expect(last.minutes.isIntact)
            #expect(try await db.minutes(id: id) == last.minutes)
            #expect(try await db.signatures(minutesID: id).map(\.name) == ["Anna Andersson", "Cia Carlsson"])
            #expect(try await db.listMinutes().first?.approvedBy == Self.required)
            #expect(try await db.listMinutes().first?.status == .approved)
            #expect(try await db.pendingMinutes().isEmpty)
            let audit = try await db.auditApprovals()
            #expect(audit.isSound)
            #expect(audit.checked.map(\.id) == [id])
            #expect(audit.head?.count == 64)
            if let raw {
                #expect(throws: (any Error).self) {
                    try raw.unsafeRawWrite("INSERT INTO minutes_signatures VALUES (?, 5, 'Bo Berg', '2025-02-21', 'x')", [id])
                }
                #expect(throws: (any Error).self) { try raw.unsafeRawWrite("DELETE FROM minutes_signatures") }
            }
            await #expect(throws: StoreError("minutes.already-approved", ["id": String(id), "date": "2025-02-20"])) {
                try await db.sign(id: id, names: ["Bo Berg"], date: MinutesStoreTests.day("2025-02-21"), required: [])
            }
            await #expect(throws: StoreError("minutes.not-found", ["id": "99"])) {
                try await db.sign(id: 99, names: ["Bo Berg"], date: MinutesStoreTests.day("2025-02-21"), required: [])
            }
        }
    }

    @Test("With nobody required, the first signature approves", arguments: StoreEngine.allCases)
    func anyoneSigns(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let saved = try await db.save(MinutesStoreTests.minutes(on: "2025-02-13", decisions: ["A", "B"]))
            let signed = try await db.sign(id: saved.id!, names: ["Bo Berg"], date: MinutesStoreTests.day("2025-02-14"), required: [])
            #expect(signed.minutes.approval?.by == ["Bo Berg"])
            #expect(signed.minutes.decisions.map(\.number) == [1, 2])
            #expect(try await db.verifyApproved().changed.isEmpty)
        }
    }

    @Test("Export and import keep every signature, those of partly signed minutes and each signatory's day included")
    func archive() throws {
        let db = try TestDatabase.inMemory()
        for date in ["2025-02-13", "2025-03-13"] { try db.save(MinutesStoreTests.minutes(on: date, decisions: ["Beslut \(date)"])) }
        _ = try db.sign(id: 1, names: ["Anna Andersson"], date: MinutesStoreTests.day("2025-02-14"), required: Self.required)
        _ = try db.sign(id: 1, names: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-02-20"), required: Self.required)
        _ = try db.sign(id: 2, names: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-03-14"), required: Self.required)
        let json = try db.exportJSON()
        let copy = try TestDatabase.inMemory()
        #expect(try copy.importArchive(try AppDatabase.decodeArchive(Data(json.utf8))).minutes == 2)
        #expect(try copy.exportJSON() == json)
        #expect(try copy.signatures(minutesID: 1).map(\.date.iso) == ["2025-02-14", "2025-02-20"])
        #expect(try copy.pendingMinutes().first?.signatures.map(\.name) == ["Cia Carlsson"])
        #expect(try copy.auditApprovals().isSound)
        // An archive written before signatures were kept: one signature per approver, on the day of approval.
        var old = try db.exportArchive()
        old.signatures = nil
        let older = try TestDatabase.inMemory()
        _ = try older.importArchive(old)
        #expect(try older.signatures(minutesID: 1).map(\.name) == ["Cia Carlsson", "Anna Andersson"])
        #expect(try older.signatures(minutesID: 1).map(\.date.iso) == ["2025-02-20", "2025-02-20"])
        #expect(try older.signatures(minutesID: 2).isEmpty)
    }

    @Test("A database created by the v8 schema with approved minutes migrates with its approvals intact; verify passes")
    func migrationFromV8() throws {
        let db = try AppDatabase.unsafeInMemory(migratedUpTo: "v8-feeds")
        let saved = try ["2025-02-13", "2025-03-13", "2025-04-10"].map { date in
            try LegacyDatabase.save(MinutesStoreTests.minutes(on: date, decisions: ["Beslut \(date)"]), in: db)
        }
        try LegacyDatabase.approve(saved[2], in: db, paragraph: 1, by: ["Cia Carlsson"], date: "2025-04-11")
        try LegacyDatabase.approve(saved[0], in: db, paragraph: 2, by: ["Cia Carlsson", "Anna Andersson"], date: "2025-04-12")
        let before = try db.unsafeRawRead("SELECT id, approved_at, approved_on, approved_by, content_hash FROM minutes ORDER BY id")

        try db.unsafeMigrate()
        #expect(try db.unsafeRawRead("SELECT id, approved_at, approved_on, approved_by, content_hash FROM minutes ORDER BY id") == before)
        #expect(try db.signatures(minutesID: 1).map(\.name) == ["Cia Carlsson", "Anna Andersson"])
        #expect(try db.signatures(minutesID: 1).map(\.date.iso) == ["2025-04-12", "2025-04-12"])
        #expect(try db.signatures(minutesID: 3).map(\.name) == ["Cia Carlsson"])
        #expect(try db.signatures(minutesID: 2).isEmpty)
        #expect(try db.listMinutes().map(\.status) == [.approved, .draft, .approved])
        #expect(try db.listMinutes().first?.approvedBy == ["Cia Carlsson", "Anna Andersson"])
        var audit = try db.auditApprovals()
        #expect(audit.isSound, "\(audit.problems)")
        #expect(audit.checked.count == 2)
        // Still immutable, signatures included; the draft is signed one by one after the migration.
        #expect(throws: (any Error).self) { try db.unsafeRawWrite("UPDATE minutes SET place = 'x' WHERE id = 1") }
        #expect(throws: (any Error).self) {
            try db.unsafeRawWrite("INSERT INTO minutes_signatures VALUES (1, 2, 'Bo Berg', '2025-04-13', 'x')")
        }
        #expect(
            try db.sign(id: 2, names: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-04-13"), required: Self.required).minutes.approval
                == nil)
        let approved = try db.sign(id: 2, names: ["Anna Andersson"], date: MinutesStoreTests.day("2025-04-14"), required: Self.required)
        #expect(approved.minutes.decisions.first?.number == 3)
        audit = try db.auditApprovals()
        #expect(audit.isSound, "\(audit.problems)")
        #expect(audit.checked.count == 3)
    }
}
