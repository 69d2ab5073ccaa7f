extension RegionConfiguration {
    /// The people configured for a structure: its chair, its secretary and its participants,
    /// each once.
    public func people(of structure: CollaborationStructure) -> [Person] {
        var result: [Person] = []
        for person in [structure.chair, structure.secretary].compactMap({ $0 }).compactMap(person) + participants(of: structure)
        where !result.contains(where: { $0.id == person.id }) {
            result.append(person)
        }
        return result
    }

    /// A person named by id or by name (case and spacing ignored), among `candidates`.
    public func findPerson(_ text: String, among candidates: [Person]) -> Person? {
        let wanted = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let person = candidates.first(where: { $0.id == wanted }) { return person }
        return candidates.first { Justering.same($0.name, wanted) }
    }

    /// A person named by id or by name (case and spacing ignored), among everyone configured.
    public func findPerson(_ text: String) -> Person? {
        findPerson(text, among: people)
    }

    /// The names of the people among `candidates` closest to a misspelt name or id (at most
    /// `limit`, best first). A name also matches by one of its words ("varberg" finds
    /// "Socialchef Varberg").
    public static func closest(to text: String, among candidates: [Person], limit: Int = 3) -> [String] {
        let wanted = Justering.key(text)
        let threshold = max(2, wanted.count / 3)
        let scored = candidates.map { person -> (name: String, score: Int) in
            let key = Justering.key(person.name)
            let words = key.split(separator: " ").map(String.init)
            let score = ([key, person.id.lowercased()] + words).map { EditDistance.between(wanted, $0) }.min() ?? Int.max
            return (person.name, score)
        }
        // The best matches and those nearly as close, not every name within reach.
        let best = scored.map(\.score).min() ?? Int.max
        return scored.filter { $0.score <= min(threshold, best + 1) }.sorted { ($0.score, $0.name) < ($1.score, $1.name) }
            .prefix(limit).map(\.name)
    }

    /// Who must sign minutes of a structure: the chair and the approvers (*justerare*) named in
    /// them, matched to the people configured for the structure (by id or name; a name that
    /// matches nobody is kept as written), each once; when the minutes name nobody, the
    /// structure's configured chair.
    public func justering(structure: CollaborationStructure, chair: String, approvers: [String], signatures: [Signature] = [])
        -> Justering
    {
        let candidates = people(of: structure)
        return justering(
            structure: structure, chair: chair, approvers: approvers, signatures: signatures,
            find: { text in findPerson(text, among: candidates) ?? findPerson(text) })
    }

    /// ``justering(structure:chair:approvers:signatures:)`` for many minutes: the structure's
    /// people and everyone configured looked up in directories made once
    /// (``PersonDirectory``: the structure's ``people(of:)``, and ``people``).
    public func justering(
        structure: CollaborationStructure, chair: String, approvers: [String], signatures: [Signature] = [],
        candidates: PersonDirectory, everyone: PersonDirectory
    ) -> Justering {
        justering(
            structure: structure, chair: chair, approvers: approvers, signatures: signatures,
            find: { text in candidates.find(text) ?? everyone.find(text) })
    }

    /// Justering with `find` matching a name written in minutes to a configured person.
    private func justering(
        structure: CollaborationStructure, chair: String, approvers: [String], signatures: [Signature],
        find: (String) -> Person?
    ) -> Justering {
        var required: [String] = []
        for written in [chair] + approvers {
            let text = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !text.isEmpty else { continue }
            let name = find(text)?.name ?? text
            if !required.contains(where: { Justering.same($0, name) }) { required.append(name) }
        }
        if required.isEmpty, let configured = structure.chair.flatMap(person) { required = [configured.name] }
        return Justering(required: required, signatures: signatures)
    }
}
