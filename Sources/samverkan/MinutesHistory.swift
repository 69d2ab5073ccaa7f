import Foundation
import SamverkanDomain
import SamverkanICal
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// `minutes show ID --history`: who did what to minutes and to every record of their correction
/// chain, from the audit log, oldest first. Records saved before the audit log existed are named
/// as such (what happened to them before is unknown).
struct MinutesHistory: Encodable {
    /// One row of the audit log as shown.
    struct Line: Encodable {
        /// When, as stored (ISO 8601 UTC).
        let at: String
        /// The minutes the row is about.
        let minutes: Int64
        /// The action code (`minutes.saved` …).
        let action: String
        /// The configured person id given with `--as`, if any.
        let person: String?
        /// The configured name of ``person`` (its id when no longer configured), else the database user.
        let who: String
        /// The database user that wrote the row.
        let databaseUser: String
        /// What was done, in the chosen language.
        let text: String
    }

    /// The records of the chain, oldest first.
    let minutes: [Int64]
    /// Records saved before the audit log: no row records their saving.
    let beforeAuditLog: [Int64]
    let entries: [Line]

    /// The history of minutes `id` and their whole correction chain.
    init(id: Int64, environment: MinutesEnvironment) async throws {
        let database = environment.database
        var root = id
        var seen: Set<Int64> = [id]
        while let earlier = try await environment.store({ try await database.minutes(id: root) })?.amends, seen.insert(earlier).inserted {
            root = earlier
        }
        let chain = [root] + (try await environment.store { try await database.amendments(of: root) }).compactMap(\.id)
        minutes = chain
        let rows = try await environment.store { try await database.auditLog(minutesIDs: chain) }
        let created: Set<String> = ["minutes.saved", "minutes.amended", "minutes.imported"]
        let recorded = Set(rows.filter { created.contains($0.action) }.compactMap { AuditTarget.minutesID($0.target) })
        beforeAuditLog = chain.filter { !recorded.contains($0) }
        let phrases = environment.phrases
        entries = rows.map { row in
            let who = row.person.map { environment.configuration.person($0)?.name ?? $0 } ?? row.databaseUser
            let key = "history.\(row.action)"
            let text = phrases.has(key) ? phrases.text(key, row.details) : phrases.text("history.other", ["action": row.action])
            return Line(
                at: row.at, minutes: AuditTarget.minutesID(row.target) ?? 0, action: row.action, person: row.person, who: who,
                databaseUser: row.databaseUser, text: text)
        }
    }

    /// The history as lines of text, times in Swedish time to the minute.
    func text(_ phrases: Phrasebook) -> String {
        var lines = [phrases.text("history.title", ["ids": phrases.list(minutes.map { "#\($0)" })])]
        lines += beforeAuditLog.map { phrases.text("history.before-log", ["id": String($0)]) }
        lines += entries.map { line in
            phrases.text(
                "history.line", ["time": Self.swedishTime(line.at), "id": String(line.minutes), "what": line.text, "who": line.who])
        }
        if entries.isEmpty { lines.append(phrases.text("history.empty")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An ISO 8601 UTC timestamp as `YYYY-MM-DD HH:MM` in Stockholm (the stored text when unreadable).
    static func swedishTime(_ at: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = formatter.date(from: at) ?? plain.date(from: at) else { return at }
        let local = ICalTimeZone.stockholm.localDateTime(epochSeconds: Int(date.timeIntervalSince1970))
        return "\(local.date.iso) \(local.time)"
    }
}
