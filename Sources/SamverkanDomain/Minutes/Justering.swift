public import SamverkanTime

/// Who must sign minutes and who has: the chair and the approvers (*justerare*) named in them.
///
/// Built by ``RegionConfiguration/justering(structure:chair:approvers:signatures:)``, which
/// matches the names written in the minutes to the people configured for the structure.
public struct Justering: Sendable, Hashable {
    /// The required signatories' names, chair first, each once. Empty when the minutes name
    /// nobody and the structure has no configured chair: then any one configured person signs.
    public var required: [String]
    /// The signatures given so far.
    public var signatures: [Signature]

    public init(required: [String], signatures: [Signature]) {
        self.required = required
        self.signatures = signatures
    }

    /// The names that have signed.
    public var signed: [String] { signatures.map(\.name) }

    /// The required signatories who have not signed yet.
    public var missing: [String] {
        required.filter { name in !signatures.contains { Justering.same($0.name, name) } }
    }

    /// Whether every required signatory has signed (with nobody required: whether anyone has).
    public var isComplete: Bool { required.isEmpty ? !signatures.isEmpty : missing.isEmpty }

    /// Whether a name is one of the required signatories (case and spacing ignored).
    public func isRequired(_ name: String) -> Bool { required.isEmpty || required.contains { Justering.same($0, name) } }

    /// The signature a name gave, if any.
    public func signature(of name: String) -> Signature? { signatures.first { Justering.same($0.name, name) } }

    /// The day of justering once complete: the latest signature's day.
    public var approvalDate: LocalDate? { isComplete ? signatures.map(\.date).max() : nil }

    /// The day the wait for justering counts from (Swedish practice: within 14 days of the
    /// meeting): the meeting's day for minutes of it; for a correction, the day it was saved —
    /// a correction of old minutes is not late the day it is written.
    /// - Parameters:
    ///   - meeting: the day of the meeting.
    ///   - saved: the day the record was saved, if known.
    ///   - isCorrection: whether the record corrects other minutes (`minutes amend`).
    public static func waitingSince(meeting: LocalDate, saved: LocalDate?, isCorrection: Bool) -> LocalDate {
        guard isCorrection, let saved else { return meeting }
        return max(meeting, saved)
    }

    /// Two names are the same person's when they match ignoring case and spacing.
    public static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    /// A name's comparison key: lowercased words separated by single spaces.
    public static func key(_ name: String) -> String { name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
