import SamverkanDomain
import SamverkanStore

/// The child rows of a set of minutes rows, read table by table (one query each for all the
/// minutes at once) and kept per minutes id, in their order.
struct MinutesParts {
    var attendance: [Int64: [Attendance]] = [:]
    var organisationAttendance: [Int64: [OrganisationAttendance]] = [:]
    var agenda: [Int64: [AgendaCoverage]] = [:]
    var items: [Int64: [FreeAgendaItem]] = [:]
    var decisions: [Int64: [Decision]] = [:]
    var newActions: [Int64: [ActionItem]] = [:]
    var actionFollowUps: [Int64: [ActionFollowUp]] = [:]
    var activityFollowUps: [Int64: [ActivityFollowUp]] = [:]

    /// The parts of every minutes row (alias `m`) that passes `condition`.
    static func fetch(where condition: String, _ values: [SQLValue], on client: PostgresClient) async throws -> MinutesParts {
        var parts = MinutesParts()
        /// The rows of table `table` (alias `c`), each with its minutes id first.
        func rows(_ table: String, _ columns: String) async throws -> [(Int64, PostgresRow)] {
            let result = try await client.rows(
                """
                SELECT c.minutes_id, \(columns) FROM \(table) c JOIN minutes m ON m.id = c.minutes_id
                WHERE \(condition) ORDER BY c.minutes_id, c.position
                """, values)
            return try PostgresRow.all(result, table: table).map { (try $0.integer(0, "minutes_id"), $0) }
        }
        for (id, row) in try await rows("minutes_attendance", "c.person_id, c.organisation_id, c.principal, c.present, c.substitute") {
            parts.attendance[id, default: []].append(
                Attendance(
                    personID: try row.text(1, "person_id"), organisationID: try row.text(2, "organisation_id"),
                    principal: try row.raw(3, "principal", Principal.init(rawValue:)), present: try row.bool(4, "present"),
                    substitute: try row.optionalText(5, "substitute")))
        }
        for (id, row) in try await rows("minutes_organisation_attendance", "c.organisation_id, c.principal, c.present, c.attendee") {
            parts.organisationAttendance[id, default: []].append(
                OrganisationAttendance(
                    organisationID: try row.text(1, "organisation_id"), principal: try row.raw(2, "principal", Principal.init(rawValue:)),
                    present: try row.bool(3, "present"), attendee: try row.text(4, "attendee")))
        }
        for (id, row) in try await rows("minutes_agenda", "c.agenda_item_id, c.covered, c.notes") {
            parts.agenda[id, default: []].append(
                AgendaCoverage(
                    itemID: try row.text(1, "agenda_item_id"), covered: try row.bool(2, "covered"), notes: try row.text(3, "notes")))
        }
        for (id, row) in try await rows("minutes_items", "c.title, c.notes") {
            parts.items[id, default: []].append(FreeAgendaItem(title: try row.text(1, "title"), notes: try row.text(2, "notes")))
        }
        for (id, row) in try await rows("decisions", "c.number, c.text, c.inherited") {
            let number = try row.optionalInteger(1, "number").map(Int.init)
            parts.decisions[id, default: []].append(
                Decision(number: number, text: try row.text(2, "text"), inherited: try row.bool(3, "inherited")))
        }
        for (id, row) in try await rows("action_items", "c.id, c.text, c.responsible_kind, c.responsible_id, c.due, c.continues_id") {
            let responsible = Responsible(
                kind: try row.raw(3, "responsible_kind", Responsible.Kind.init(rawValue:)), id: try row.text(4, "responsible_id"))
            parts.newActions[id, default: []].append(
                ActionItem(
                    id: try row.integer(1, "id"), text: try row.text(2, "text"), responsible: responsible, due: try row.date(5, "due"),
                    continues: try row.optionalInteger(6, "continues_id")))
        }
        for (id, row) in try await rows("action_follow_ups", "c.action_id, c.status, c.comment") {
            parts.actionFollowUps[id, default: []].append(
                ActionFollowUp(
                    actionID: try row.integer(1, "action_id"), status: try row.raw(2, "status", ActionStatus.init(rawValue:)),
                    comment: try row.text(3, "comment")))
        }
        for (id, row) in try await rows("activity_follow_ups", "c.activity_id, c.status, c.comment") {
            parts.activityFollowUps[id, default: []].append(
                ActivityFollowUp(
                    activityID: try row.text(1, "activity_id"), status: try row.raw(2, "status", ActivityStatus.init(rawValue:)),
                    comment: try row.text(3, "comment")))
        }
        return parts
    }
}
