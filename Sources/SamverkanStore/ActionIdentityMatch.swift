import Foundation

/// The rule of migration `v9-action-identity` (and of `minutes import` of an archive written
/// before it) that gives a correction's action items the numbers of the original's items they
/// repeat, as pure logic both engines apply to the rows they read.
public enum ActionIdentityMatch {
    /// An action item as the rule reads it.
    public struct Item: Sendable {
        /// The item's row id.
        public var id: Int64
        /// Its number: the item it continues, or its own id.
        public var identity: Int64
        /// The number it keeps already (`continues_id`), if any.
        public var kept: Int64?
        public var text: String
        public var responsible: String
        /// `YYYY-MM-DD`.
        public var due: String

        public init(id: Int64, identity: Int64, kept: Int64?, text: String, responsible: String, due: String) {
            self.id = id
            self.identity = identity
            self.kept = kept
            self.text = text
            self.responsible = responsible
            self.due = due
        }
    }

    /// The numbers to give the correction's items that keep none, as (item id, number): the item
    /// of the original with the same text (case and surrounding space aside), else the only one
    /// with the same responsible and due date. Items of the original another item of the
    /// correction keeps already are not matched again. Both lists in `position` order.
    public static func links(corrected: [Item], original: [Item]) -> [(id: Int64, number: Int64)] {
        let kept = Set(corrected.compactMap(\.kept))
        var unmatched = original.filter { !kept.contains($0.identity) }
        var links: [(id: Int64, number: Int64)] = []
        var pending: [Item] = []
        func normal(_ text: String) -> String { text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines) }
        for item in corrected where item.kept == nil {
            if let index = unmatched.firstIndex(where: { normal($0.text) == normal(item.text) }) {
                links.append((item.id, unmatched[index].identity))
                unmatched.remove(at: index)
            } else {
                pending.append(item)
            }
        }
        for item in pending {
            let same = unmatched.indices.filter { unmatched[$0].responsible == item.responsible && unmatched[$0].due == item.due }
            guard same.count == 1, pending.count(where: { $0.responsible == item.responsible && $0.due == item.due }) == 1 else { continue }
            links.append((item.id, unmatched[same[0]].identity))
            unmatched.remove(at: same[0])
        }
        return links
    }
}
