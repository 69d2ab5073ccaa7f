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
            valueName: HelpWords.value("file-or-url")))
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

    /// The store of `--database` (or `SAMVERKAN_DATABASE`): the embedded SQLite file, created on
    /// first use, or a PostgreSQL database (`postgres://` / `postgresql://`), whose schema is
    /// brought up to date. Writes are recorded as done by the `--as` person.
    func openDatabase() async throws -> any MeetingStore {
        try await storeOpener()()
    }

    /// Opens the store of `--database` anew at each call, as ``openDatabase()`` does (`serve`
    /// opens more connections to a shared store with it).
    func storeOpener() throws -> @Sendable () async throws -> any MeetingStore {
        let person = try actingPersonID()
        if isPostgres {
            let url = try PostgresURL(databasePath, environment: ProcessInfo.processInfo.environment)
            return { try await PostgresStore.open(url).acting(as: person) }
        }
        let path = databasePath
        return { try AppDatabase.open(path: path).acting(as: person) }
    }

    /// The configured person of `--as` (or `SAMVERKAN_AS`) by id, nil when neither is given.
    func actingPersonID() throws -> String? {
        guard let text = acting.text else { return nil }
        return try ActingPerson.id(text, in: try loadConfiguration().configuration, phrases: try phrasebook())
    }

    /// The store when there is one: nil when the embedded database's file does not exist yet (a
    /// report then reads no history). A PostgreSQL database always exists (or fails to connect).
    func existingDatabase() async throws -> (any MeetingStore)? {
        if !isPostgres, !FileManager.default.fileExists(atPath: databasePath) { return nil }
        return try await openDatabase()
    }

    /// Whether the store is a PostgreSQL database rather than the embedded file.
    /// (An address with a typo in its scheme counts: opening it refuses it, never a file of its name.)
    var isPostgres: Bool { PostgresURL.looksLikeAddress(databasePath) }

    /// The store's location as it may be shown: a PostgreSQL URL without its password.
    var databaseShown: String { isPostgres ? PostgresURL.redacted(databasePath) : databasePath }

    /// The local folder of this user's samverkan files: next to the embedded database, or where
    /// it would be by default when the store is a PostgreSQL database.
    var localFolder: URL {
        guard isPostgres else { return URL(fileURLWithPath: databasePath).deletingLastPathComponent() }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "SAMVERKAN_DATABASE" }
        return URL(fileURLWithPath: ConfigLocator.databasePath(option: nil, environment: environment)).deletingLastPathComponent()
    }

    /// Runs a store call; an error that is not the store's own (SQLite's) is a store problem of
    /// this database (`store.unusable`, exit 4).
    func store<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as any SamverkanError { throw error } catch {
            throw StoreError("store.unusable", ["path": databaseShown, "detail": String(describing: error)])
        }
    }
}
