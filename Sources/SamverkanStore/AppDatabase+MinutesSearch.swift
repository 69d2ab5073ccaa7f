internal import GRDB
import SamverkanDomain

extension AppDatabase {
    /// One hit per meeting: an original and its corrections are one chain, shown once, where
    /// its best-ranked record was found.
    ///
    /// The record shown is the chain's current version (its latest approved record, else its
    /// latest record) when the words are found in it; otherwise the best-ranked record that
    /// matched, an older one marked `replacedBy` the current one. A newer correction not yet
    /// approved is named in `pendingCorrection`.
    static func onePerMeeting(_ hits: [MinutesSearchHit], db: Database) throws -> [MinutesSearchHit] {
        let found = Dictionary(hits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<Int64> = []
        var result: [MinutesSearchHit] = []
        for hit in hits {
            let chain = try correctionChain(of: hit.id, db: db)
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

    /// The records of the chain a record belongs to, the original first, each with whether it
    /// is approved. A cycle (an old or hand-edited database) ends the walk.
    static func correctionChain(of id: Int64, db: Database) throws -> [(id: Int64, approved: Bool)] {
        var root = id
        var seen: Set<Int64> = [id]
        while let older = try Int64.fetchOne(db, sql: "SELECT amends_id FROM minutes WHERE id = ?", arguments: [root]),
            seen.insert(older).inserted
        {
            root = older
        }
        var chain: [(id: Int64, approved: Bool)] = []
        var walked: Set<Int64> = []
        var next: Int64? = root
        while let current = next, walked.insert(current).inserted {
            let approved = try Bool.fetchOne(db, sql: "SELECT approved_at IS NOT NULL FROM minutes WHERE id = ?", arguments: [current])
            guard let approved else { break }
            chain.append((current, approved))
            next = try Int64.fetchOne(db, sql: "SELECT id FROM minutes WHERE amends_id = ? ORDER BY id LIMIT 1", arguments: [current])
        }
        return chain
    }
}
