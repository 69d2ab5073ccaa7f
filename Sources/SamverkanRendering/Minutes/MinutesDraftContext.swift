public import SamverkanDomain

/// What a draft of minutes is written against: the structure, its people, the open action
/// items, the previous minutes, and the words of the chosen language.
///
/// The CLI builds it from the configuration and the store; rendering and parsing are pure.
public struct MinutesDraftContext: Sendable {
    public var configuration: RegionConfiguration
    public var structure: CollaborationStructure
    /// Action items open before the meeting, carried over until done.
    public var openActions: [OpenAction]
    /// Action items of the structure a correction withdrew: never open again, but a follow-up
    /// of one recorded before (in minutes shown or corrected) is shown with its last text.
    public var withdrawnActions: [WithdrawnAction]
    /// The latest recorded status of each action-plan activity, by activity id.
    public var activityStatus: [String: ActivityStatus]
    /// The previous minutes of the structure, if any.
    public var previous: PreviousMinutes?
    /// The minutes being corrected by an amendment, if any.
    public var amends: Minutes?
    /// The phrases of the draft's language (`minutes.*` keys).
    public var phrases: Phrasebook

    public init(
        configuration: RegionConfiguration, structure: CollaborationStructure, openActions: [OpenAction] = [],
        withdrawnActions: [WithdrawnAction] = [], activityStatus: [String: ActivityStatus] = [:], previous: PreviousMinutes? = nil,
        amends: Minutes? = nil, phrases: Phrasebook
    ) {
        self.configuration = configuration
        self.structure = structure
        self.openActions = openActions
        self.withdrawnActions = withdrawnActions
        self.activityStatus = activityStatus
        self.previous = previous
        self.amends = amends
        self.phrases = phrases
    }

    /// The people in the attendance list: the participants, then the chair and the secretary if
    /// they are not participants.
    public var attendees: [Person] {
        var people = configuration.participants(of: structure)
        for id in [structure.chair, structure.secretary].compactMap({ $0 }) where !people.contains(where: { $0.id == id }) {
            if let person = configuration.person(id) { people.append(person) }
        }
        return people
    }

    /// The member organisations with nobody in the attendance list: the draft lists each on a
    /// line of its own, to be marked present with who came.
    public var unstaffedMembers: [Organisation] {
        let staffed = Set(attendees.map(\.organisation))
        return structure.members.filter { !staffed.contains($0) }.compactMap { configuration.organisation($0) }
    }

    /// The withdrawn action item with a number, if a correction withdrew it.
    public func withdrawn(_ number: Int64) -> WithdrawnAction? { withdrawnActions.first { $0.item.id == number } }

    /// A person's or organisation's name for a responsible party.
    public func name(of responsible: Responsible) -> String {
        switch responsible.kind {
        case .person: return configuration.person(responsible.id)?.name ?? responsible.id
        case .organisation: return configuration.organisation(responsible.id)?.name ?? responsible.id
        }
    }
}

/// A problem in a draft, on a line. Its message never holds an identity number: one that slips
/// into it is replaced by ``IdentityNumberGuard/mask``.
public struct DraftProblem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number in the draft.
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = IdentityNumberGuard.redacted(message)
    }

    /// `LINE: message`.
    public var description: String { "\(line): \(message)" }
}

/// Every problem found in a draft, in line order.
///
/// Its message (`minutes.draft-invalid`) counts them; the problems themselves, `LINE: message`
/// in the draft's language, are printed before it.
public struct MinutesDraftError: SamverkanError, CustomStringConvertible {
    public let problems: [DraftProblem]

    public init(problems: [DraftProblem]) {
        self.problems = problems.sorted { $0.line < $1.line }
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }

    public var code: String { "minutes.draft-invalid" }
    public var values: [String: String] { ["count": String(problems.count)] }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (and a trailing carriage return).
    ///
    /// By unicode scalars, not characters: a space followed by a combining mark is one character,
    /// and the mark must stay with the text whether it was written after `- [x] ` or not.
    var trimmed: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Lowercased and trimmed, for comparing what people type with what the program wrote.
    var folded: String { trimmed.lowercased() }

    /// Whether the text starts with a prefix, by unicode scalars: `### ` followed by a combining
    /// mark is one character less than `### `, but it is still a heading.
    func hasScalarPrefix(_ prefix: String) -> Bool { unicodeScalars.starts(with: prefix.unicodeScalars) }

    /// The text without its first `count` unicode scalars.
    func droppingScalars(_ count: Int) -> String { String(String.UnicodeScalarView(unicodeScalars.dropFirst(count))) }

    /// The text on one line: line breaks and other control characters (a configured name may hold
    /// them) become spaces, so a value written into the draft never starts a line of its own.
    var singleLine: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            let breaks = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            scalars.append(breaks ? " " : scalar)
        }
        return String(scalars)
    }
}
