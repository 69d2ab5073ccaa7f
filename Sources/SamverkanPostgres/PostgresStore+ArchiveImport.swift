import Foundation
import GRDB
public import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Imports an archive in one transaction, keeping every id, number, signature and approval,
    /// with the same checks, refusals and audit rows as `AppDatabase.importArchive` (see there):
    /// records already present with the same content are skipped; a record that conflicts with
    /// the database, or was changed after approval, refuses the whole archive; the corrections of
    /// an archive written before `v9-action-identity` get their items' numbers by that
    /// migration's rule; meeting decisions are stored oldest first as `samverkan meeting` stores
    /// them (a version 1 archive brings its cancellations).
    ///
    /// The import locks `minutes` against other writers (readers go on), as SQLite's write
    /// transaction does, so the amendment links it checks stay true until it commits.
    /// - Returns: how many minutes and meeting decisions were added.
    public func importArchive(_ archive: MinutesArchive) async throws -> (minutes: Int, decisions: Int) {
        guard (1...MinutesArchive.currentSchemaVersion).contains(archive.schemaVersion) else {
            throw StoreError("archive.schema-version", ["version": String(archive.schemaVersion)])
        }
        return try await client.transaction { client in
            try await client.execute("LOCK TABLE minutes IN SHARE ROW EXCLUSIVE MODE")
            var added = (minutes: 0, decisions: 0)
            let stored = try await client.rows("SELECT id, amends_id FROM minutes").map { row in
                guard case .integer(let id) = row[0] else { throw StoreError.unreadable("minutes", column: "id") }
                if case .integer(let amends) = row[1] { return (id: id, amends: Optional(amends)) }
                return (id: id, amends: nil as Int64?)
            }
            let ordered = try AppDatabase.insertionOrder(archive.minutes, stored: stored)
            var existing = try await Self.storedMinutes(ids: ordered.compactMap(\.id), client: client)
            var approved: [Minutes] = []
            let signatures = Dictionary(grouping: archive.signatures ?? [], by: \.minutesID)
            // Written before v9: no signatures (v10 keeps them) and no item keeping a number.
            let beforeV9 = archive.signatures == nil && !archive.minutes.contains { $0.newActions.contains { $0.continues != nil } }
            for record in ordered {
                guard let id = record.id else { throw StoreError("archive.record-without-id") }
                if let approval = record.approval, !record.isIntact {
                    throw StoreError("archive.changed-after-approval", ["id": String(id), "date": approval.date.iso])
                }
                let unnumbered = beforeV9 && AppDatabase.keepsNoNumbers(record)
                if var held = existing[id] {
                    // A correction from before v9 was given its numbers when first imported.
                    if unnumbered { held.newActions.indices.forEach { held.newActions[$0].continues = nil } }
                    guard held == record else { throw StoreError("archive.conflict", ["id": String(id)]) }
                    continue
                }
                var copy = record
                copy.approval = nil
                try await Self.importing(id: id) {
                    try await Self.insert(try StoreRows.insertRows(of: copy, createdAt: AuditEntry.timestamp()), client: client)
                }
                if unnumbered, let original = record.amends {
                    try await Self.linkActionIdentity(correctionID: id, originalID: original, client: client)
                }
                for archived in signatures[id] ?? [] {
                    try await Self.insertSignature(minutesID: id, archived.signature, client: client)
                }
                if let approval = record.approval {
                    try await Self.writeApproval(approval, id: id, client: client)
                    approved.append(record)
                }
                // A record twice in the archive is the same record the second time, or a conflict.
                existing[id] = record
                try await appendAudit(.minutesImported, .minutes(id), detail: record.approval == nil ? nil : "approved=yes", on: client)
                added.minutes += 1
            }
            // The new approvals join this database's chain in the order they were approved.
            let chain = approved.sorted { ($0.approval?.recordedAt ?? "", $0.id ?? 0) < ($1.approval?.recordedAt ?? "", $1.id ?? 0) }
            if !chain.isEmpty { try await client.execute("LOCK TABLE approval_chain IN EXCLUSIVE MODE") }
            for record in chain { try await Self.appendChainLink(minutesID: record.id ?? 0, on: client) }
            if added.minutes > 0 { try await Self.continueIdentities(client) }
            if let decisions = archive.meetingDecisions {
                added.decisions = try await importDecisions(decisions, client: client)
            } else {
                added.decisions = try await importCancellations(archive.cancelled, client: client)
            }
            return added
        }
    }

    /// The stored minutes among `ids`, with every part, by id (one statement a table).
    static func storedMinutes(ids: [Int64], client: PostgresClient) async throws -> [Int64: Minutes] {
        guard !ids.isEmpty else { return [:] }
        let list = SQLValue.text("[" + ids.map(String.init).joined(separator: ",") + "]")
        let among = "IN (SELECT value::bigint FROM json_array_elements_text($1::json))"
        let minutes = try await PostgresTableJSON.rows(client, from: "minutes", where: "WHERE t.id \(among)", order: "t.id", [list])
        guard !minutes.isEmpty else { return [:] }
        var children: [String: [Row]] = [:]
        for table in StoreRows.minutesChildTables {
            children[table] = try await PostgresTableJSON.rows(
                client, from: table, where: "WHERE t.minutes_id \(among)", order: "t.minutes_id, t.position", [list])
        }
        return Dictionary(uniqueKeysWithValues: try StoreRows.minutes(minutes, children: children).map { ($0.id ?? 0, $0) })
    }

    /// Sets the id counters of `minutes` and `action_items` past the highest id (an archive's
    /// records keep theirs), never back.
    static func continueIdentities(_ client: PostgresClient) async throws {
        for table in ["minutes", "action_items"] {
            try await client.execute(
                """
                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST(MAX(id), nextval(pg_get_serial_sequence('\(table)', 'id'))))
                FROM \(table)
                """)
        }
    }
}
