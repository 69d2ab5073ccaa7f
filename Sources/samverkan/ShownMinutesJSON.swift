import SamverkanDomain
import SamverkanStore

/// One record of `minutes show --format json`: the minutes' own fields, then their justering —
/// every signature (who signed, on which day), the required signatories and those still
/// missing — and whether a correction of them waits for approval.
struct ShownMinutesJSON: Encodable {
    let minutes: Minutes
    let signatures: [Signature]
    let requiredSignatories: [String]
    let missingSignatories: [String]
    /// These approved minutes count while a correction of them waits for approval.
    let correctionPending: Bool

    enum CodingKeys: String, CodingKey {
        case signatures, requiredSignatories, missingSignatories, correctionPending
    }

    /// The records shown (the minutes and their corrections, oldest first) with their justering.
    static func records(_ records: [Minutes], environment: MinutesEnvironment) throws -> [ShownMinutesJSON] {
        try records.map { record in
            let id = record.id ?? 0
            let signatures = try environment.store { try environment.database.signatures(minutesID: id) }
            let justering = environment.configuration.structure(record.structureID).map {
                environment.configuration.justering(
                    structure: $0, chair: record.chair, approvers: record.approvers, signatures: signatures)
            }
            let correction = records.first { $0.amends == record.id }
            return ShownMinutesJSON(
                minutes: record, signatures: signatures, requiredSignatories: justering?.required ?? [],
                // Approved minutes, and minutes a correction replaced, wait for nobody.
                missingSignatories: record.approval == nil && correction == nil ? justering?.missing ?? [] : [],
                correctionPending: record.approval != nil && correction.map { $0.approval == nil } == true)
        }
    }

    func encode(to encoder: any Encoder) throws {
        try minutes.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(signatures, forKey: .signatures)
        try container.encode(requiredSignatories, forKey: .requiredSignatories)
        try container.encode(missingSignatories, forKey: .missingSignatories)
        try container.encode(correctionPending, forKey: .correctionPending)
    }
}
