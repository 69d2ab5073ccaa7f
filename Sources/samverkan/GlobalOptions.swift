import ArgumentParser
import Foundation
import SamverkanCalendar
import SamverkanConfig
import SamverkanDomain
import SamverkanICal
import SamverkanPostgres
import SamverkanRendering
import SamverkanStore
import SamverkanTemplates
import SamverkanTime

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            HelpWords.text("global.config") + " " + HelpWords.text("global.config.more"),
            valueName: HelpWords.value("file")))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            HelpWords.text("global.database") + " " + HelpWords.text("option.database.default"),
            valueName: HelpWords.value("file")))
    var database: String?

    @Option(name: .long, help: HelpWords.help("option.lang", value: "lang"))
    var lang: Language = .sv

    @OptionGroup var acting: ActingPerson

    /// The language code of `--lang`, e.g. `sv`.
    var language: String { lang.rawValue }

    /// The configuration path after options, environment and defaults.
    func configPath() throws -> String {
        try ConfigLocator.configPath(option: config)
    }

    /// The database path after options, environment and defaults.
    var databasePath: String { ConfigLocator.databasePath(option: database) }

    /// Reads and checks the configuration (a ``ConfigError`` lists every problem).
    func loadConfiguration() throws -> (path: String, configuration: RegionConfiguration) {
        let path = try configPath()
        return (path, try ConfigLoader.load(path: path))
    }

    /// The phrases of the chosen language.
    func phrasebook() throws -> Phrasebook {
        try TemplateLibrary(language: language).phrasebook()
    }

    /// Today in Stockholm, or `SAMVERKAN_TODAY` (YYYY-MM-DD) for reproducible output.
    func today() throws -> LocalDate {
        if let text = ProcessInfo.processInfo.environment["SAMVERKAN_TODAY"], !text.isEmpty {
            guard let date = LocalDate(iso: text) else { throw CLIError("environment.today-invalid", ["value": text]) }
            return date
        }
        return ICalTimeZone.stockholm.localDateTime(epochSeconds: Int(Date().timeIntervalSince1970)).date
    }

    /// The calendar and invitation texts of the chosen language.
    func calendarTexts() throws -> CalendarTexts {
        let library = try TemplateLibrary(language: language)
        return CalendarTexts(
            phrases: try phrasebook(),
            eventDescription: try library.template("event-description.txt"),
            invitation: try library.template("invitation.txt"),
            cancellation: try library.template("cancellation.txt"))
    }

    /// The embedded database, created on first use. A PostgreSQL URL is refused: in this
    /// version only the `samverkan db` commands work on PostgreSQL.
    func openDatabase() throws -> AppDatabase {
        try refusePostgres()
        let person = try actingPersonID()
        return try AppDatabase.open(path: databasePath).acting(as: person)
    }

    /// The configured person of `--as` (or `SAMVERKAN_AS`) by id, nil when neither is given.
    func actingPersonID() throws -> String? {
        guard let text = acting.text else { return nil }
        return try ActingPerson.id(text, in: try loadConfiguration().configuration, phrases: try phrasebook())
    }

    /// The embedded database when its file exists, nil when there is none yet (a report then
    /// reads no history). A PostgreSQL URL is refused as by ``openDatabase()``, not taken for a
    /// missing file.
    func existingDatabase() throws -> AppDatabase? {
        try refusePostgres()
        guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
        return try openDatabase()
    }

    /// Refuses a PostgreSQL URL: in this version only the `samverkan db` commands work on PostgreSQL.
    private func refusePostgres() throws {
        if PostgresURL.isPostgres(databasePath) {
            throw CLIError("db.postgres-not-yet", ["database": PostgresURL.redacted(databasePath)])
        }
    }

    /// Runs a store call; an error that is not the store's own (SQLite's) is a store problem of
    /// this database (`store.unusable`, exit 4).
    func store<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any SamverkanError { throw error } catch {
            throw StoreError("store.unusable", ["path": databasePath, "detail": String(describing: error)])
        }
    }
}
