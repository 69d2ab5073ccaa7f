import Foundation
import SamverkanDomain
import Testing

@testable import SamverkanStore

/// Minutes written and approved as the v8 schema did, for migration tests: only tables and
/// columns that existed at `v8-feeds` are touched, and nothing is read back through today's
/// fetch code (which expects the newer tables).
enum LegacyDatabase {
    /// Saves minutes into a database migrated up to v8 (the insert writes no row of a later table
    /// for minutes without organisation attendance), returning them with their id.
    static func save(_ minutes: Minutes, in db: AppDatabase) throws -> Minutes {
        var saved = minutes
        try db.write { db in try AppDatabase.insert(&saved, db: db) }
        return saved
    }

    /// Approves saved minutes the way v8 did: the decisions numbered from `paragraph`, the
    /// approval columns of the minutes row, and the approval chain's next link.
    @discardableResult
    static func approve(_ minutes: Minutes, in db: AppDatabase, paragraph: Int, by: [String], date: String) throws -> Minutes {
        let id = try #require(minutes.id)
        var numbered = minutes
        for index in numbered.decisions.indices { numbered.decisions[index].number = paragraph + index }
        for index in numbered.decisions.indices {
            try db.unsafeRawWrite("UPDATE decisions SET number = ? WHERE minutes_id = ? AND position = ?", [paragraph + index, id, index])
        }
        let day = MinutesStoreTests.day(date)
        let hash = numbered.approvalDigest(by: by, date: day)
        try db.unsafeRawWrite(
            "UPDATE minutes SET approved_at = ?, approved_on = ?, approved_by = ?, content_hash = ? WHERE id = ?",
            ["\(date)T10:00:00.000Z", date, by.joined(separator: "\n"), hash, id])
        let columns = AppDatabase.chainColumns
        let row = try #require(try db.unsafeRawRead("SELECT \(columns.joined(separator: ", ")) FROM minutes WHERE id = ?", [id]).first)
        let facts = zip(columns, row).map { (key: $0, value: $1 ?? "\u{0}null") }
        let last = try db.unsafeRawRead("SELECT position, link_hash FROM approval_chain ORDER BY position DESC LIMIT 1").first
        let position = Int64(last?[0] ?? "0")! + 1
        let link = ApprovalChain.linkHash(previous: last?[1] ?? "", position: position, facts: facts)
        try db.unsafeRawWrite("INSERT INTO approval_chain (position, minutes_id, link_hash) VALUES (?, ?, ?)", [position, id, link])
        return numbered
    }
}
