import SamverkanDomain
import SamverkanTime
import Testing

/// `Minutes.saysTheSame(as:)`, the check that refuses an unchanged correction: every field a
/// draft writes counts, whatever field is added later; only what the store assigns does not.
@Suite("minutes comparison of a correction")
struct MinutesComparisonTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// Minutes with every field and every part filled in.
    static let sample = Minutes(
        id: 5, structureID: "rug", date: day("2025-03-13"), time: LocalTime(hour: 9, minute: 0), plannedDate: day("2025-03-13"),
        place: "Halmstad", chair: "Anna Ordförande", secretary: "Sara Sekreterare", approvers: ["Jon Justerare"],
        attendance: [
            Attendance(personID: "p1", organisationID: "halmstad", principal: .municipality, present: true),
            Attendance(personID: "p2", organisationID: "region", principal: .region, present: false, substitute: "Eva Ek"),
        ],
        organisationAttendance: [OrganisationAttendance(organisationID: "hylte", principal: .municipality, present: true, attendee: "Per")],
        agenda: [AgendaCoverage(itemID: "plan", covered: true, notes: "Enligt plan.")], previousApproved: true,
        actionFollowUps: [ActionFollowUp(actionID: 1, status: .partly, comment: "Två av sex")],
        activityFollowUps: [ActivityFollowUp(activityID: "a1", status: .started, comment: "Påbörjad")],
        items: [FreeAgendaItem(title: "Övrigt", notes: "Inget")], decisions: [Decision(number: 1, text: "RUG beslutar.")],
        newActions: [
            ActionItem(id: 7, text: "Utse kontaktperson", responsible: Responsible(kind: .person, id: "p1"), due: day("2025-03-31"))
        ],
        approval: Approval(by: ["Anna Ordförande"], date: day("2025-03-20"), recordedAt: "2025-03-20T10:00:00Z", contentHash: "abc"),
        createdAt: "2025-03-14T08:00:00Z")

    typealias Change = @Sendable (inout Minutes) -> Void

    /// One change of each field a draft writes, by field (`part.field` for the parts' fields).
    static let written: [String: Change] = [
        "structureID": { $0.structureID = "lsg" }, "date": { $0.date = day("2025-03-14") }, "time": { $0.time = nil },
        "place": { $0.place = "Varberg" }, "chair": { $0.chair = "Bo Ordförande" }, "secretary": { $0.secretary = "Bo" },
        "approvers": { $0.approvers = ["Kim Justerare"] },
        "attendance.personID": { $0.attendance[0].personID = "p3" },
        "attendance.organisationID": { $0.attendance[0].organisationID = "laholm" },
        "attendance.principal": { $0.attendance[0].principal = .other }, "attendance.present": { $0.attendance[1].present = true },
        "attendance.substitute": { $0.attendance[1].substitute = nil },
        "organisationAttendance.organisationID": { $0.organisationAttendance[0].organisationID = "laholm" },
        "organisationAttendance.principal": { $0.organisationAttendance[0].principal = .region },
        "organisationAttendance.present": { $0.organisationAttendance[0].present = false },
        "organisationAttendance.attendee": { $0.organisationAttendance[0].attendee = "Pia" },
        "agenda.itemID": { $0.agenda[0].itemID = "avvikelser" }, "agenda.covered": { $0.agenda[0].covered = false },
        "agenda.notes": { $0.agenda[0].notes = "Försenad." }, "previousApproved": { $0.previousApproved = false },
        "actionFollowUps.actionID": { $0.actionFollowUps[0].actionID = 2 },
        "actionFollowUps.status": { $0.actionFollowUps[0].status = .done },
        "actionFollowUps.comment": { $0.actionFollowUps[0].comment = "Tre av sex" },
        "activityFollowUps.activityID": { $0.activityFollowUps[0].activityID = "a2" },
        "activityFollowUps.status": { $0.activityFollowUps[0].status = .done },
        "activityFollowUps.comment": { $0.activityFollowUps[0].comment = "Klar" },
        "items.title": { $0.items[0].title = "Annat" }, "items.notes": { $0.items[0].notes = "Något" },
        "decisions.number": { $0.decisions[0].number = nil }, "decisions.text": { $0.decisions[0].text = "RUG beslutar annat." },
        "newActions.number": { $0.newActions[0].id = 8 }, "newActions.text": { $0.newActions[0].text = "Utse två" },
        "newActions.responsible": { $0.newActions[0].responsible = Responsible(kind: .organisation, id: "halmstad") },
        "newActions.due": { $0.newActions[0].due = day("2025-04-30") },
    ]

    /// What the store assigns or the draft does not say: a change of it is no correction.
    static let assigned: [String: Change] = [
        "id": { $0.id = 9 }, "plannedDate": { $0.plannedDate = nil }, "amends": { $0.amends = 5 }, "approval": { $0.approval = nil },
        "createdAt": { $0.createdAt = nil }, "decisions.inherited": { $0.decisions[0].inherited = true },
        // An item of a correction keeps the number it continues: compared by that number.
        "newActions.id": {
            $0.newActions[0] = ActionItem(
                text: "Utse kontaktperson", responsible: $0.newActions[0].responsible, due: $0.newActions[0].due, continues: 7)
        },
        "newActions.continues": { $0.newActions[0].continues = 7 },
    ]

    /// Every stored property of the minutes and of their parts, as `field` or `part.field`.
    static var fields: Set<String> {
        let m = sample
        var result = Set(Mirror(reflecting: m).children.compactMap(\.label))
        let parts: [(String, Any)] = [
            ("attendance", m.attendance[0]), ("organisationAttendance", m.organisationAttendance[0]), ("agenda", m.agenda[0]),
            ("actionFollowUps", m.actionFollowUps[0]), ("activityFollowUps", m.activityFollowUps[0]), ("items", m.items[0]),
            ("decisions", m.decisions[0]), ("newActions", m.newActions[0]),
        ]
        for (name, part) in parts {
            result.remove(name)
            result.formUnion(Mirror(reflecting: part).children.compactMap(\.label).map { "\(name).\($0)" })
        }
        return result
    }

    @Test("Every field of the minutes and their parts is either compared or named as assigned by the store")
    func everyFieldClassified() {
        let named = Set(Self.written.keys).union(Self.assigned.keys).subtracting(["newActions.number"])
        #expect(Self.fields == named, "not classified: \(Self.fields.subtracting(named)); gone: \(named.subtracting(Self.fields))")
    }

    @Test("A change of any one written field makes a correction acceptable")
    func writtenFieldsCount() {
        for (field, change) in Self.written {
            var corrected = Self.sample
            change(&corrected)
            #expect(!corrected.saysTheSame(as: Self.sample), "\(field)")
        }
    }

    @Test("The same minutes, with other store-assigned facts and attendance typed in another order, say the same")
    func assignedFieldsDoNotCount() {
        #expect(Self.sample.saysTheSame(as: Self.sample))
        for (field, change) in Self.assigned {
            var corrected = Self.sample
            change(&corrected)
            #expect(corrected.saysTheSame(as: Self.sample), "\(field)")
        }
        var reordered = Self.sample
        reordered.attendance.reverse()
        #expect(reordered.saysTheSame(as: Self.sample))
        var added = Self.sample
        added.attendance.append(added.attendance[0])
        #expect(!added.saysTheSame(as: Self.sample))
    }
}
