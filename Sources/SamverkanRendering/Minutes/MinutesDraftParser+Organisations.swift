import SamverkanDomain

/// Attendance lines of member organisations without a configured person:
/// `- [x] Organisation | deltagare: who came`.
extension MinutesDraftParser {
    /// The configured organisation an attendance line starts with (its name as the draft writes
    /// it, or its id), alone or followed by ` | …`.
    func writtenOrganisation(_ rest: String) -> Organisation? {
        let config = context.configuration
        let candidates = context.structure.members.compactMap { config.organisation($0) } + config.organisations
        return candidates.first { organisation in
            Self.startsWith(rest, Self.asRead(MinutesDraft.organisationName(organisation.id, config)))
                || Self.startsWith(rest, organisation.id)
        }
    }

    /// Reads an organisation's line: present or absent, and who came. Only a member of the
    /// structure may be marked; a name without the mark is refused, as it would be lost.
    mutating func organisationAttendanceLine(_ organisation: Organisation, checked: Bool, rest: String, _ number: Int) {
        let config = context.configuration
        let written = MinutesDraft.organisationName(organisation.id, config)
        let after =
            Self.startsWith(rest, Self.asRead(written))
            ? Self.afterName(rest, Self.asRead(written)) : Self.afterName(rest, organisation.id)
        let (head, fields) = fields(of: after, keys: ["attendee"], line: number)
        let label = context.phrases.text("minutes.field.attendee")
        guard head.isEmpty else {
            return fail(number, "minutes.error.organisation-line", ["organisation": written, "label": label])
        }
        guard context.structure.members.contains(organisation.id) else {
            return fail(number, "minutes.error.organisation-not-member", ["organisation": written])
        }
        let attendee = fields["attendee"] ?? ""
        if !checked, !attendee.isEmpty {
            return fail(number, "minutes.error.attendee-not-marked", ["organisation": written, "label": label])
        }
        minutes.organisationAttendance.removeAll { $0.organisationID == organisation.id }
        minutes.organisationAttendance.append(
            OrganisationAttendance(organisationID: organisation.id, principal: organisation.principal, present: checked, attendee: attendee)
        )
    }
}
