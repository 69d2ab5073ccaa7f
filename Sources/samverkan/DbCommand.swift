import ArgumentParser
import Foundation
import SamverkanConfig
import SamverkanPostgres
import SamverkanRendering
import SamverkanStore

extension Samverkan {
    /// `samverkan db`: the store itself: its engine and schema, migrations, and copies between
    /// the SQLite file and a shared PostgreSQL database.
    struct DbCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "db",
                abstract: HelpWords.text("db.abstract"),
                discussion: HelpWords.discussion("db.discussion"),
                subcommands: [Status.self, Migrate.self, Copy.self]
            )
        }
    }
}

/// The options of every `samverkan db` command.
struct DbOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            HelpWords.text("db.options.database") + " " + HelpWords.text("option.database.default"),
            valueName: HelpWords.value("file-or-url")))
    var database: String?

    @Option(name: .long, help: HelpWords.help("option.lang", value: "lang"))
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
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("db.migrate.abstract"),
                discussion: HelpWords.discussion("db.migrate.discussion"))
        }

        @OptionGroup var options: DbOptions

        func run() async throws {
            let endpoint = try options.endpoint()
            let phrases = try options.phrasebook()
            let applied = try await withEndpoint(endpoint) { try await $0.migrate() }
            let version = String(AppDatabase.sharedSchema(endpoint.knownMigrations).count)
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
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("db.copy.abstract"),
                discussion: HelpWords.discussion("db.copy.discussion"))
        }

        @Option(help: ArgumentHelp(HelpWords.text("db.copy.from"), valueName: HelpWords.value("file-or-url")))
        var from: String

        @Option(help: ArgumentHelp(HelpWords.text("db.copy.to"), valueName: HelpWords.value("file-or-url")))
        var to: String

        @Flag(help: HelpWords.help("db.copy.replace"))
        var replace = false

        @Option(name: .long, help: HelpWords.help("option.lang", value: "lang"))
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
