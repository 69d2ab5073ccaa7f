import SamverkanDomain

extension MinutesDraftParser {
    /// `- [x] rest` or `- [ ] rest` (also `[X]`, `*` bullets).
    static func checkbox(_ line: String) -> (Bool, String)? {
        guard line.hasScalarPrefix("- [") || line.hasScalarPrefix("* [") else { return nil }
        let rest = line.droppingScalars(3)
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let mark = rest[..<close].trimmed.lowercased()
        guard mark.isEmpty || mark == "x" else { return nil }
        return (mark == "x", rest[rest.index(after: close)...].trimmed)
    }

    /// Splits `head | key: value | key: value`; a `|` not followed by a known key stays in the text.
    mutating func fields(of text: String, keys: [String], line: Int) -> (String, [String: String]) {
        let labels = Dictionary(keys.map { (context.phrases.text("minutes.field.\($0)").folded, $0) }, uniquingKeysWith: { a, _ in a })
        var head = ""
        var values: [String: String] = [:]
        var current: String?
        for (index, segment) in text.split(separator: "|", omittingEmptySubsequences: false).enumerated() {
            if index > 0, let colon = segment.firstIndex(of: ":"), let key = labels[segment[..<colon].folded] {
                current = key
                values[key] = segment[segment.index(after: colon)...].trimmed
            } else if index == 0 {
                head = String(segment)
            } else if let key = current {
                values[key, default: ""] += "|" + segment
            } else {
                head += "|" + segment
            }
        }
        return (head.trimmed, values.mapValues(\.trimmed))
    }

    /// A person as the draft's attendance list writes them: `Name (Role)`, on one line.
    static func attendanceName(_ person: Person) -> String {
        let name = MinutesDraft.writtenName(person)
        guard let role = person.role, !role.isEmpty else { return asRead(name) }
        return asRead("\(name) (\(role))")
    }

    /// Whether an attendance line's text is a written name, alone or followed by ` | …`.
    static func startsWith(_ rest: String, _ name: String) -> Bool {
        let text = rest.folded
        let wanted = name.folded
        guard !wanted.isEmpty, text.hasPrefix(wanted) else { return false }
        let after = text.dropFirst(wanted.count).trimmed
        return after.isEmpty || after.hasPrefix("|")
    }

    /// The text after a written name: its fields, `| ersättare: …` (empty head).
    static func afterName(_ rest: String, _ name: String) -> String {
        String(rest.folded == name.folded ? "" : rest.trimmed.dropFirst(name.trimmed.count))
    }

    /// A configured text as the parser reads it back from the draft: on one line, comments removed.
    static func asRead(_ text: String) -> String {
        withoutComments(text.singleLine).lines.first.map(String.init) ?? ""
    }

    /// A participant (or any configured person) by id or name.
    mutating func person(named name: String, line: Int) -> Person? {
        let wanted = name.folded
        let config = context.configuration
        if let person = config.person(name.trimmed) { return person }
        let attendees = context.attendees.filter { $0.name.singleLine.folded == wanted }
        if attendees.count == 1 { return attendees[0] }
        let everyone = config.people.filter { $0.name.singleLine.folded == wanted }
        if attendees.count > 1 || everyone.count > 1 {
            fail(line, "minutes.error.ambiguous-person", ["value": name])
            return nil
        }
        if let person = everyone.first { return person }
        fail(line, "minutes.error.unknown-person", ["value": name])
        return nil
    }

    /// A person or organisation by id or name.
    func responsible(named name: String) -> Responsible? {
        let config = context.configuration
        let wanted = name.folded
        if let person = config.person(name) { return Responsible(kind: .person, id: person.id) }
        if let organisation = config.organisation(name) { return Responsible(kind: .organisation, id: organisation.id) }
        let people = config.people.filter { $0.name.singleLine.folded == wanted }
        if people.count == 1 { return Responsible(kind: .person, id: people[0].id) }
        let organisations = config.organisations.filter { $0.name.singleLine.folded == wanted }
        if organisations.count == 1 { return Responsible(kind: .organisation, id: organisations[0].id) }
        return nil
    }

    /// A status word (`klar`, `delvis`, `pågår`, `ej påbörjad`, or the English code).
    mutating func status(_ value: String?, line: Int) -> ActionStatus? {
        let p = context.phrases
        let statuses = p.alternatives(ActionStatus.allCases.reversed().map { "\"\(p.text($0.phraseKey))\"" })
        guard let value, !value.isEmpty else {
            fail(line, "minutes.error.status-missing", ["statuses": statuses])
            return nil
        }
        let wanted = value.folded
        if let status = ActionStatus.allCases.first(where: { p.text($0.phraseKey).folded == wanted || $0.rawValue == wanted }) {
            return status
        }
        fail(line, "minutes.error.status-invalid", ["value": value, "statuses": statuses])
        return nil
    }
}
