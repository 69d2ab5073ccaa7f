import Foundation
public import SamverkanDomain
public import SamverkanStore
public import SamverkanTime

/// An embedded store holding every kind of row an archive carries, for the tests that import
/// it into PostgreSQL: approved and signed minutes, a signature short of approval, an approved
/// correction, minutes of another structure in other words, and a cancelled meeting.
public enum ArchiveSource {
    /// A date from `YYYY-MM-DD`.
    public static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// RUG minutes (or another structure's) with every kind of part an archive carries.
    public static func minutes(
        _ structure: String = "rug", on date: String, decisions: [String] = [], actions: [String] = [],
        followUps: [ActionFollowUp] = [], chair: String = "Cia Carlsson"
    ) -> Minutes {
        Minutes(
            structureID: structure, date: day(date), time: LocalTime(hour: 9, minute: 0), plannedDate: day(date),
            place: "Regionens hus / sal Å", chair: chair, secretary: "Bo Berg", approvers: ["Anna Ek"],
            attendance: [
                Attendance(personID: "anna", organisationID: "halmstad", principal: .municipality, present: true),
                Attendance(personID: "bo", organisationID: "vc-norr", principal: .region, present: false, substitute: "Eva Ek"),
            ],
            organisationAttendance: [
                OrganisationAttendance(organisationID: "laholm", principal: .municipality, present: true, attendee: "Åsa Öberg")
            ],
            agenda: [AgendaCoverage(itemID: "fasta-kontakter", covered: true, notes: "Genomgång \"fasta\" kontakter")],
            previousApproved: true, actionFollowUps: followUps,
            activityFollowUps: [ActivityFollowUp(activityID: "hemsjukvard", status: .started, comment: "Igång")],
            items: [FreeAgendaItem(title: "Information", notes: "Hemsjukvården berättade\nom läget 😊")],
            decisions: decisions.map { Decision(text: $0) },
            newActions: actions.map { ActionItem(text: $0, responsible: Responsible(kind: .person, id: "anna"), due: day("2025-06-30")) })
    }

    /// The source store and the ids of its minutes.
    public static func make() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        let first = try db.save(minutes(on: "2025-02-13", decisions: ["A", "B"], actions: ["Rutin", "Kontaktperson"]))
        let approved = try db.approve(id: first.id!, by: ["Cia Carlsson", "Anna Ek"], date: day("2025-02-20"))
        let numbers = approved.newActions.compactMap(\.id)
        let second = try db.save(
            minutes(
                on: "2025-03-13", decisions: ["C"], actions: ["Uppföljning"],
                followUps: [
                    ActionFollowUp(actionID: numbers[0], status: .done),
                    ActionFollowUp(actionID: numbers[1], status: .partly, comment: "Två av sex"),
                ]))
        _ = try db.sign(id: second.id!, names: ["Cia Carlsson"], date: day("2025-03-14"), required: ["Cia Carlsson", "Anna Ek"])
        var correction = approved
        correction.id = nil
        correction.approval = nil
        correction.amends = approved.id
        correction.decisions = approved.decisions.map { Decision(number: $0.number, text: $0.text, inherited: true) }
        correction.newActions = approved.newActions.map {
            ActionItem(text: $0.text, responsible: $0.responsible, due: $0.due, continues: $0.number)
        }
        correction.place = "Kommunhuset"
        let saved = try db.save(correction)
        _ = try db.approve(id: saved.id!, by: ["Cia Carlsson"], date: day("2025-04-02"))
        _ = try db.save(minutes("grupp-halmstad", on: "2025-03-20", decisions: ["Ö"], chair: "Örjan Ås"))
        try db.cancel(structureID: "rug", date: day("2025-05-08"), reason: "Krockar med länsdagen")
        return db
    }
}
