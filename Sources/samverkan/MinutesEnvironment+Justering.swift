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

    /// The justering of the minutes among `wanted` that are partly signed, by id. Minutes that a
    /// correction replaced wait for nobody (their signatures stay with them): none is missing.
    func partlySigned(_ wanted: Set<Int64>) async throws -> [Int64: Justering] {
        var result: [Int64: Justering] = [:]
        for id in wanted.sorted() {
            let signatures = try await store { try await database.signatures(minutesID: id) }
            guard !signatures.isEmpty, let minutes = try await store({ try await database.minutes(id: id) }) else { continue }
            let pending = PendingMinutes(
                id: id, structureID: minutes.structureID, date: minutes.date, chair: minutes.chair, approvers: minutes.approvers,
                signatures: signatures)
            guard var justering = justering(of: pending) else { continue }
            if try await store({ try await database.amendments(of: id) }).first != nil { justering.required = [] }
            result[id] = justering
        }
        return result
    }

    /// The status of minutes not approved, by id, among `records`: who signed and who is
    /// missing; for a correction of partly signed minutes, that their signatures do not carry over.
    func draftStatuses(_ records: [(id: Int64, amends: Int64?)]) async throws -> [Int64: String] {
        var result = try await partlySigned(Set(records.map(\.id))).mapValues(draftStatus)
        for record in records {
            guard let original = record.amends, try await signaturesLeftBehind(amending: original) else { continue }
            result[record.id] =
                (result[record.id] ?? phrases.text("minutes.draft")) + "; "
                + phrases.text("minutes.signatures-left-behind", ["original": String(original)])
        }
        return result
    }

    /// Whether `pending` corrects minutes that were partly signed (not approved): their
    /// signatures stay with them and do not carry over to the correction, which every required
    /// signatory signs anew.
    func signaturesLeftBehind(by pending: PendingMinutes) async throws -> Bool {
        try await signaturesLeftBehind(amending: pending.amends)
    }

    /// Whether `original` (the minutes a correction corrects) was partly signed, not approved.
    func signaturesLeftBehind(amending original: Int64?) async throws -> Bool {
        guard let original else { return false }
        let approved = try await store { try await database.minutes(id: original) }?.approval != nil
        if approved { return false }
        return try await !store { try await database.signatures(minutesID: original) }.isEmpty
    }
}
