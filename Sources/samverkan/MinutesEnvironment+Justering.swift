import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

extension MinutesEnvironment {
    /// The configured name of who signs with `--by TEXT`: a required signatory as named, or a
    /// person configured for the structure (or elsewhere) by id or name.
    /// - Throws: ``CLIError`` `minutes.signatory-unknown(-close)` naming the closest names.
    func signatory(_ text: String, structure: CollaborationStructure, justering: Justering) throws -> String {
        if let required = justering.required.first(where: { Justering.same($0, text) }) { return required }
        let candidates = configuration.people(of: structure)
        if let person = configuration.findPerson(text, among: candidates) ?? configuration.findPerson(text) {
            return person.name
        }
        let close = RegionConfiguration.closest(to: text, among: candidates)
        let values = ["name": text, "structure": structure.name]
        if close.isEmpty { throw CLIError("minutes.signatory-unknown", values) }
        throw CLIError(
            "minutes.signatory-unknown-close",
            values.merging(["close": phrases.alternatives(close.map { "\"\($0)\"" })]) { _, new in new })
    }

    /// Who must sign pending minutes and who has, by the structure's configuration (nil when
    /// the structure is no longer configured).
    func justering(of pending: PendingMinutes) -> Justering? {
        configuration.structure(pending.structureID).map { structure in
            configuration.justering(
                structure: structure, chair: pending.chair, approvers: pending.approvers, signatures: pending.signatures)
        }
    }

    /// The status text of minutes not approved: "ej justerad", or who has signed and who is missing.
    func draftStatus(_ justering: Justering?) -> String {
        guard let justering, !justering.signatures.isEmpty else { return phrases.text("minutes.draft") }
        let by = justering.signatures.map { phrases.text("minutes.signed-on", ["name": $0.name, "date": $0.date.iso]) }
        if justering.missing.isEmpty { return phrases.text("minutes.partly-signed", ["by": phrases.list(by)]) }
        return phrases.text("minutes.partly-signed.missing", ["by": phrases.list(by), "missing": phrases.list(justering.missing)])
    }

    /// The justering of the minutes among `wanted` that are partly signed, by id.
    func partlySigned(_ wanted: Set<Int64>) throws -> [Int64: Justering] {
        guard !wanted.isEmpty else { return [:] }
        var result: [Int64: Justering] = [:]
        for pending in try store({ try database.pendingMinutes() }) where wanted.contains(pending.id) && !pending.signatures.isEmpty {
            result[pending.id] = justering(of: pending)
        }
        return result
    }
}
