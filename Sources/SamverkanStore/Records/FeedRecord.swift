internal import GRDB

/// A row of `feeds`: a secret subscription feed, known only by the SHA-256 of its token.
struct FeedRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "feeds"

    var id: Int64?
    /// SHA-256 of the token, 64 lowercase hex digits; the token itself is never stored.
    var tokenHash: String
    /// `person`, `organisation`, `structure` or `all`.
    var selectionKind: String
    /// The e-mail address, organisation id or structure id ("" for `all`).
    var selectionValue: String
    /// ISO 8601 UTC timestamps.
    var createdAt: String
    var revokedAt: String?

    enum CodingKeys: String, CodingKey {
        case id
        case tokenHash = "token_hash"
        case selectionKind = "selection_kind"
        case selectionValue = "selection_value"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    /// The public value of the row.
    var feed: SubscriptionFeed {
        SubscriptionFeed(
            id: id ?? 0, selectionKind: selectionKind, selectionValue: selectionValue,
            createdAt: createdAt, revokedAt: revokedAt)
    }
}
