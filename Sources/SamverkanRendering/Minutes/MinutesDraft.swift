public import SamverkanDomain
public import SamverkanTime

/// Renders minutes as the Markdown draft the secretary fills in (`Templates/<lang>/minutes.md`).
///
/// The same format serves a new draft (from ``blank(context:date:time:)``), a draft kept after
/// an error, and an amendment prefilled with the minutes it corrects; ``MinutesDraftParser``
/// reads it back. Values that must stay on their line (names, places, titles, comments) are
/// written on one line even when the configuration holds a line break.
public enum MinutesDraft {
    /// Empty minutes for a meeting: everyone absent until marked, no agenda item covered yet,
    /// every open action item and activity with its current status.
    public static func blank(context: MinutesDraftContext, date: LocalDate, time: LocalTime?) -> Minutes {
        let structure = context.structure
        let people = context.configuration
        return Minutes(
            structureID: structure.id, date: date, time: time ?? structure.time,
            place: structure.place ?? "",
            chair: structure.chair.flatMap { people.person($0)?.name } ?? "",
            secretary: structure.secretary.flatMap { people.person($0)?.name } ?? "",
            attendance: context.attendees.map { person in
                Attendance(
                    personID: person.id, organisationID: person.organisation,
                    principal: people.organisation(person.organisation)?.principal ?? .other, present: false)
            },
            organisationAttendance: context.unstaffedMembers.map {
                OrganisationAttendance(organisationID: $0.id, principal: $0.principal, present: false)
            },
            agenda: structure.standingAgenda.map { AgendaCoverage(itemID: $0.id, covered: false) },
            previousApproved: context.previous == nil ? nil : false,
            actionFollowUps: context.openActions.compactMap { open in
                open.item.id.map { ActionFollowUp(actionID: $0, status: open.status) }
            },
            activityFollowUps: structure.activities.map {
                ActivityFollowUp(activityID: $0.id, status: context.activityStatus[$0.id] ?? $0.status)
            },
            amends: context.amends?.id)
    }

    /// The draft text of minutes, in the template's language.
    /// - Parameters:
    ///   - template: `Templates/<lang>/minutes.md`, compiled (``TemplateLibrary/template(_:)``).
    ///   - context: the structure, people and open items.
    ///   - minutes: what to fill in (``blank(context:date:time:)`` for a new meeting).
    ///   - structureLabel: what the structure line shows instead of the id (a document to
    ///     read, not a draft).
    public static func render(
        template: TextTemplate, context: MinutesDraftContext, minutes: Minutes, structureLabel: String? = nil
    ) -> String {
        let p = context.phrases
        let structure = context.structure
        var title = structure.name.singleLine
        if let amended = context.amends?.id { title += " – " + p.text("minutes.amends", ["id": String(amended)]) }
        return template.render([
            "title": title,
            "structure": structureLabel ?? structure.id,
            "date": minutes.date.iso,
            "time": minutes.time?.description ?? "",
            "place": minutes.place.singleLine,
            "chair": minutes.chair.singleLine,
            "secretary": minutes.secretary.singleLine,
            "approvers": minutes.approvers.map(\.singleLine).joined(separator: ", "),
            "attendance": attendance(minutes, context),
            "agenda": agenda(minutes, context),
            "previous": previous(minutes, context),
            "follow-ups": followUps(minutes, context),
            "activities": activities(minutes, context),
            "items": minutes.items.map { "### \($0.title.singleLine)\n" + ($0.notes.isEmpty ? "" : $0.notes + "\n") }.joined(
                separator: "\n"),
            "decisions": minutes.decisions.map { decision in
                "- " + (decision.number.map { "§ \($0) " } ?? "") + indentContinuation(decision.text)
            }.joined(separator: "\n"),
            "actions": minutes.newActions.map { action in
                "- " + (action.number.map { "#\($0) " } ?? "")
                    + "\(action.text.singleLine) | \(p.text("minutes.field.responsible")): \(action.responsible.id) | \(p.text("minutes.field.due")): \(action.due.iso)"
            }.joined(separator: "\n"),
            "responsible-example": context.attendees.first?.id ?? structure.members.first ?? "",
        ])
    }

    static func attendance(_ minutes: Minutes, _ context: MinutesDraftContext) -> String {
        let config = context.configuration
        let byPerson = Dictionary(minutes.attendance.map { ($0.personID, $0) }, uniquingKeysWith: { a, _ in a })
        var order: [String] = context.structure.members
        for row in minutes.attendance where !order.contains(row.organisationID) { order.append(row.organisationID) }
        for row in minutes.organisationAttendance where !order.contains(row.organisationID) { order.append(row.organisationID) }
        var blocks: [String] = []
        for organisationID in order {
            let rows = minutes.attendance.filter { $0.organisationID == organisationID }
            let organisationRow = minutes.organisationAttendance.first { $0.organisationID == organisationID }
            guard !rows.isEmpty || organisationRow != nil else { continue }
            var lines = ["### " + (config.organisation(organisationID)?.name ?? organisationID).singleLine]
            for row in rows {
                let person = config.person(row.personID)
                var line = "- [\(byPerson[row.personID]?.present == true ? "x" : " ")] " + (person.map(writtenName) ?? row.personID)
                if let role = person?.role, !role.isEmpty { line += " (\(role.singleLine))" }
                if let substitute = row.substitute, !substitute.isEmpty {
                    line += " | \(context.phrases.text("minutes.field.substitute")): \(substitute.singleLine)"
                }
                lines.append(line)
            }
            if let row = organisationRow {
                // `- [x] Organisation | deltagare: who came`
                lines.append(
                    "- [\(row.present ? "x" : " ")] " + organisationName(organisationID, config)
                        + " | \(context.phrases.text("minutes.field.attendee")):"
                        + (row.attendee.isEmpty ? "" : " " + row.attendee.singleLine))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// An organisation's name as the draft writes it: on one line, the id when the name is blank
    /// or the organisation is no longer configured.
    static func organisationName(_ id: String, _ configuration: RegionConfiguration) -> String {
        let name = configuration.organisation(id)?.name.singleLine ?? ""
        return name.trimmed.isEmpty ? id : name
    }

    /// A person's name as the draft writes it: on one line, the id when the name is blank.
    static func writtenName(_ person: Person) -> String {
        let name = person.name.singleLine
        return name.trimmed.isEmpty ? person.id : name
    }

    static func agenda(_ minutes: Minutes, _ context: MinutesDraftContext) -> String {
        minutes.agenda.map { row in
            let title = context.structure.standingAgenda.first { $0.id == row.itemID }?.title ?? row.itemID
            var text = "- [\(row.covered ? "x" : " ")] \(title.singleLine)"
            if !row.notes.isEmpty {
                text += "\n" + row.notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            }
            return text
        }.joined(separator: "\n")
    }

    static func previous(_ minutes: Minutes, _ context: MinutesDraftContext) -> String {
        guard let previous = context.previous, let approved = minutes.previousApproved else {
            return context.phrases.text("minutes.previous.none")
        }
        return "- [\(approved ? "x" : " ")] "
            + context.phrases.text("minutes.previous.line", ["date": previous.date.iso, "id": String(previous.id)])
    }

    static func followUps(_ minutes: Minutes, _ context: MinutesDraftContext) -> String {
        let p = context.phrases
        guard !minutes.actionFollowUps.isEmpty else { return p.text("minutes.none.follow-ups") }
        return minutes.actionFollowUps.map { row in
            var line = "- #\(row.actionID)"
            // An item a correction withdrew later: its last text, and where it was withdrawn.
            let withdrawn = context.withdrawn(row.actionID)
            let known =
                context.openActions.first { $0.item.id == row.actionID }.map { ($0.item, $0.decidedOn) }
                ?? withdrawn.map { ($0.item, $0.decidedOn) }
            if let (item, decidedOn) = known {
                var facts = [
                    "\(p.text("minutes.field.responsible")): \(context.name(of: item.responsible).singleLine)",
                    "\(p.text("minutes.field.due")): \(item.due.iso)", p.text("minutes.action.decided", ["date": decidedOn.iso]),
                ]
                if let withdrawn {
                    facts.append(
                        p.text(
                            "minutes.action.withdrawn-in", ["id": String(withdrawn.withdrawnIn), "original": String(withdrawn.corrects)]))
                }
                line += " \(item.text.singleLine) (\(facts.joined(separator: ", ")))"
            }
            return line
                + " | \(p.text("minutes.field.status")): \(p.text(row.status.phraseKey)) | \(p.text("minutes.field.comment")): \(row.comment.singleLine)"
        }.joined(separator: "\n")
    }

    static func activities(_ minutes: Minutes, _ context: MinutesDraftContext) -> String {
        let p = context.phrases
        guard !minutes.activityFollowUps.isEmpty else { return p.text("minutes.none.activities") }
        return minutes.activityFollowUps.map { row in
            let text = context.structure.activities.first { $0.id == row.activityID }?.activity ?? ""
            return
                "- \(row.activityID): \(text.singleLine) | \(p.text("minutes.field.status")): \(p.text(row.status.phraseKey)) | \(p.text("minutes.field.comment")): \(row.comment.singleLine)"
        }.joined(separator: "\n")
    }

    static func indentContinuation(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }
}
