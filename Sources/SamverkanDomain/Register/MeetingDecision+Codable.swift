import SamverkanTime

/// A decision in the minutes archive (`meetingDecisions`): `structureID`, `date`, `action`,
/// `start` (`YYYY-MM-DDTHH:MM`, a move's or an extra meeting's), `reason`, `decidedBy`,
/// `decidedAt`; keys without a value are left out.
extension MeetingDecision: Codable {
    enum CodingKeys: String, CodingKey {
        case structureID, date, action, start, reason, decidedBy, decidedAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var start: LocalDateTime?
        if let text = try container.decodeIfPresent(String.self, forKey: .start) {
            guard let parsed = Self.dateTime(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .start, in: container, debugDescription: "not a start (YYYY-MM-DDTHH:MM): \(text)")
            }
            start = parsed
        }
        self.init(
            structureID: try container.decode(String.self, forKey: .structureID),
            date: try container.decode(LocalDate.self, forKey: .date),
            action: try container.decode(Action.self, forKey: .action), start: start,
            reason: try container.decode(String.self, forKey: .reason),
            decidedBy: try container.decodeIfPresent(String.self, forKey: .decidedBy),
            decidedAt: try container.decode(String.self, forKey: .decidedAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(structureID, forKey: .structureID)
        try container.encode(date, forKey: .date)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(start.map { "\($0.date.iso)T\($0.time)" }, forKey: .start)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(decidedBy, forKey: .decidedBy)
        try container.encode(decidedAt, forKey: .decidedAt)
    }

    /// `YYYY-MM-DDTHH:MM`, or nil.
    static func dateTime(_ text: String) -> LocalDateTime? {
        guard text.utf8.count == 16, text.dropFirst(10).first == "T", let date = LocalDate(iso: text.prefix(10)),
            let time = LocalTime(text: text.suffix(5))
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    /// Whether the decision is whole as stored: a reason that is more than blanks, and a start
    /// exactly when it moves or adds a meeting.
    public var isWellFormed: Bool {
        reason.contains { !$0.isWhitespace } && ((action == .move || action == .add) == (start != nil))
    }
}
