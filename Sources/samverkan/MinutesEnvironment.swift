import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanStore
import SamverkanTemplates
import SamverkanRendering
import SamverkanTime

/// What every minutes command needs: configuration, phrases, templates and the store.
struct MinutesEnvironment {
    let global: GlobalOptions
    let configuration: RegionConfiguration
    let phrases: Phrasebook
    let database: AppDatabase

    init(_ global: GlobalOptions) throws {
        self.global = global
        configuration = try global.loadConfiguration().configuration
        phrases = try global.phrasebook()
        do {
            database = try global.openDatabase()
        } catch {
            // Two processes opening a new database at once may both try its first migration;
            // the one that lost finds the schema in place on a second try.
            Thread.sleep(forTimeInterval: 0.3)
            database = try global.openDatabase()
        }
    }

    /// A structure by id, or a user error naming the close ones.
    func structure(_ id: String) throws -> CollaborationStructure {
        do { return try configuration.structures(withIDs: [id])[0] } catch { throw UserError(error.description) }
    }

    /// A template of the chosen language, compiled, e.g. `minutes.md`.
    func template(_ name: String) throws -> TextTemplate {
        do { return try TemplateLibrary(language: global.lang).template(name) } catch { throw UserError("\(error)") }
    }

    /// Runs a store call, turning its errors into user errors with their message.
    func store<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError { throw UserError(error.description) } catch let error as UserError {
            throw error
        } catch {
            throw UserError("the database \(global.databasePath) could not be used: \(error)")
        }
    }

    /// The context a draft for a meeting of a structure is written and read against.
    func context(structure: CollaborationStructure, date: LocalDate, amends: Minutes? = nil) throws -> MinutesDraftContext {
        try store {
            MinutesDraftContext(
                configuration: configuration, structure: structure,
                openActions: try database.openActions(structureID: structure.id, before: amends?.date ?? date, excluding: amends?.id),
                activityStatus: try database.activityStatus(structureID: structure.id, before: amends?.date ?? date),
                previous: try database.previousMinutes(structureID: structure.id, before: amends?.date ?? date, excluding: amends?.id),
                amends: amends, phrases: phrases)
        }
    }

    /// The planned meeting on a date: its planned date and start time, or nil when the date
    /// is no meeting of the structure (an extra meeting).
    func occurrence(of structure: CollaborationStructure, on date: LocalDate) throws -> Occurrence? {
        try schedule(of: structure, from: date, through: date).first { $0.start.date == date }
    }

    /// The latest held meeting up to today that has neither minutes nor a cancellation.
    func latestUnrecorded(of structure: CollaborationStructure, today: LocalDate) throws -> Occurrence? {
        let recorded = try store { try database.recordedDates(structureID: structure.id) }
        let from = max(structure.starts, today.adding(days: -730))
        return try schedule(of: structure, from: from, through: today)
            .last { $0.start.date <= today && !recorded.contains($0.start.date) }
    }

    func schedule(of structure: CollaborationStructure, from: LocalDate, through: LocalDate) throws -> [Occurrence] {
        do {
            return try Scheduler().occurrences(of: structure, from: from.adding(days: -Scheduler.maximumMove),
                                               through: through.adding(days: Scheduler.maximumMove))
                .filter { $0.isHeld && $0.start.date >= from && $0.start.date <= through }
        } catch { throw UserError("the meetings of \(structure.id) cannot be computed: \(error)") }
    }

    /// The folder kept drafts live in: `drafts/` next to the database.
    var draftsFolder: URL {
        URL(fileURLWithPath: global.databasePath).deletingLastPathComponent().appendingPathComponent("drafts")
    }

    /// Prints to standard error.
    func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Refuses text holding an identity number (names given on the command line, reasons).
    func checkPrivacy(_ texts: [String], option: String) throws {
        if texts.contains(where: { IdentityNumberGuard.containsNumber($0) }) {
            throw UserError("\(option): " + phrases.text("minutes.error.privacy"))
        }
    }

    /// A yes/no question on the terminal; `defaultYes` when the answer is empty.
    static func ask(_ question: String, defaultYes: Bool) -> Bool {
        FileHandle.standardError.write(Data((question + " ").utf8))
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        if answer.isEmpty { return defaultYes }
        return answer.hasPrefix("j") || answer.hasPrefix("y")
    }

    /// Whether standard input is a terminal (someone can answer questions).
    static var interactive: Bool { isatty(0) == 1 }
}

/// `--format` of the reading commands.
enum MinutesFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, md, html
}

/// Text encoded as pretty, sorted JSON.
func prettyJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
