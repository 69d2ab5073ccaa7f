import SamverkanDomain
import SamverkanStore

/// One record of `minutes show --format json`: the minutes' own fields, then their justering —
/// every signature (who signed, on which day), the required signatories and those still
/// missing — whether a correction of them waits for approval, and the action items they follow
/// up that a correction withdrew later.
struct ShownMinutesJSON: Encodable {
    let minutes: Minutes
    let signatures: [Signature]
    let requiredSignatories: [String]
    let missingSignatories: [String]
    /// These approved minutes count while a correction of them waits for approval.
    let correctionPending: Bool
    /// The action items followed up in these minutes that a correction withdrew later, as they
    /// last read, with where they were withdrawn.
    let withdrawnActions: [WithdrawnAction]

    enum CodingKeys: String, CodingKey {
        case signatures, requiredSignatories, missingSignatories, correctionPending, withdrawnActions
    }

    /// The records shown (the minutes and their corrections, oldest first) with their justering.
    static func records(_ records: [Minutes], environment: MinutesEnvironment) async throws -> [ShownMinutesJSON] {
        var withdrawn: [String: [WithdrawnAction]] = [:]
        for structure in Set(records.map(\.structureID)) {
            withdrawn[structure] = try await environment.store { try await environment.database.withdrawnActions(structureID: structure) }
        }
        var shown: [ShownMinutesJSON] = []
        for record in records {
            let id = record.id ?? 0
            let numbered = try await environment.store { try await environment.database.withActionNumbers(record) }
            let followed = Set(numbered.actionFollowUps.map(\.actionID))
            let signatures = try await environment.store { try await environment.database.signatures(minutesID: id) }
            let justering = environment.configuration.structure(record.structureID).map {
                environment.configuration.justering(
                    structure: $0, chair: record.chair, approvers: record.approvers, signatures: signatures)
            }
            let correction = records.first { $0.amends == record.id }
            shown.append(
                ShownMinutesJSON(
                    minutes: record, signatures: signatures, requiredSignatories: justering?.required ?? [],
                    // Approved minutes, and minutes a correction replaced, wait for nobody.
                    missingSignatories: record.approval == nil && correction == nil ? justering?.missing ?? [] : [],
                    correctionPending: record.approval != nil && correction.map { $0.approval == nil } == true,
                    withdrawnActions: (withdrawn[record.structureID] ?? []).filter { $0.item.id.map(followed.contains) == true }))
        }
        return shown
    }

    func encode(to encoder: any Encoder) throws {
        try minutes.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(signatures, forKey: .signatures)
        try container.encode(requiredSignatories, forKey: .requiredSignatories)
        try container.encode(missingSignatories, forKey: .missingSignatories)
        try container.encode(correctionPending, forKey: .correctionPending)
        try container.encode(withdrawnActions, forKey: .withdrawnActions)
    }
}
