public import SamverkanDomain
public import SamverkanTime

/// The engine-neutral rules of the store's writes: what both engines check in the write's
/// transaction, on values they have read, before they write (so they refuse the same things
/// with the same ``StoreError``s).
public enum StoreRules {
    /// Refuses to sign minutes that are missing, approved, replaced by a correction before
    /// approval, or signed on a day before the meeting.
    /// - Parameters:
    ///   - minutes: the minutes as stored, nil when there are none with `id`.
    ///   - newer: the correction of the minutes, if any.
    /// - Returns: the minutes to sign.
    public static func signable(_ minutes: Minutes?, id: Int64, newer: Int64?, date: LocalDate) throws -> Minutes {
        guard let minutes else { throw StoreError("minutes.not-found", ["id": String(id)]) }
        if let approval = minutes.approval {
            throw StoreError("minutes.already-approved", ["id": String(id), "date": approval.date.iso])
        }
        // Minutes a correction replaced before they were approved are signed no more: the
        // correction is what is signed (their signatures do not carry over to it).
        if let newer { throw StoreError("minutes.sign-corrected", ["id": String(id), "newer": String(newer)]) }
        guard date >= minutes.date else {
            throw StoreError("minutes.approved-before-meeting", ["id": String(id), "date": date.iso, "meeting": minutes.date.iso])
        }
        return minutes
    }

    /// Adds each name's signature to a justering, refusing a name that has signed already or
    /// is not a required signatory.
    /// - Returns: the new signatures, in order (to be stored).
    public static func sign(
        _ names: [String], into justering: inout Justering, id: Int64, date: LocalDate, recordedAt: String
    ) throws -> [Signature] {
        var added: [Signature] = []
        for name in names {
            if let earlier = justering.signature(of: name) {
                throw StoreError("minutes.already-signed", ["id": String(id), "name": earlier.name, "date": earlier.date.iso])
            }
            guard justering.isRequired(name) else {
                throw StoreError(
                    "minutes.not-signatory", ["id": String(id), "name": name, "required": justering.required.joined(separator: ", ")])
            }
            let signature = Signature(name: name, date: date, recordedAt: recordedAt)
            justering.signatures.append(signature)
            added.append(signature)
        }
        return added
    }

    /// Who approved complete justering: the required signatories in their order, as they
    /// signed; with nobody required, whoever signed.
    public static func approvers(_ justering: Justering) -> [String] {
        justering.required.isEmpty ? justering.signed : justering.required.compactMap { justering.signature(of: $0)?.name }
    }
}
