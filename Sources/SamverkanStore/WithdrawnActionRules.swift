public import SamverkanDomain
public import SamverkanTime

/// Which action items corrections withdrew (see ``WithdrawnAction``), worked out from a
/// structure's correction chains and their items whichever engine they were read from.
public enum WithdrawnActionRules {
    /// One record of a correction chain (`minutes_chain` with its minutes).
    public struct ChainMember: Sendable, Hashable {
        public var id: Int64
        public var root: Int64
        /// Whether it is the record that counts (not superseded).
        public var counts: Bool
        public var amends: Int64?
        public var date: LocalDate

        public init(id: Int64, root: Int64, counts: Bool, amends: Int64?, date: LocalDate) {
            self.id = id
            self.root = root
            self.counts = counts
            self.amends = amends
            self.date = date
        }
    }

    /// The withdrawn items of a structure, by day decided and number: items of a record of a
    /// chain that the record that counts no longer holds. Records newer than the one that counts
    /// are corrections waiting for approval and withdraw nothing yet.
    /// - Parameters:
    ///   - members: the structure's chain records.
    ///   - items: per minutes id, the action items of the chain records in position order.
    public static func withdrawn(structureID: String, members: [ChainMember], items: [Int64: [ActionItem]]) -> [WithdrawnAction] {
        var result: [WithdrawnAction] = []
        for chain in Dictionary(grouping: members, by: \.root).values {
            guard let current = chain.first(where: \.counts) else { continue }
            let kept = Set((items[current.id] ?? []).compactMap(\.number))
            let counted = chain.filter { $0.id <= current.id }.sorted { $0.id < $1.id }
            var last: [Int64: (item: ActionItem, member: ChainMember)] = [:]
            for member in counted where member.id != current.id {
                for item in items[member.id] ?? [] {
                    guard let number = item.number, !kept.contains(number) else { continue }
                    last[number] = (item, member)
                }
            }
            for (number, found) in last {
                guard let withdrawing = counted.first(where: { $0.id > found.member.id }), let corrects = withdrawing.amends else {
                    continue
                }
                var item = found.item
                item.id = number
                item.continues = nil
                result.append(
                    WithdrawnAction(
                        item: item, structureID: structureID, decidedOn: found.member.date, withdrawnIn: withdrawing.id,
                        corrects: corrects))
            }
        }
        return result.sorted { ($0.decidedOn, $0.item.id ?? 0) < ($1.decidedOn, $1.item.id ?? 0) }
    }
}
