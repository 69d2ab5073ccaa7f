import Foundation
internal import GRDB
public import SamverkanDomain

extension AppDatabase {
    /// The archive's records in an order the database accepts (each record after the one it
    /// amends), after checking their amendment links against the archive and the database.
    /// - Throws: ``StoreError`` when a record amends itself or amendments form a cycle of any
    ///   length, amends a record that exists nowhere, or two records amend the same one.
    static func insertionOrder(_ records: [Minutes], db: Database) throws -> [Minutes] {
        let stored = try Row.fetchAll(db, sql: "SELECT id, amends_id FROM minutes").map { (id: $0[0] as Int64, amends: $0[1] as Int64?) }
        return try insertionOrder(records, stored: stored)
    }

    /// The archive's records in an order a database accepts, given the id and amended id of
    /// every minutes it holds (either engine): see ``insertionOrder(_:db:)``.
    public static func insertionOrder(_ records: [Minutes], stored: [(id: Int64, amends: Int64?)]) throws -> [Minutes] {
        var amends: [Int64: Int64?] = [:]
        for row in stored { amends[row.id] = row.amends }
        for record in records {
            guard let id = record.id else { throw StoreError("archive.record-without-id") }
            if amends[id] == nil { amends[id] = record.amends }
        }
        var amendedBy: [Int64: Int64] = [:]
        for (id, target) in amends.sorted(by: { $0.key < $1.key }) {
            guard let target else { continue }
            guard amends[target] != nil else { throw StoreError("archive.amends-missing", ["id": String(id), "amends": String(target)]) }
            if let other = amendedBy[target] {
                throw StoreError("archive.amended-twice", ["id": String(target), "first": String(other), "second": String(id)])
            }
            amendedBy[target] = id
            // Walk the links from `id`: without a cycle they end within `amends.count` steps.
            var current: Int64? = target
            var steps = 0
            while let step = current {
                if step == id { throw StoreError("archive.amendment-cycle", ["id": String(id)]) }
                steps += 1
                if steps > amends.count { throw StoreError("archive.amendment-cycle", ["id": String(id)]) }
                current = amends[step] ?? nil
            }
        }
        // Acyclic: placing each record after its target terminates.
        var placed = Set(stored.map(\.id))
        var pending = records.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        var ordered: [Minutes] = []
        while !pending.isEmpty {
            let ready = pending.filter { record in record.amends.map(placed.contains) ?? true }
            guard !ready.isEmpty else { throw StoreError("archive.amendment-cycle", ["id": String(pending[0].id ?? 0)]) }
            ordered += ready
            let readyIDs = Set(ready.compactMap(\.id))
            placed.formUnion(readyIDs)
            pending.removeAll { record in record.id.map(readyIDs.contains) ?? true }
        }
        return ordered
    }

    /// Runs an insert of an archive's record, turning SQLite's constraint failures into
    /// messages that say which kind of duplicate or reference it is (never the row's values).
    static func importing(id: Int64, _ body: () throws -> Void) throws {
        do { try body() } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            let message = error.message ?? ""
            let values = ["id": String(id)]
            if message.contains("minutes.structure_id") { throw StoreError("archive.duplicate-meeting", values) }
            if message.contains("decisions.structure_id") { throw StoreError("archive.duplicate-paragraph", values) }
            if message.contains("action_items.id") { throw StoreError("archive.duplicate-action", values) }
            if message.contains("FOREIGN KEY") { throw StoreError("archive.dangling-reference", values) }
            let columns = message.components(separatedBy: "failed: ").last ?? "-"
            throw StoreError("archive.duplicate-row", values.merging(["columns": columns]) { $1 })
        }
    }
}
