/// What the fuzz harness fails on, besides a crash (the process dies) and a hang (> 5 s for one input).
public struct FuzzFinding: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure the harness counts.
    public enum Kind: String, Sendable, CaseIterable {
        /// A message or output repeats an identity number (a planted one, or any the guard sees).
        case echoedNumber = "echoed number"
        /// Text with an identity number was accepted and would be stored.
        case guardBypassed = "guard bypassed"
        /// Text was accepted but not stored as written (cut, changed, or a round trip differs).
        case textLost = "text lost"
        /// One input took longer than the limit.
        case hang
    }

    public let kind: Kind
    /// Which check failed, without quoting the input (it may hold a planted number).
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
