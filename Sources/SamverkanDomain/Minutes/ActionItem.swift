public import SamverkanTime

/// An action item (*åtgärd*): what is to be done, by whom, by when.
///
/// It comes back at every later meeting of its structure until a follow-up marks it done.
public struct ActionItem: Sendable, Hashable, Codable {
    /// The store's id (`#7`), nil before it is saved.
    public var id: Int64?
    public var text: String
    public var responsible: Responsible
    public var due: LocalDate
    /// In a correction: the number of the item it keeps (decided in the minutes corrected, or
    /// earlier in their chain); nil for an item decided in these minutes.
    public var continues: Int64?

    public init(id: Int64? = nil, text: String, responsible: Responsible, due: LocalDate, continues: Int64? = nil) {
        self.id = id
        self.text = text
        self.responsible = responsible
        self.due = due
        self.continues = continues
    }

    /// The number the item is known by (`#N`) through every correction: the item it continues,
    /// else its own id.
    public var number: Int64? { continues ?? id }
}

/// The person or organisation responsible for an action item.
public struct Responsible: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case person, organisation
    }

    public var kind: Kind
    /// The configured id.
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// How far an action item has come, as set at a follow-up.
public enum ActionStatus: String, Sendable, Codable, CaseIterable {
    /// *ej påbörjad*
    case notStarted = "not-started"
    /// *pågår*
    case inProgress = "in-progress"
    /// *delvis*
    case partly
    /// *klar*: the item is closed and no longer comes back.
    case done

    /// The phrase key of the status word (`minutes.status.done` → "klar").
    public var phraseKey: String { "minutes.status.\(rawValue)" }
}

/// The follow-up of an open action item at a later meeting.
public struct ActionFollowUp: Sendable, Hashable, Codable {
    public var actionID: Int64
    public var status: ActionStatus
    public var comment: String

    public init(actionID: Int64, status: ActionStatus, comment: String = "") {
        self.actionID = actionID
        self.status = status
        self.comment = comment
    }
}

/// The follow-up of an action-plan activity at a meeting.
public struct ActivityFollowUp: Sendable, Hashable, Codable {
    public var activityID: String
    public var status: ActivityStatus
    public var comment: String

    public init(activityID: String, status: ActivityStatus, comment: String = "") {
        self.activityID = activityID
        self.status = status
        self.comment = comment
    }
}

/// An action item still open when a draft is written, with what is known about it.
public struct OpenAction: Sendable, Hashable, Codable {
    public var item: ActionItem
    public var structureID: String
    /// The date of the meeting that decided it.
    public var decidedOn: LocalDate
    /// The latest status set at a follow-up (``ActionStatus/notStarted`` when never followed up).
    public var status: ActionStatus
    /// The latest comment, if any.
    public var comment: String

    public init(item: ActionItem, structureID: String, decidedOn: LocalDate, status: ActionStatus, comment: String = "") {
        self.item = item
        self.structureID = structureID
        self.decidedOn = decidedOn
        self.status = status
        self.comment = comment
    }

    /// Whether the due date has passed and the item is not done.
    public func isOverdue(today: LocalDate) -> Bool { status != .done && item.due < today }
}

extension ActivityStatus {
    /// The phrase key of the status word, shared with action items (`started` reads as *pågår*).
    public var phraseKey: String {
        switch self {
        case .notStarted: return ActionStatus.notStarted.phraseKey
        case .started: return ActionStatus.inProgress.phraseKey
        case .partly: return ActionStatus.partly.phraseKey
        case .done: return ActionStatus.done.phraseKey
        }
    }
}
