extension Minutes {
    /// Whether a correction says exactly what the minutes it corrects say. Such a correction is
    /// refused: it would change nothing.
    ///
    /// Both are compared whole (``comparable``), so a field added to the minutes later counts
    /// by itself; only what the store assigns is left out.
    public func saysTheSame(as original: Minutes) -> Bool { comparable == original.comparable }

    /// The minutes as a correction is compared with what it corrects: every field as written,
    /// but without what the store assigns (the id, approval, creation time, planned date, the
    /// record corrected, whether a decision's § number was taken over, which item an action
    /// item continues: it is compared by its number `#N`), and the attendance rows in a fixed
    /// order (the draft lists them by organisation, whatever order they were typed in).
    public var comparable: Minutes {
        var copy = self
        copy.id = nil
        copy.approval = nil
        copy.createdAt = nil
        copy.plannedDate = nil
        copy.amends = nil
        copy.decisions = decisions.map { decision in
            var kept = decision
            kept.inherited = false
            return kept
        }
        copy.newActions = newActions.map { action in
            var kept = action
            kept.id = action.number
            kept.continues = nil
            return kept
        }
        copy.attendance = attendance.sorted { String(describing: $0) < String(describing: $1) }
        copy.organisationAttendance = organisationAttendance.sorted { String(describing: $0) < String(describing: $1) }
        return copy
    }

    /// What a correction did to the action items of the minutes it corrects, in the original's
    /// order: each item changed (text, responsible or due date) or withdrawn (left out).
    public func actionChanges(from original: Minutes) -> [ActionChange] {
        original.newActions.compactMap { before in
            guard let number = before.number else { return nil }
            guard let after = newActions.first(where: { $0.continues == number }) else {
                return ActionChange(number: number, kind: .withdrawn)
            }
            var fields: [ActionChange.Field] = []
            if after.text != before.text { fields.append(.text) }
            if after.responsible != before.responsible { fields.append(.responsible) }
            if after.due != before.due { fields.append(.due) }
            return fields.isEmpty ? nil : ActionChange(number: number, kind: .changed(fields))
        }
    }
}

extension Minutes {
    /// What a correction did to the numbered decisions (`§ N`) of the approved minutes it
    /// corrects, in their order: the numbers whose text it changed and those it left out
    /// (withdrawn). A decision keeps its number in a correction by keeping `§ N` in front of it.
    public func decisionChanges(from original: Minutes) -> (changed: [Int], withdrawn: [Int]) {
        let kept = decisions.filter(\.inherited)
        var changed: [Int] = []
        var withdrawn: [Int] = []
        for before in original.decisions {
            guard let number = before.number else { continue }
            if let after = kept.first(where: { $0.number == number }) {
                if after.text != before.text { changed.append(number) }
            } else {
                withdrawn.append(number)
            }
        }
        return (changed, withdrawn)
    }
}

/// A change a correction made to an action item of the minutes it corrects.
public struct ActionChange: Sendable, Hashable {
    /// What of an item can change.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case text, responsible, due
    }

    public enum Kind: Sendable, Hashable {
        /// These fields differ.
        case changed([Field])
        /// The item is no longer in the minutes: it is withdrawn (*struken*).
        case withdrawn
    }

    /// The item's number (`#N`).
    public var number: Int64
    public var kind: Kind

    public init(number: Int64, kind: Kind) {
        self.number = number
        self.kind = kind
    }
}
