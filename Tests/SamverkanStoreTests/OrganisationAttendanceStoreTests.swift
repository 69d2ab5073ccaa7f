import Foundation
import GRDB
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

@Suite("Organisation attendance in the store (v11-organisation-attendance)")
struct OrganisationAttendanceStoreTests {
    /// RUG minutes where only the region's substitute came and two municipalities without a
    /// configured person are recorded by organisation: Laholm present, Hylte absent.
    static func minutes() -> Minutes {
        var minutes = MinutesStoreTests.minutes(on: "2025-02-13")
        minutes.attendance[0].present = false
        minutes.organisationAttendance = [
            OrganisationAttendance(organisationID: "laholm", principal: .municipality, present: true, attendee: "Lena Lund"),
            OrganisationAttendance(organisationID: "hylte", principal: .municipality, present: false),
        ]
        return minutes
    }

    @Test("Saved and read back in order; an organisation marked present counts in the summary like a present person")
    func summary() throws {
        let db = try TestDatabase.inMemory()
        let id = try #require(try db.save(Self.minutes()).id)
        #expect(try db.minutes(id: id)?.organisationAttendance == Self.minutes().organisationAttendance)
        // vc-norr (region) by its substitute, laholm (municipality) by organisation: both sides.
        #expect(try MinutesSummaryTests.summary(db, id) == "3 laholm|vc-norr fasta-kontakter")
        try db.unsafeRawWrite("UPDATE minutes_organisation_attendance SET present = 0 WHERE minutes_id = ?", [id])
        #expect(try MinutesSummaryTests.summary(db, id) == "1 vc-norr fasta-kontakter")
        try db.unsafeRawWrite("DELETE FROM minutes_attendance WHERE minutes_id = ?", [id])
        #expect(try MinutesSummaryTests.summary(db, id) == "0  fasta-kontakter")
    }

    @Test(
        "On both engines organisation rows are read back, and an organisation marked present counts in the report",
        arguments: StoreEngine.allCases)
    func report(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let id = try #require(try await db.save(Self.minutes()).id)
            #expect(try await db.minutes(id: id)?.organisationAttendance == Self.minutes().organisationAttendance)
            let year = (MinutesStoreTests.day("2025-01-01"), MinutesStoreTests.day("2025-12-31"))
            let totals = try #require(try await db.history(from: year.0, through: year.1, asOf: year.1).totals["rug"])
            // vc-norr (region) by its substitute, laholm (municipality) by organisation; Hylte absent.
            #expect(totals.organisationsPresent == ["laholm": 1, "vc-norr": 1])
            #expect(totals.sidesPresent == [[.municipality, .region]: 1] && totals.meetings == 1)
        }
    }

    @Test("Approved minutes keep their organisation rows read-only; minutes without them keep the canonical text they had")
    func approved() throws {
        let db = try TestDatabase.inMemory()
        let id = try #require(try db.save(Self.minutes()).id)
        _ = try db.approve(id: id, by: ["Cia Carlsson"], date: MinutesStoreTests.day("2025-02-20"))
        #expect(throws: DatabaseError.self) {
            try db.unsafeRawWrite("UPDATE minutes_organisation_attendance SET attendee = 'X' WHERE minutes_id = ?", [id])
        }
        #expect(throws: DatabaseError.self) {
            try db.unsafeRawWrite("DELETE FROM minutes_organisation_attendance WHERE minutes_id = ?", [id])
        }
        let stored = try #require(try db.minutes(id: id))
        #expect(
            stored.isIntact && stored.canonicalText.contains("organisation-attendance=laholm") && stored.canonicalText.contains("Lena Lund")
        )
        let plain = MinutesStoreTests.minutes(on: "2025-03-13")
        #expect(!plain.canonicalText.contains("organisation-attendance"))
    }

    @Test("An archive written before organisation attendance existed is read with none")
    func oldArchive() throws {
        let encoder = JSONEncoder()
        var object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(MinutesStoreTests.minutes(on: "2025-02-13"))) as? [String: Any])
        object.removeValue(forKey: "organisationAttendance")
        let minutes = try JSONDecoder().decode(Minutes.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(minutes.organisationAttendance.isEmpty && minutes.attendance.count == 2)
    }

    @Test("A database approved before v11 migrates with its approvals intact and its summary unchanged")
    func migration() throws {
        let db = try AppDatabase.unsafeInMemory(migratedUpTo: "v8-feeds")
        let saved = try LegacyDatabase.save(MinutesStoreTests.minutes(on: "2025-02-13"), in: db)
        let id = try #require(saved.id)
        try LegacyDatabase.approve(saved, in: db, paragraph: 1, by: ["Cia Carlsson"], date: "2025-02-20")
        let before = try MinutesSummaryTests.summary(db, id)
        try db.unsafeMigrate()
        #expect(try db.schemaVersion() == AppDatabase.migrationNames.last)
        #expect(try db.auditApprovals().problems.isEmpty)
        #expect(try MinutesSummaryTests.summary(db, id) == before)
        let stored = try #require(try db.minutes(id: id))
        #expect(stored.isIntact && stored.organisationAttendance.isEmpty)
        // New minutes after the migration take organisation rows.
        var next = Self.minutes()
        next.date = MinutesStoreTests.day("2025-03-13")
        next.plannedDate = next.date
        let nextID = try #require(try db.save(next).id)
        #expect(try MinutesSummaryTests.summary(db, nextID) == "3 laholm|vc-norr fasta-kontakter")
    }
}
