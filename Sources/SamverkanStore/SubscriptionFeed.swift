/// A secret subscription feed as the store knows it: what it selects and when it was created
/// or revoked. The token is not here: the store keeps only its hash.
public struct SubscriptionFeed: Sendable, Equatable {
    public let id: Int64
    /// `person`, `organisation`, `structure` or `all`.
    public let selectionKind: String
    /// The e-mail address, organisation id or structure id ("" for `all`).
    public let selectionValue: String
    /// ISO 8601 UTC timestamp.
    public let createdAt: String
    /// ISO 8601 UTC timestamp, nil while the feed is active.
    public let revokedAt: String?

    public init(id: Int64, selectionKind: String, selectionValue: String, createdAt: String, revokedAt: String?) {
        self.id = id
        self.selectionKind = selectionKind
        self.selectionValue = selectionValue
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
