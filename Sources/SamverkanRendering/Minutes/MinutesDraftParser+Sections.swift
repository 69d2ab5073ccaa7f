import SamverkanDomain
import SamverkanTime

extension MinutesDraftParser {
    /// Reads a `Label: value` line of the header; returns which field it was.
    @discardableResult
    mutating func headerField(_ line: String, _ number: Int) -> String? {
        let p = context.phrases
        let keys = ["structure", "date", "time", "place", "chair", "secretary", "approvers"]
        guard let colon = line.firstIndex(of: ":"),
            let key = keys.first(where: { p.text("minutes.field.\($0)").folded == line[..<colon].folded })
        else {
            let fields = keys.map { "\"\(p.text("minutes.field.\($0)")):\"" }
            fail(number, "minutes.error.unknown-field", ["value": line.prefix(40).trimmed, "fields": p.list(fields)])
            return nil
        }
        let value = line[line.index(after: colon)...].trimmed
        switch key {
        case "structure":
            if !value.isEmpty, value != context.structure.id {
                fail(number, "minutes.error.structure", ["value": value, "expected": context.structure.id])
            }
        case "date":
            guard !value.isEmpty else {
                fail(number, "minutes.error.date-missing", ["label": p.text("minutes.field.date")])
                return "date-missing"
            }
            guard let date = LocalDate(iso: value) else {
                fail(number, "minutes.error.date-invalid", ["value": value])
                return "date-missing"
            }
            minutes.date = date
        case "time":
            if value.isEmpty {
                minutes.time = nil
            } else if let time = LocalTime(text: value) {
                minutes.time = time
            } else {
                fail(number, "minutes.error.time-invalid", ["value": value])
            }
        case "place": minutes.place = value
        case "chair":
            chairLine = number
            minutes.chair = value.isEmpty ? value : signatory(value, line: number) ?? value
        case "secretary": minutes.secretary = value
        default:
            approversLine = number
            minutes.approvers = signatories(value, line: number)
        }
        return key
    }

    mutating func attendanceLine(_ line: String, _ number: Int) {
        if firstAttendanceLine == nil { firstAttendanceLine = number }
        if line.hasScalarPrefix("### ") || line == "###" { return }
        guard let (checked, rest) = Self.checkbox(line) else { return fail(number, "minutes.error.checkbox") }
        // The person as the draft wrote them (`Name (Role)`, which may hold `|` or parentheses
        // itself), then `| ersättare: …`; else the name up to the first parenthesis.
        let written = context.attendees.first { Self.startsWith(rest, Self.attendanceName($0)) }
        if written == nil, let organisation = writtenOrganisation(rest) {
            return organisationAttendanceLine(organisation, checked: checked, rest: rest, number)
        }
        let (head, fields) = fields(
            of: written.map { Self.afterName(rest, Self.attendanceName($0)) } ?? rest,
            keys: ["substitute"], line: number)
        var name = head
        if let written {
            name = written.id
        } else if name.hasSuffix(")"), let open = name.firstIndex(of: "("), context.configuration.person(name) == nil {
            name = name[..<open].trimmed
        }
        guard let person = person(named: name, line: number) else { return }
        let organisation = context.configuration.organisation(person.organisation)
        minutes.attendance.removeAll { $0.personID == person.id }
        let substitute = fields["substitute"].flatMap { $0.isEmpty ? nil : $0 }
        minutes.attendance.append(
            Attendance(
                personID: person.id, organisationID: person.organisation,
                principal: organisation?.principal ?? .other, present: checked,
                substitute: substitute))
    }

    mutating func agendaLine(_ line: String, raw: Substring, _ number: Int) {
        if let (checked, rest) = Self.checkbox(line) {
            let wanted = rest.folded
            guard let item = context.structure.standingAgenda.first(where: { Self.asRead($0.title).folded == wanted || $0.id == wanted })
            else {
                currentAgenda = nil
                return fail(number, "minutes.error.unknown-agenda", ["value": rest])
            }
            minutes.agenda.removeAll { $0.itemID == item.id }
            minutes.agenda.append(AgendaCoverage(itemID: item.id, covered: checked))
            currentAgenda = minutes.agenda.count - 1
        } else if let index = currentAgenda {
            minutes.agenda[index].notes += (minutes.agenda[index].notes.isEmpty ? "" : "\n") + line
        } else {
            fail(number, "minutes.error.checkbox")
        }
    }

    mutating func previousLine(_ line: String, _ number: Int) {
        guard let (checked, _) = Self.checkbox(line) else { return fail(number, "minutes.error.checkbox") }
        minutes.previousApproved = checked
    }

    mutating func followUpLine(_ line: String, _ number: Int) {
        guard line.hasPrefix("- #") else { return fail(number, "minutes.error.action-line") }
        let (head, fields) = fields(of: String(line.dropFirst(3)), keys: ["status", "comment"], line: number)
        guard let id = Int64(head.prefix { $0.isNumber }) else { return fail(number, "minutes.error.action-line") }
        if let withdrawn = context.withdrawn(id), !context.openActions.contains(where: { $0.item.id == id }) {
            // Kept as recorded in the minutes corrected; a new follow-up of it is refused.
            guard context.amends?.actionFollowUps.contains(where: { $0.actionID == id }) == true else {
                return fail(
                    number, "minutes.error.action-withdrawn",
                    ["value": String(id), "id": String(withdrawn.withdrawnIn), "original": String(withdrawn.corrects)])
            }
        } else if !context.openActions.contains(where: { $0.item.id == id }) {
            return fail(number, "minutes.error.unknown-action", ["value": String(id)])
        }
        guard let status = status(fields["status"], line: number) else { return }
        minutes.actionFollowUps.removeAll { $0.actionID == id }
        minutes.actionFollowUps.append(ActionFollowUp(actionID: id, status: status, comment: fields["comment"] ?? ""))
    }

    mutating func activityLine(_ line: String, _ number: Int) {
        guard line.hasPrefix("- "), let colon = line.firstIndex(of: ":") else { return fail(number, "minutes.error.action-line") }
        let id = line[line.index(line.startIndex, offsetBy: 2)..<colon].trimmed
        guard context.structure.activities.contains(where: { $0.id == id }) else {
            return fail(number, "minutes.error.unknown-activity", ["value": id])
        }
        let (_, fields) = fields(of: String(line[line.index(after: colon)...]), keys: ["status", "comment"], line: number)
        guard let status = status(fields["status"], line: number) else { return }
        let activityStatus: ActivityStatus
        switch status {
        case .notStarted: activityStatus = .notStarted
        case .inProgress: activityStatus = .started
        case .partly: activityStatus = .partly
        case .done: activityStatus = .done
        }
        minutes.activityFollowUps.removeAll { $0.activityID == id }
        minutes.activityFollowUps.append(ActivityFollowUp(activityID: id, status: activityStatus, comment: fields["comment"] ?? ""))
    }

    mutating func itemLine(_ line: String, _ number: Int) {
        if line.hasScalarPrefix("### ") || line == "###" {
            minutes.items.append(FreeAgendaItem(title: line.droppingScalars(4).trimmed))
        } else if !minutes.items.isEmpty {
            let index = minutes.items.count - 1
            minutes.items[index].notes += (minutes.items[index].notes.isEmpty ? "" : "\n") + line
        } else {
            fail(number, "minutes.error.item-heading")
        }
    }

    mutating func decisionLine(_ line: String, _ number: Int) {
        guard line.hasPrefix("-") else {
            guard let index = currentDecision else { return fail(number, "minutes.error.text-outside") }
            minutes.decisions[index].text += "\n" + line
            return
        }
        var text = line.dropFirst().trimmed
        guard !text.isEmpty else { return }
        var decision = Decision(text: text)
        if text.hasPrefix("§") {
            let digits = text.dropFirst().trimmed.prefix { $0.isNumber }
            if let value = Int(digits) {
                guard context.amends?.decisions.contains(where: { $0.number == value }) == true else {
                    return fail(number, "minutes.error.decision-number", ["value": String(value)])
                }
                text = text.dropFirst().trimmed.dropFirst(digits.count).trimmed
                decision = Decision(number: value, text: text, inherited: true)
            }
        }
        minutes.decisions.append(decision)
        currentDecision = minutes.decisions.count - 1
    }

    mutating func newActionLine(_ line: String, _ number: Int) {
        guard line.hasPrefix("-") else { return fail(number, "minutes.error.new-action") }
        var body = line.dropFirst().trimmed
        guard !body.isEmpty else { return }
        var continues: Int64?
        if let (kept, rest) = Self.actionNumber(body) {
            guard let amended = context.amends else {
                return fail(number, "minutes.error.action-number-new", ["value": String(kept)])
            }
            guard amended.newActions.contains(where: { $0.number == kept }) else {
                return fail(number, "minutes.error.action-number-unknown", ["value": String(kept), "id": String(amended.id ?? 0)])
            }
            guard !minutes.newActions.contains(where: { $0.continues == kept }) else {
                return fail(number, "minutes.error.action-number-twice", ["value": String(kept)])
            }
            continues = kept
            body = rest
        }
        let (text, fields) = fields(of: body, keys: ["responsible", "due"], line: number)
        var ok = true
        if text.isEmpty {
            fail(number, "minutes.error.action-text")
            ok = false
        }
        var responsible: Responsible?
        if let name = fields["responsible"], !name.isEmpty {
            responsible = self.responsible(named: name)
            if responsible == nil {
                fail(number, "minutes.error.responsible-unknown", ["value": name])
                ok = false
            }
        } else {
            fail(number, "minutes.error.responsible-missing")
            ok = false
        }
        var due: LocalDate?
        if let value = fields["due"], !value.isEmpty {
            due = LocalDate(iso: value)
            if due == nil {
                fail(number, "minutes.error.date-invalid", ["value": value])
                ok = false
            }
        } else {
            fail(number, "minutes.error.due-missing")
            ok = false
        }
        guard ok, let responsible, let due else { return }
        minutes.newActions.append(ActionItem(text: text, responsible: responsible, due: due, continues: continues))
    }

    /// `#N rest`: the number an action item of a correction keeps, and the rest of the line.
    static func actionNumber(_ body: String) -> (Int64, String)? {
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst().prefix { $0.isNumber }
        let rest = body.dropFirst(1 + digits.count)
        guard let value = Int64(digits), rest.first.map({ $0 == " " || $0 == "\t" }) ?? true else { return nil }
        return (value, rest.trimmed)
    }
}
