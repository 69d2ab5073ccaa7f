public import SamverkanDomain

/// A problem with a feed's selection or a feed command: its message is in `Templates/*/errors.txt`.
public struct FeedError: SamverkanError, Equatable {
    public let code: String
    public let values: [String: String]

    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    /// No active feed has this id (`feeds revoke`).
    public static func unknownFeed(_ id: String) -> FeedError {
        FeedError("feeds.unknown", ["id": id])
    }

    /// A stored feed whose selection this version cannot read.
    public static func badSelection(_ kind: String) -> FeedError {
        FeedError("feeds.bad-selection", ["kind": kind])
    }
}
