import SamverkanDomain

extension ApprovalAudit {
    /// One link of the approval chain as stored, with the facts its minutes row holds now.
    public struct Link: Sendable {
        /// The link's place in the chain, from 1.
        public var position: Int64
        /// The minutes the link is of.
        public var minutesID: Int64
        /// The link hash stored at approval.
        public var hash: String
        /// The row's facts (``ApprovalChain/linkHash(previous:position:facts:)``), nil when the
        /// row is gone; a NULL is `\0null`.
        public var facts: [(key: String, value: String)]?

        public init(position: Int64, minutesID: Int64, hash: String, facts: [(key: String, value: String)]?) {
            self.position = position
            self.minutesID = minutesID
            self.hash = hash
            self.facts = facts
        }
    }

    /// Checks the chain's links, in order of position, against the rows they cover: a link
    /// missing before one, a deleted or unapproved row, a hash that no longer matches; then every
    /// approved record without a link. Sets ``head``. Both engines check their chain with it.
    /// - Parameters:
    ///   - links: every link, by position.
    ///   - approved: the ids of every approved record.
    public mutating func checkChain(_ links: [Link], approved: [Int64]) {
        var previous = ""
        var expected: Int64 = 1
        var linked = Set<Int64>()
        for link in links {
            let id = link.minutesID
            linked.insert(id)
            defer {
                previous = link.hash
                expected = link.position + 1
            }
            if link.position != expected { problems.append(.init(id: id, kind: .missingBefore)) }
            guard let facts = link.facts else {
                problems.append(.init(id: id, kind: .deleted))
                continue
            }
            if facts.first(where: { $0.key == "content_hash" })?.value == "\u{0}null" {
                problems.append(.init(id: id, kind: .unapproved))
                continue
            }
            if ApprovalChain.linkHash(previous: previous, position: link.position, facts: facts) != link.hash {
                problems.append(.init(id: id, kind: .linkBroken))
            }
        }
        head = previous.isEmpty ? nil : previous
        for id in approved where !linked.contains(id) { problems.append(.init(id: id, kind: .notInChain)) }
    }
}
