import ArgumentParser
import Foundation
import Logging
import SamverkanICal
import SamverkanRendering
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension Samverkan {
    /// `samverkan serve`: subscription feeds over HTTP, for calendar apps that refresh them.
    struct ServeCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "serve",
                abstract: HelpWords.text("serve.abstract"),
                discussion: HelpWords.discussion("serve.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(HelpWords.text("serve.host"), valueName: HelpWords.value("address")))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp(HelpWords.text("serve.port"), valueName: HelpWords.value("port")))
        var port = 8080

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                HelpWords.text("serve.base-url"), valueName: "URL"))
        var baseURL: String?

        @Option(name: .customLong("window-back-months"), help: HelpWords.help("serve.window-back-months", value: "months"))
        var windowBackMonths = 3

        @Option(name: .customLong("window-ahead-months"), help: HelpWords.help("serve.window-ahead-months", value: "months"))
        var windowAheadMonths = 12

        @Option(name: .customLong("database-timeout"), help: HelpWords.help("serve.database-timeout", value: "seconds"))
        var databaseTimeout = 30

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError.localized("usage.port") }
            guard windowBackMonths >= 0, windowAheadMonths >= 1, windowBackMonths + windowAheadMonths <= 120 else {
                throw ValidationError.localized("usage.window")
            }
            guard (1...3600).contains(databaseTimeout) else { throw ValidationError.localized("usage.database-timeout") }
        }

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let texts = try global.calendarTexts()
            let source = try await storeSource()
            var logger = Logger(label: "samverkan.serve")
            logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            let fixedToday = ProcessInfo.processInfo.environment["SAMVERKAN_TODAY"].flatMap(LocalDate.init(iso:))
            let server = FeedServer(
                host: host, port: port,
                window: FeedService.Window(monthsBack: windowBackMonths, monthsAhead: windowAheadMonths),
                configuration: configuration, texts: texts,
                store: source,
                today: { fixedToday ?? Samverkan.ServeCommand.stockholmToday() }, logger: logger)
            let host = self.host
            let base = baseURL
            let phrases = try global.phrasebook()
            try await server.run { port in
                let address = "http://\(host):\(port)"
                print(
                    base.map { phrases.text("serve.listening-public", ["address": address, "public": $0]) }
                        ?? phrases.text("serve.listening", ["address": address]))
                fflush(nil)
            }
        }

        /// The store the feeds come from, checked now (not at the first request): the embedded
        /// file, or a shared PostgreSQL database through a pool of connections (this first one
        /// and more as requests need them, each opened as `--database` says).
        func storeSource() async throws -> FeedStoreSource {
            guard global.isPostgres else {
                let database = try AppDatabase.open(path: global.databasePath).acting(as: try global.actingPersonID())
                _ = try await global.store { try database.registerRevision() }
                return .file(StoreHandle(path: global.databasePath, database: database))
            }
            let open = try global.storeOpener()
            let first = try await open()
            _ = try await global.store { try await first.registerRevision() }
            return .shared(StorePool(first: first, timeout: .seconds(databaseTimeout), open: open))
        }

        /// Today in Stockholm.
        @Sendable static func stockholmToday() -> LocalDate {
            ICalTimeZone.stockholm.localDateTime(epochSeconds: Int(Date().timeIntervalSince1970)).date
        }
    }
}
