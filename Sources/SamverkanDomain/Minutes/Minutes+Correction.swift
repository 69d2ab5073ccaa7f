extension Minutes {
    /// Whether a correction says exactly what the minutes it corrects say: the same meeting,
    /// people, attendance, agenda, follow-ups, items, decisions and action items (by number).
    /// Store-assigned facts (ids, approval, creation time, the planned date, § numbers not yet
    /// given) do not count. Such a correction is refused: it would change nothing.
    public func saysTheSame(as original: Minutes) -> Bool {
        func decisions(_ minutes: Minutes) -> [Decision] { minutes.decisions.map { Decision(number: $0.number, text: $0.text) } }
        func actions(_ minutes: Minutes) -> [ActionItem] {
            minutes.newActions.map { ActionItem(id: $0.number, text: $0.text, responsible: $0.responsible, due: $0.due) }
        }
        return date == original.date && time == original.time && place == original.place && chair == original.chair
            && secretary == original.secretary && approvers == original.approvers
            && Set(attendance) == Set(original.attendance) && attendance.count == original.attendance.count
            && organisationAttendance == original.organisationAttendance
            && agenda == original.agenda && previousApproved == original.previousApproved
            && actionFollowUps == original.actionFollowUps && activityFollowUps == original.activityFollowUps
            && items == original.items && decisions(self) == decisions(original) && actions(self) == actions(original)
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
