import Foundation
import GRDB
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

@Suite("Minutes store")
struct MinutesStoreTests {
    /// The engines whose action-item reads (`openActions`, `allActions`) and reports are built;
    /// PostgreSQL's come with the register group's work.
    static let actionEngines: [StoreEngine] = StoreEngine.allCases

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func minutes(
        _ structure: String = "rug", on date: String, decisions: [String] = [], actions: [String] = [],
        followUps: [ActionFollowUp] = [], amends: Int64? = nil
    ) -> Minutes {
        Minutes(
            structureID: structure, date: day(date), time: LocalTime(hour: 9, minute: 0), plannedDate: day(date),
            place: "Regionens hus", chair: "Cia Carlsson", secretary: "Bo Berg",
            attendance: [
                Attendance(personID: "anna", organisationID: "halmstad", principal: .municipality, present: true),
                Attendance(personID: "bo", organisationID: "vc-norr", principal: .region, present: false, substitute: "Eva Ek"),
            ],
            agenda: [AgendaCoverage(itemID: "fasta-kontakter", covered: true, notes: "Genomgång av fasta kontakter")],
            actionFollowUps: followUps, items: [FreeAgendaItem(title: "Information", notes: "Hemsjukvården berättade")],
            decisions: decisions.map { Decision(text: $0) },
            newActions: actions.map { ActionItem(text: $0, responsible: Responsible(kind: .person, id: "anna"), due: day("2025-06-30")) },
            amends: amends)
    }

    @Test("Open action items carry over across three meetings until marked done", arguments: Self.actionEngines)
    func carryOver(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.save(Self.minutes(on: "2025-02-13", actions: ["Ta fram rutin", "Bjud in kommunerna"]))
            let ids = first.newActions.compactMap(\.id)
            #expect(ids.count == 2)
            let before2 = try await db.openActions(structureID: "rug", before: Self.day("2025-03-13"))
            #expect(before2.map(\.item.id) == ids)
            #expect(before2.allSatisfy { $0.status == .notStarted })
            _ = try await db.save(
                Self.minutes(
                    on: "2025-03-13",
                    followUps: [
                        ActionFollowUp(actionID: ids[0], status: .partly, comment: "Utkast finns"),
                        ActionFollowUp(actionID: ids[1], status: .done),
                    ]))
            let before3 = try await db.openActions(structureID: "rug", before: Self.day("2025-04-10"))
            #expect(before3.map(\.item.id) == [ids[0]])
            #expect(before3.first?.status == .partly)
            #expect(before3.first?.comment == "Utkast finns")
            // Other structures never see them.
            #expect(try await db.openActions(structureID: "grupp-halmstad", before: Self.day("2025-04-10")).isEmpty)
            _ = try await db.save(Self.minutes(on: "2025-04-10", followUps: [ActionFollowUp(actionID: ids[0], status: .done)]))
            #expect(try await db.openActions(structureID: "rug", before: Self.day("2025-05-08")).isEmpty)
            // As of the second meeting, the first item was still open (history is kept).
            #expect(try await db.openActions(structureID: "rug", before: Self.day("2025-03-13")).count == 2)
            #expect(try await db.previousMinutes(structureID: "rug", before: Self.day("2025-05-08"))?.date == Self.day("2025-04-10"))
            #expect(try await db.allActions().map(\.status) == [.done, .done])
        }
    }

    @Test(
        "Decisions are numbered § N per structure and calendar year of the meeting, in order of approval",
        arguments: StoreEngine.allCases)
    func paragraphs(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let december = try await db.save(Self.minutes(on: "2025-12-11", decisions: ["A", "B"]))
            let january = try await db.save(Self.minutes(on: "2026-01-15", decisions: ["C"]))
            let other = try await db.save(Self.minutes("grupp-halmstad", on: "2025-12-09", decisions: ["X"]))
            let november = try await db.save(Self.minutes(on: "2025-11-13", decisions: ["D"]))
            // January's minutes are approved first: § 1 of 2026.
            #expect(
                try await db.approve(id: january.id!, by: ["Cia Carlsson"], date: Self.day("2026-01-20")).decisions.map(\.number) == [1])
            // December's are approved in January, but belong to 2025.
            #expect(
                try await db.approve(id: december.id!, by: ["Cia Carlsson"], date: Self.day("2026-01-08")).decisions.map(\.number) == [
                    1, 2,
                ])
            #expect(
                try await db.approve(id: november.id!, by: ["Cia Carlsson"], date: Self.day("2026-01-21")).decisions.map(\.number) == [3])
            #expect(try await db.approve(id: other.id!, by: ["Anna"], date: Self.day("2025-12-12")).decisions.map(\.number) == [1])
            #expect(try await db.minutes(id: december.id!)?.decisions.map(\.number) == [1, 2])
            await #expect(throws: StoreError("minutes.already-approved", ["id": String(january.id!), "date": "2026-01-20"])) {
                try await db.approve(id: january.id!, by: ["Cia"], date: Self.day("2026-01-21"))
            }
            await #expect(throws: StoreError("minutes.not-found", ["id": "999"])) {
                try await db.approve(id: 999, by: ["Cia"], date: Self.day("2026-01-21"))
            }
        }
    }

    @Test("Approved minutes are read-only in SQLite itself: plain SQL UPDATE, DELETE and INSERT fail")
    func immutable() throws {
        let db = try TestDatabase.inMemory()
        let saved = try db.save(Self.minutes(on: "2025-03-13", decisions: ["A"], actions: ["Rutin"]))
        let id = saved.id!
        // Before approval the secretary's record may still change.
        try db.unsafeRawWrite("UPDATE minutes SET place = 'Varberg' WHERE id = ?", [id])
        try db.unsafeRawWrite("UPDATE minutes SET place = 'Regionens hus' WHERE id = ?", [id])
        let approved = try db.approve(id: id, by: ["Cia Carlsson", "Anna Andersson"], date: Self.day("2025-03-20"))
        #expect(approved.isIntact)
        let statements = [
            "UPDATE minutes SET place = 'Varberg' WHERE id = \(id)",
            "DELETE FROM minutes WHERE id = \(id)",
            "UPDATE decisions SET text = 'B' WHERE minutes_id = \(id)",
            "DELETE FROM minutes_attendance WHERE minutes_id = \(id)",
            "UPDATE action_items SET due = '2030-01-01' WHERE minutes_id = \(id)",
            "INSERT INTO minutes_items (minutes_id, position, title, notes) VALUES (\(id), 9, 'Tillägg', '')",
            "UPDATE minutes_agenda SET covered = 0 WHERE minutes_id = \(id)",
        ]
        for sql in statements {
            let error = try #require(throws: DatabaseError.self) { try db.unsafeRawWrite(sql) }
            #expect(error.message == "approved minutes are read-only; use minutes amend", "\(sql)")
        }
        #expect(try db.minutes(id: id) == approved)
        #expect(try db.verifyApproved().changed.isEmpty)
        // Someone who drops the trigger and edits is caught by verify.
        try db.unsafeRawWrite("DROP TRIGGER minutes_approved_no_update; UPDATE minutes SET place = 'Varberg' WHERE id = \(id)")
        #expect(try db.verifyApproved().changed == [id])
    }

    @Test("An amendment is a new record linked to the original, which stays as it was", arguments: StoreEngine.allCases)
    func amend(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let original = try await db.save(Self.minutes(on: "2025-03-13", decisions: ["A"], actions: ["Rutin"]))
            _ = try await db.approve(id: original.id!, by: ["Cia"], date: Self.day("2025-03-20"))
            var correction = Self.minutes(on: "2025-03-13", decisions: [], actions: ["Rutin, rättad"], amends: original.id)
            correction.decisions = [Decision(number: 1, text: "A, rättat", inherited: true), Decision(text: "B")]
            let amendment = try await db.save(correction)
            #expect(try await db.amendments(of: original.id!).map(\.id) == [amendment.id])
            #expect(try await db.amendments(of: original.id!).first == amendment)
            // Until the correction is approved, the approved original's action items are the open ones.
            let actions = Self.actionEngines.contains(engine)
            if actions {
                #expect(try await db.openActions(structureID: "rug", before: Self.day("2025-04-10")).map(\.item.text) == ["Rutin"])
            }
            let approved = try await db.approve(id: amendment.id!, by: ["Cia"], date: Self.day("2025-03-27"))
            if actions {
                #expect(try await db.openActions(structureID: "rug", before: Self.day("2025-04-10")).map(\.item.text) == ["Rutin, rättad"])
            }
            #expect(approved.decisions.map(\.number) == [1, 2])
            #expect(try await db.minutes(id: original.id!)?.decisions.first?.text == "A")
            #expect(try await db.minutes(id: amendment.id!) == approved)
            // A second correction of the same original is refused; a second set of minutes for the meeting too.
            await #expect(throws: StoreError("minutes.already-amended", ["id": String(original.id!), "newer": String(amendment.id!)])) {
                try await db.save(Self.minutes(on: "2025-03-13", amends: original.id))
            }
            await #expect(throws: StoreError("minutes.exist", ["id": String(original.id!), "structure": "rug", "date": "2025-03-13"])) {
                try await db.save(Self.minutes(on: "2025-03-13"))
            }
            let list = try await db.listMinutes(structureID: "rug", from: nil, through: nil)
            #expect(list.map(\.amendedBy) == [amendment.id, nil])
            #expect(list.map(\.counts) == [false, true])
            #expect(list.map(\.decisions) == [1, 2])
            #expect(list.map(\.newActions) == [1, 1])
            #expect(list.map(\.approvedBy) == [["Cia"], ["Cia"]])
        }
    }

    @Test("Export and import are a lossless round trip, and importing twice changes nothing")
    func roundTrip() throws {
        let db = try TestDatabase.inMemory()
        let first = try db.save(Self.minutes(on: "2025-02-13", decisions: ["Planen antas"], actions: ["Rutin"]))
        _ = try db.approve(id: first.id!, by: ["Cia Carlsson"], date: Self.day("2025-02-20"))
        try db.save(
            Self.minutes(
                on: "2025-03-13", followUps: [ActionFollowUp(actionID: first.newActions[0].id!, status: .partly, comment: "Pågår")]))
        try db.cancel(structureID: "rug", date: Self.day("2025-04-10"), reason: "För få deltagare")
        let json = try db.exportJSON()
        let copy = try TestDatabase.inMemory()
        let added = try copy.importArchive(try AppDatabase.decodeArchive(Data(json.utf8)))
        #expect(added.minutes == 2 && added.decisions == 1)
        #expect(try copy.exportJSON() == json)
        #expect(try copy.verifyApproved().changed.isEmpty)
        #expect(try copy.importArchive(try AppDatabase.decodeArchive(Data(json.utf8))) == (0, 0))
        #expect(try copy.search("rutin").count == 1)
        // A file changed after approval is refused, and nothing of it is imported.
        let tampered = json.replacingOccurrences(of: "Planen antas", with: "Planen avslås")
        let empty = try TestDatabase.inMemory()
        #expect(throws: StoreError.self) { try empty.importArchive(try AppDatabase.decodeArchive(Data(tampered.utf8))) }
        #expect(try empty.listMinutes().isEmpty)
        #expect(throws: StoreError.self) { try AppDatabase.decodeArchive(Data("{\"minutes\": 3}".utf8)) }
    }

    @Test("Full-text search finds Swedish words by prefix, å/ä/ö included", arguments: StoreEngine.allCases)
    func search(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            var minutes = Self.minutes(on: "2025-03-13", decisions: ["Rutinen för utskrivning från sjukhus antas"])
            minutes.items = [FreeAgendaItem(title: "Återinskrivningar", notes: "Hemsjukvården i Halmstad följer upp")]
            let first = try await db.save(minutes)
            let april = try await db.save(Self.minutes(on: "2025-04-10"))
            #expect(try await db.search("utskriv").map(\.date) == [Self.day("2025-03-13")])
            #expect(try await db.search("återinskrivningar hemsjukvården").count == 1)
            #expect(try await db.search("ÅTERINSKRIVNING").count == 1)
            #expect(try await db.search("regionens").count == 2)
            #expect(try await db.search("regionens", limit: 1).count == 1)
            #expect(try await db.search("\"; DROP TABLE minutes").isEmpty)
            #expect(try await db.search(" ,;").isEmpty)
            #expect(try await db.search("utskrivning")[0].snippet.contains("[utskrivning]"))
            // A correction waiting for justering is named; once approved, it is the one found.
            var correction = minutes
            correction.amends = first.id
            correction.place = "Stadshuset"
            let amended = try await db.save(correction)
            let pending = try await db.search("utskrivning")
            #expect(pending.map(\.id) == [amended.id!])
            #expect(pending.first?.replacedBy == nil)
            await #expect(throws: StoreError("minutes.sign-corrected", ["id": String(first.id!), "newer": String(amended.id!)])) {
                _ = try await db.approve(id: first.id!, by: ["Cia"], date: Self.day("2025-03-20"))
            }
            // Only the original holds the old place: shown, replaced by the correction.
            #expect(try await db.search("regionens").map(\.id).sorted() == [first.id!, april.id!])
            #expect(try await db.search("regionens").first { $0.id == first.id }?.replacedBy == amended.id)
            // Only the original holds the old place: found there, replaced by the current record.
            _ = try await db.approve(id: amended.id!, by: ["Cia"], date: Self.day("2025-03-27"))
            #expect(try await db.search("stadshuset").map(\.id) == [amended.id!])
            let old = try await db.search("regionens").first { $0.id == first.id }
            #expect(old?.replacedBy == amended.id)
        }
    }

    @Test("A cancelled meeting is listed and cannot get minutes, nor be cancelled twice", arguments: StoreEngine.allCases)
    func cancel(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            try await db.cancel(structureID: "rug", date: Self.day("2025-05-08"), reason: "Sjukdom")
            await #expect(throws: StoreError("meeting.already-cancelled", ["structure": "rug", "date": "2025-05-08"])) {
                try await db.cancel(structureID: "rug", date: Self.day("2025-05-08"), reason: "Igen")
            }
            await #expect(throws: StoreError("minutes.meeting-cancelled", ["structure": "rug", "date": "2025-05-08"])) {
                try await db.save(Self.minutes(on: "2025-05-08"))
            }
            let saved = try await db.save(Self.minutes(on: "2025-04-10"))
            await #expect(throws: StoreError("meeting.has-minutes", ["structure": "rug", "date": "2025-04-10", "id": String(saved.id!)])) {
                try await db.cancel(structureID: "rug", date: Self.day("2025-04-10"), reason: "Sent")
            }
            #expect(try await db.listMinutes().map(\.status) == [.draft, .cancelled])
            #expect(try await db.listMinutes().last?.reason == "Sjukdom")
            #expect(try await db.recordedDates(structureID: "rug") == [Self.day("2025-04-10"), Self.day("2025-05-08")])
            #expect(try await db.previousMinutes(structureID: "rug", before: Self.day("2025-06-01"))?.id == saved.id)
            #expect(try await db.previousMinutes(structureID: "rug", before: Self.day("2025-06-01"), excluding: saved.id) == nil)
            #expect(try await db.auditLog().map(\.action) == ["minutes.cancelled", "minutes.saved"])
        }
    }
}
