import ArgumentParser
import SamverkanPostgres
import SamverkanRendering
import SamverkanStore

extension Samverkan.DbCommand {
    /// `samverkan db status`: engine, schema version, applied migrations and counts.
    struct Status: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("db.status.abstract"),
                discussion: HelpWords.discussion("db.status.discussion"))
        }

        @OptionGroup var options: DbOptions

        func run() async throws {
            let endpoint = try options.endpoint()
            let phrases = try options.phrasebook()
            let (applied, counts) = try await withEndpoint(endpoint) { endpoint in
                let applied = try await endpoint.appliedMigrations()
                let counted = ["minutes", "action_items", "meetings"].allSatisfy(try await endpoint.tables().contains)
                return (applied, counted ? try await endpoint.counts() : nil)
            }
            print(phrases.text("db.status.database", ["database": endpoint.location]))
            print(phrases.text("db.status.engine", ["engine": endpoint.engine]))
            let known = endpoint.knownMigrations
            if applied.isEmpty {
                print(phrases.text("db.status.schema-empty", ["database": endpoint.location]))
            } else {
                let shared = AppDatabase.sharedSchema
                print(
                    phrases.text(
                        "db.status.schema",
                        [
                            "version": String(shared(applied).count), "known": String(shared(known).count),
                            "last": shared(applied).last ?? "",
                        ]))
                print(phrases.text("db.status.migrations", ["names": applied.joined(separator: ", ")]))
                let unknown = applied.filter { !known.contains($0) }
                if !unknown.isEmpty { print(phrases.text("db.status.newer", ["names": unknown.joined(separator: ", ")])) }
                let pending = known.filter { !applied.contains($0) }
                if !pending.isEmpty { print(phrases.text("db.status.pending", ["names": pending.joined(separator: ", ")])) }
            }
            if let counts {
                print(phrases.text("db.status.minutes", ["count": String(counts.minutes), "approved": String(counts.approvedMinutes)]))
                print(phrases.text("db.status.actions", ["count": String(counts.actionItems)]))
                print(phrases.text("db.status.meetings", ["count": String(counts.meetings)]))
            }
        }
    }
}
