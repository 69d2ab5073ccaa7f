import ArgumentParser
import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanTemplates
import SamverkanReports
import SamverkanStore
import SamverkanCalendar
import SamverkanRendering
import SamverkanICal
import SamverkanTime

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The configuration file.",
        discussion: "Default: $SAMVERKAN_CONFIG, else Config/samverkan.yaml in the current folder.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "The database file for minutes and exports.",
        discussion: "Default: $SAMVERKAN_DATABASE, else samverkan/samverkan.sqlite in the user's data folder.",
        valueName: "file"))
    var database: String?

    @Option(name: .long, help: "Language of the text users read: sv (default) or en.")
    var lang: String = "sv"

    func validate() throws {
        guard Templates.languages.contains(lang) else {
            throw ValidationError("unknown language \"\(lang)\"; use sv or en")
        }
    }

    /// The configuration path after options, environment and defaults.
    func configPath() throws -> String {
        do { return try ConfigLocator.configPath(option: config) } catch { throw UserError(error.description) }
    }

    /// The database path after options, environment and defaults.
    var databasePath: String { ConfigLocator.databasePath(option: database) }

    /// Reads and checks the configuration; prints every problem and exits 1 when it is not valid.
    func loadConfiguration() throws -> (path: String, configuration: RegionConfiguration) {
        let path = try configPath()
        do {
            return (path, try ConfigLoader.load(path: path))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            let count = error.problems.count
            FileHandle.standardError.write(Data("\(count) problem\(count == 1 ? "" : "s") in \(path)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The phrases of the chosen language.
    func phrasebook() throws -> Phrasebook {
        do { return try TemplateLibrary(language: lang).phrasebook() } catch {
            throw UserError("\(error)")
        }
    }

    /// Today in Stockholm, or `SAMVERKAN_TODAY` (YYYY-MM-DD) for reproducible output.
    func today() throws -> LocalDate {
        if let text = ProcessInfo.processInfo.environment["SAMVERKAN_TODAY"], !text.isEmpty {
            guard let date = LocalDate(iso: text) else { throw UserError("SAMVERKAN_TODAY must be a date written YYYY-MM-DD, not \"\(text)\"") }
            return date
        }
        return ICalTimeZone.stockholm.localDateTime(epochSeconds: Int(Date().timeIntervalSince1970)).date
    }
}

/// A mistake the user can fix: printed as `Error: message`, exit code 1, never a stack trace.
struct UserError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension GlobalOptions {
    /// The calendar and invitation texts of the chosen language.
    func calendarTexts() throws -> CalendarTexts {
        do {
            let library = try TemplateLibrary(language: lang)
            return CalendarTexts(phrases: try phrasebook(),
                                 eventDescription: try library.template("event-description.txt"),
                                 invitation: try library.template("invitation.txt"),
                                 cancellation: try library.template("cancellation.txt"))
        } catch let error as UserError { throw error } catch { throw UserError("\(error)") }
    }

    /// The embedded database, created on first use.
    func openDatabase() throws -> AppDatabase {
        do { return try AppDatabase.open(path: databasePath) } catch { throw UserError("\(error)") }
    }
}
