extension Minutes {
    /// Every text of the minutes that people typed and that is stored and shown as written:
    /// place, names, substitutes, notes, titles, decisions, comments and action items.
    ///
    /// The privacy guard (``IdentityNumberGuard``) runs on each of them.
    public var freeTexts: [String] {
        var texts = [place, chair, secretary] + approvers
        texts += attendance.compactMap(\.substitute)
        texts += agenda.map(\.notes)
        texts += actionFollowUps.map(\.comment) + activityFollowUps.map(\.comment)
        texts += items.flatMap { [$0.title, $0.notes] }
        texts += decisions.map(\.text) + newActions.map(\.text)
        return texts.filter { !$0.isEmpty }
    }
}
