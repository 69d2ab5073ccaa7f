import SamverkanDomain

extension MinutesDraftParser {
    /// The configured name of the chair or an approver (*justerare*) written in the draft: a
    /// person configured for the structure, by id or by name (case and spacing ignored, or as
    /// the draft wrote the configured name). They sign the minutes (`minutes approve`), so an
    /// unknown name is a problem naming the closest configured ones; nil then.
    mutating func signatory(_ written: String, line: Int) -> String? {
        if let person = configuredSignatory(written) { return person.name }
        let close = RegionConfiguration.closest(to: written, among: context.configuration.people(of: context.structure))
        fail(
            line, "minutes.error.unknown-signatory",
            ["value": written, "close": context.phrases.alternatives(close.map { "\"\($0)\"" })])
        return nil
    }

    /// The approvers of a `Justerare:` line, comma-separated; a configured name that holds a
    /// comma itself is read whole.
    mutating func signatories(_ value: String, line: Int) -> [String] {
        let parts = value.split(separator: ",").map(\.trimmed)
        var result: [String] = []
        var index = 0
        while index < parts.count {
            // The longest run of parts that is one configured name, else the part alone.
            let end =
                stride(from: parts.count, to: index + 1, by: -1).first { end in
                    configuredSignatory(parts[index..<end].joined(separator: ", ")) != nil
                } ?? index + 1
            let written = parts[index..<end].joined(separator: ", ")
            index = end
            guard !written.isEmpty else { continue }
            result.append(signatory(written, line: line) ?? written)
        }
        return result
    }

    /// A person configured for the structure whom the written text names.
    func configuredSignatory(_ written: String) -> Person? {
        let configuration = context.configuration
        let candidates = configuration.people(of: context.structure)
        if let person = configuration.findPerson(written, among: candidates) { return person }
        let wanted = written.folded
        return candidates.first { Self.asRead($0.name).folded == wanted }
    }
}
