internal import GRDB
import SamverkanDomain

extension AppDatabase {
    /// One hit per meeting (``SearchChains/onePerMeeting(_:chains:)``), the chains read here.
    static func onePerMeeting(_ hits: [MinutesSearchHit], db: Database) throws -> [MinutesSearchHit] {
        var chains: [Int64: [SearchChains.Record]] = [:]
        for hit in hits where chains[hit.id] == nil {
            chains[hit.id] = try correctionChain(of: hit.id, db: db)
        }
        return SearchChains.onePerMeeting(hits, chains: chains)
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
