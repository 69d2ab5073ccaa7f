import ArgumentParser
import Foundation
import SamverkanConfig
import SamverkanPostgres
import SamverkanRendering

extension Samverkan {
    /// `samverkan db`: the store itself: its engine and schema, migrations, and copies between
    /// the SQLite file and a shared PostgreSQL database.
    struct DbCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Show, migrate and copy the database: the SQLite file or a shared PostgreSQL database.",
            discussion: """
                A database is an SQLite file, or a PostgreSQL database given as \
                postgres://user@host:5432/database?sslmode=prefer (password in PGPASSWORD). \
                In this version the other commands still work on the SQLite file.
                """,
            subcommands: [Status.self, Migrate.self, Copy.self]
        )
    }
}

/// The options of every `samverkan db` command.
struct DbOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database: an SQLite file or postgres://user@host:port/database.",
            discussion: "Default: $SAMVERKAN_DATABASE, else samverkan/samverkan.sqlite in the user's data folder.",
            valueName: "file-or-url"))
    var database: String?

    @Option(name: .long, help: "Language of the text users read: sv (default) or en.")
    var lang: Language = .sv

    /// The phrases of the chosen language.
    func phrasebook() throws -> Phrasebook {
        try TemplateLibrary(language: lang.rawValue).phrasebook()
    }

    /// The database of `--database`, `SAMVERKAN_DATABASE` or the default file.
    func endpoint() throws -> any DatabaseEndpoint {
        try Self.endpoint(ConfigLocator.databasePath(option: database))
    }

    /// The database a text names: a PostgreSQL URL or an SQLite file.
    static func endpoint(_ text: String) throws -> any DatabaseEndpoint {
        switch try DatabaseLocation(text, environment: ProcessInfo.processInfo.environment) {
        case .sqlite(let path): SQLiteEndpoint(path: path)
        case .postgres(let url): PostgresEndpoint(url: url)
        }
    }
}

extension Samverkan.DbCommand {
    /// `samverkan db migrate`: brings the schema up to date (creates it in a new database).
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or update the database's tables (SQLite or PostgreSQL).",
            discussion: """
                Examples:
                  samverkan db migrate --database postgres://samverkan@db.region.se:5432/samverkan
                  samverkan db migrate --database samverkan.sqlite
                """)

        @OptionGroup var options: DbOptions

        func run() async throws {
            let endpoint = try options.endpoint()
            let phrases = try options.phrasebook()
            let applied = try await withEndpoint(endpoint) { try await $0.migrate() }
            let version = String(endpoint.knownMigrations.count)
            if applied.isEmpty {
                print(phrases.text("db.migrate.current", ["database": endpoint.location, "version": version]))
            } else {
                print(
                    phrases.text(
                        "db.migrate.done", ["database": endpoint.location, "names": applied.joined(separator: ", "), "version": version]))
            }
        }
    }

    /// `samverkan db copy`: every row from one database to another.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every row from one database to another: SQLite to PostgreSQL or back.",
            discussion: """
                The copy is exact: approved minutes keep their checksums, so `samverkan minutes verify` \
                passes on the copy. The target gets its tables first; it must be empty unless --replace \
                is given. It is written in one transaction: a failure leaves it as it was.

                Examples:
                  samverkan db copy --from samverkan.sqlite --to postgres://samverkan@db.region.se/samverkan
                  samverkan db copy --from postgres://samverkan@db.region.se/samverkan --to kopia.sqlite
                """)

        @Option(help: ArgumentHelp("The database to copy from (file or postgres:// URL).", valueName: "file-or-url"))
        var from: String

        @Option(help: ArgumentHelp("The database to copy into (file or postgres:// URL).", valueName: "file-or-url"))
        var to: String

        @Flag(help: "Overwrite everything in a target that already holds data.")
        var replace = false

        @Option(name: .long, help: "Language of the text users read: sv (default) or en.")
        var lang: Language = .sv

        @OptionGroup var acting: ActingPerson

        func run() async throws {
            let phrases = try TemplateLibrary(language: lang.rawValue).phrasebook()
            // The person is looked up in $SAMVERKAN_CONFIG, else Config/samverkan.yaml.
            let person = try acting.text.map { text in
                try ActingPerson.id(text, in: try ConfigLoader.load(path: try ConfigLocator.configPath(option: nil)), phrases: phrases)
            }
            let source = try DbOptions.endpoint(from)
            let target = try DbOptions.endpoint(to)
            let report = try await withEndpoint(source) { source in
                try await withEndpoint(target) { target in
                    try await DatabaseCopier.copy(from: source, to: target, replace: replace, person: person)
                }
            }
            print(
                phrases.text(
                    "db.copy.done",
                    [
                        "total": String(report.total), "tables": String(report.rows.count), "from": source.location,
                        "to": target.location,
                    ]))
        }
    }
}

/// Runs `body` on an endpoint and closes it afterwards, whatever the outcome.
func withEndpoint<T: Sendable>(_ endpoint: any DatabaseEndpoint, _ body: (any DatabaseEndpoint) async throws -> T) async throws -> T {
    do {
        let result = try await body(endpoint)
        await endpoint.close()
        return result
    } catch {
        await endpoint.close()
        throw error
    }
}
