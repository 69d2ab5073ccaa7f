/// The tamper-evident chain of approvals: each approval's link hash covers the previous link's
/// hash, its place in the chain and every fact the reports count for the approved minutes.
///
/// Deleting, un-approving or reordering approved minutes, or changing what the reports count
/// for them, breaks the chain from that link on; `minutes verify` recomputes it.
public enum ApprovalChain {
    /// The link hash of one approval.
    /// - Parameters:
    ///   - previous: the previous link's hash ("" for the first link).
    ///   - position: the link's place in the chain, from 1.
    ///   - facts: the approved minutes' facts as `key`, `value` pairs, in a fixed order.
    /// - Returns: SHA-256 as 64 lowercase hex digits.
    public static func linkHash(previous: String, position: Int64, facts: [(key: String, value: String)]) -> String {
        var text = "samverkan-approval-chain=1\nprevious=\(previous)\nposition=\(position)\n"
        for fact in facts { text += fact.key + "=" + Minutes.escape(fact.value) + "\n" }
        return SHA256.hex(text)
    }
}
