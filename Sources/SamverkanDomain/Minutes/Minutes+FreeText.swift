extension Minutes {
    /// Every text of the minutes that people typed and that is stored and shown as written:
    /// place, names, substitutes, notes, titles, decisions, comments and action items.
    ///
    /// The privacy guard (``IdentityNumberGuard``) runs on each of them.
    public var freeTexts: [String] {
        var texts = [place, chair, secretary] + approvers
        texts += attendance.compactMap(\.substitute) + organisationAttendance.map(\.attendee)
        texts += agenda.map(\.notes)
        texts += actionFollowUps.map(\.comment) + activityFollowUps.map(\.comment)
        texts += items.flatMap { [$0.title, $0.notes] }
        texts += decisions.map(\.text) + newActions.map(\.text)
        return texts.filter { !$0.isEmpty }
    }
}

extension String {
    /// The first control character that may not stand in stored text: C0 (NUL, ESC, CR, …)
    /// except tab and line feed, DEL and C1. SQLite text would be cut at a NUL.
    public var forbiddenControlCharacter: Unicode.Scalar? {
        unicodeScalars.first { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }
}
