public import SamverkanDomain

/// The engine-neutral part of full-text search: a meeting's minutes and their corrections are
/// one chain, found once (both engines read the chains, then call ``onePerMeeting(_:chains:)``).
public enum SearchChains {
    /// One record of a correction chain, with whether it is approved.
    public typealias Record = (id: Int64, approved: Bool)

    /// One hit per meeting, where its best-ranked record was found.
    ///
    /// The record shown is the chain's current version (its latest approved record, else its
    /// latest record) when the words are found in it; otherwise the best-ranked record that
    /// matched, an older one marked `replacedBy` the current one. A newer correction not yet
    /// approved is named in `pendingCorrection`.
    /// - Parameters:
    ///   - hits: the records found, best first.
    ///   - chains: the chain of each hit's id (original first); a hit without one is its own chain.
    public static func onePerMeeting(_ hits: [MinutesSearchHit], chains: [Int64: [Record]]) -> [MinutesSearchHit] {
        let found = Dictionary(hits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<Int64> = []
        var result: [MinutesSearchHit] = []
        for hit in hits {
            let chain = chains[hit.id] ?? []
            guard let root = chain.first?.id, seen.insert(root).inserted else { continue }
            let current = chain.last(where: \.approved)?.id ?? chain.last?.id ?? hit.id
            var shown = found[current] ?? hit
            // Only an older record is superseded; a newer one is the correction waiting for justering.
            if shown.id < current { shown.replacedBy = current }
            if let newest = chain.last, newest.id != current, !newest.approved { shown.pendingCorrection = newest.id }
            result.append(shown)
        }
        return result
    }
}
