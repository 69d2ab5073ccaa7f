import ArgumentParser
import Foundation
import Logging
import SamverkanICal
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension Samverkan {
    /// `samverkan serve`: subscription feeds over HTTP, for calendar apps that refresh them.
    struct ServeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the secret subscription feeds (samverkan feeds) over HTTP, with /health and /metrics.",
            discussion: HelpText.reflowed(
                """
                Each feed is the calendar `calendar export` writes for its selection, over a rolling \
                window, read from the meeting register at every refresh: a cancelled or moved meeting \
                shows at the next refresh. Listens on loopback by default; put the region's reverse \
                proxy (TLS) in front of it. Stops gracefully on SIGTERM or SIGINT. Prints \
                `listening on http://HOST:PORT` once it accepts connections (--port 0: a free port).

                Examples:
                  samverkan serve --config Config/halland.yaml
                  samverkan serve --config Config/halland.yaml --host 127.0.0.1 --port 8080 --window-ahead-months 18
                """)
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
        var port = 8080

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The public address of the server (behind the proxy), shown in the log.", valueName: "URL"))
        var baseURL: String?

        @Option(name: .customLong("window-back-months"), help: "Months before today a feed holds.")
        var windowBackMonths = 3

        @Option(name: .customLong("window-ahead-months"), help: "Months after today a feed holds.")
        var windowAheadMonths = 12

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError.localized("usage.port") }
            guard windowBackMonths >= 0, windowAheadMonths >= 1, windowBackMonths + windowAheadMonths <= 120 else {
                throw ValidationError.localized("usage.window")
            }
        }

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let texts = try global.calendarTexts()
            let database = try global.openDatabase()
            // Fail now, not at the first request, when the store cannot be read.
            _ = try global.store { try database.registerRevision() }
            var logger = Logger(label: "samverkan.serve")
            logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            let fixedToday = ProcessInfo.processInfo.environment["SAMVERKAN_TODAY"].flatMap(LocalDate.init(iso:))
            let server = FeedServer(
                host: host, port: port,
                window: FeedService.Window(monthsBack: windowBackMonths, monthsAhead: windowAheadMonths),
                configuration: configuration, texts: texts,
                store: StoreHandle(path: global.databasePath, database: database),
                today: { fixedToday ?? Samverkan.ServeCommand.stockholmToday() }, logger: logger)
            let host = self.host
            let base = baseURL
            try await server.run { port in
                print("listening on http://\(host):\(port)" + (base.map { " (public address \($0))" } ?? ""))
                fflush(nil)
            }
        }

        /// Today in Stockholm.
        @Sendable static func stockholmToday() -> LocalDate {
            ICalTimeZone.stockholm.localDateTime(epochSeconds: Int(Date().timeIntervalSince1970)).date
        }
    }
}
