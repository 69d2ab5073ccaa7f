import SamverkanDomain

extension MinutesDraftParser {
    /// The configured name of the chair or an approver (*justerare*) written in the draft: a
    /// person configured for the structure, by id or by name (case and spacing ignored). They
    /// sign the minutes (`minutes approve`), so an unknown name is a problem naming the
    /// closest configured ones; nil then.
    mutating func signatory(_ written: String, line: Int) -> String? {
        let configuration = context.configuration
        let candidates = configuration.people(of: context.structure)
        if let person = configuration.findPerson(written, among: candidates) { return person.name }
        let close = RegionConfiguration.closest(to: written, among: candidates)
        fail(
            line, "minutes.error.unknown-signatory",
            ["value": written, "close": context.phrases.alternatives(close.map { "\"\($0)\"" })])
        return nil
    }
}
