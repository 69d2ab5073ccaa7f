import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTemplates
import SamverkanTime

/// What every minutes command needs: configuration, phrases, templates and the store.
struct MinutesEnvironment {
    let global: GlobalOptions
    let configuration: RegionConfiguration
    let phrases: Phrasebook
    let database: any MeetingStore
    /// The last day the register was brought up to date through when the environment was made.
    let registerHorizon: LocalDate

    init(_ global: GlobalOptions) async throws {
        self.global = global
        configuration = try global.loadConfiguration().configuration
        phrases = try global.phrasebook()
        do {
            database = try await global.openDatabase()
        } catch  where !global.isPostgres {
            // Two processes opening a new database file at once may both try its first
            // migration; the one that lost finds the schema in place on a second try.
            try await Task.sleep(for: .milliseconds(300))
            database = try await global.openDatabase()
        }
        // The register first, before a draft is read: saving is then the command's only write.
        registerHorizon = global.registerHorizon(today: try global.today())
        try await global.refreshRegister(database, configuration, phrases: phrases, through: registerHorizon)
    }

    /// A structure by id (a ``LookupError`` names the close ones).
    func structure(_ id: String) throws -> CollaborationStructure {
        try configuration.structures(withIDs: [id])[0]
    }

    /// A template of the chosen language, compiled, e.g. `minutes.md`.
    func template(_ name: String) throws -> TextTemplate {
        try TemplateLibrary(language: global.language).template(name)
    }

    /// Runs a store call (see ``GlobalOptions/store(_:)``).
    func store<T>(_ body: () async throws -> T) async throws -> T {
        try await global.store(body)
    }

    /// The context a draft for a meeting of a structure is written and read against.
    func context(structure: CollaborationStructure, date: LocalDate, amends: Minutes? = nil) async throws -> MinutesDraftContext {
        try await store {
            MinutesDraftContext(
                configuration: configuration, structure: structure,
                openActions: try await database.openActions(structureID: structure.id, before: amends?.date ?? date, excluding: amends?.id),
                withdrawnActions: try await database.withdrawnActions(structureID: structure.id),
                activityStatus: try await database.activityStatus(structureID: structure.id, before: amends?.date ?? date),
                previous: try await database.previousMinutes(
                    structureID: structure.id, before: amends?.date ?? date, excluding: amends?.id),
                amends: amends, phrases: phrases)
        }
    }

    /// The register's meeting of a structure on a date (planned or held that day), or nil when
    /// there is none (an extra meeting). A cancelled meeting is refused with the command that
    /// restores it.
    func meeting(of structure: CollaborationStructure, on date: LocalDate) async throws -> RegisteredMeeting? {
        let meetings = try await registered(structure, from: date, through: date)
        if let held = meetings.first(where: { $0.isHeld && $0.start.date == date })
            ?? meetings.first(where: { $0.isHeld && $0.plannedDate == date })
        {
            return held
        }
        if meetings.contains(where: { $0.state == .cancelled && ($0.plannedDate == date || $0.start.date == date) }) {
            throw CLIError("minutes.meeting-cancelled", ["structure": structure.id, "date": date.iso])
        }
        return nil
    }

    /// The latest held meeting up to today that has neither minutes nor a cancellation.
    func latestUnrecorded(of structure: CollaborationStructure, today: LocalDate) async throws -> RegisteredMeeting? {
        let recorded = try await store { try await database.recordedDates(structureID: structure.id) }
        let from = max(structure.starts, today.adding(days: -730))
        return try await registered(structure, from: from, through: today)
            .last { $0.isHeld && $0.start.date <= today && !recorded.contains($0.start.date) && !recorded.contains($0.plannedDate) }
    }

    /// The register's meetings of a structure in a window (brought up to date at start; again
    /// only for a window beyond that).
    func registered(_ structure: CollaborationStructure, from: LocalDate, through: LocalDate) async throws -> [RegisteredMeeting] {
        if through > registerHorizon {
            try await global.refreshRegister(
                database, configuration, phrases: phrases,
                through: global.registerHorizon(today: try global.today(), atLeast: through))
        }
        return try await store { try await database.registeredMeetings(structureIDs: [structure.id], from: from, through: through) }
    }

    /// The folder kept drafts live in: `drafts/` next to the embedded database (in this user's
    /// data folder when the store is a PostgreSQL database).
    var draftsFolder: URL {
        global.localFolder.appendingPathComponent("drafts")
    }

    /// Prints to standard error, never repeating an identity number.
    func warn(_ text: String) { global.warn(text) }

    /// Refuses text holding an identity number (names given on the command line, reasons).
    func checkPrivacy(_ texts: [String], option: String) throws {
        if texts.contains(where: { IdentityNumberGuard.containsNumber($0) }) {
            throw CLIError("minutes.privacy", ["option": option])
        }
    }

    /// A yes/no question on the terminal; `defaultYes` when the answer is empty.
    static func ask(_ question: String, defaultYes: Bool) -> Bool {
        TerminalOutput.writeError((question + " "))
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        if answer.isEmpty { return defaultYes }
        return answer.hasPrefix("j") || answer.hasPrefix("y")
    }

    /// Whether standard input is a terminal (someone can answer questions).
    static var interactive: Bool { isatty(0) == 1 }
}

/// Text encoded as pretty, sorted JSON.
func prettyJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
