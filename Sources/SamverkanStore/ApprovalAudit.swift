public import SamverkanDomain

/// What `minutes verify` found: the approved minutes checked, every problem with the record it
/// is about, the chain's latest link hash and what SQLite's integrity check reported.
public struct ApprovalAudit: Sendable {
    /// One problem found, about the minutes `id`.
    public struct Problem: Sendable, Equatable {
        /// The minutes the problem is about.
        public var id: Int64
        /// What is wrong.
        public var kind: Kind

        /// A problem about the minutes `id`.
        public init(id: Int64, kind: Kind) {
            self.id = id
            self.kind = kind
        }
    }

    /// What can be wrong with approved minutes or their link in the chain.
    public enum Kind: String, Sendable, Equatable {
        /// The content no longer matches the hash stored at approval.
        case contentChanged = "content-changed"
        /// The record was deleted after approval.
        case deleted
        /// The approval was removed (the record is a draft again).
        case unapproved
        /// The link does not match: the record's reported facts changed or links were reordered.
        case linkBroken = "link-broken"
        /// A link before this record's is missing (a record and its link were deleted).
        case missingBefore = "missing-before"
        /// Approved, but never through `samverkan` (no link in the chain).
        case notInChain = "not-in-chain"
    }

    /// The approved minutes that were checked, by id.
    public var checked: [Minutes] = []
    /// Every problem found, by record.
    public var problems: [Problem] = []
    /// The latest link hash (note it down to notice a deleted latest approval), nil when empty.
    public var head: String?
    /// SQLite's `PRAGMA integrity_check` messages (empty when the file is sound).
    public var integrity: [String] = []

    /// Nothing checked, nothing found yet.
    public init() {}

    /// Whether nothing was found.
    public var isSound: Bool { problems.isEmpty && integrity.isEmpty }
}
