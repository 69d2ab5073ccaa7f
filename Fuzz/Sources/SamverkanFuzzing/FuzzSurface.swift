public import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanICal
import SamverkanRendering
import SamverkanStore

/// The four surfaces hostile input reaches, and the checks each input must pass.
public enum FuzzSurface: String, Sendable, CaseIterable {
    /// The YAML configuration loader; a configuration it accepts must give a draft template that parses.
    case config
    /// The minutes draft parser with the identity-number guard, and storing what it accepts.
    case draft
    /// `minutes import`: the archive JSON decoder, the guard, and importing into an in-memory store.
    case importJSON = "import"
    /// The iCalendar parser (libical through the wrapper).
    case ical
}

/// Runs one input against one surface; returns what went wrong, if anything.
///
/// A crash ends the process and a hang is timed by the caller; everything else is checked here:
/// - **echoed number**: no message (as the CLI prints it) holds a planted identity number or
///   any number the guard finds;
/// - **guard bypassed**: nothing accepted holds a planted number or any number the guard finds;
/// - **text lost**: what is accepted is stored as written — every stored line appears in the
///   draft as shown, a parse → render → parse round trip and the store give back the same text,
///   and the unedited template of an accepted configuration parses.
public final class FuzzTargets: @unchecked Sendable {
    let drafts: DraftOracle
    var database: AppDatabase
    var stored = 0
    /// How many inputs a surface accepted (parsed, or imported), for the report.
    public internal(set) var accepted: [FuzzSurface: Int] = [:]

    /// Loads the shipped configuration and templates from the repository at `root`.
    public init(root: URL) throws {
        drafts = try DraftOracle(root: root)
        database = try AppDatabase.inMemory()
    }

    /// Checks one input.
    public func check(_ surface: FuzzSurface, _ bytes: [UInt8]) -> FuzzFinding? {
        switch surface {
        case .config: return checkConfig(bytes)
        case .draft:
            // The CLI refuses text that is not UTF-8; repairing it reaches the parser more often.
            let text = String(decoding: bytes, as: UTF8.self)
            return drafts.check(text, store: freshDatabase(), accepted: { self.accepted[.draft, default: 0] += 1 })
                ?? drafts.checkPlanted(text)
        case .importJSON: return checkImport(bytes)
        case .ical: return checkICal(bytes)
        }
    }

    /// An in-memory store, renewed now and then so it stays small.
    func freshDatabase() -> AppDatabase {
        stored += 1
        if stored % 500 == 0, let renewed = try? AppDatabase.inMemory() { database = renewed }
        return database
    }

    func checkConfig(_ bytes: [UInt8]) -> FuzzFinding? {
        let configuration: RegionConfiguration
        do {
            configuration = try ConfigLoader.parse(data: Data(bytes), file: "fuzz.yaml")
        } catch {
            return Echo.check(error.problems.map(\.description) + [Echo.message(error)], surface: "config")
        }
        accepted[.config, default: 0] += 1
        return drafts.checkTemplates(of: configuration)
    }

    func checkImport(_ bytes: [UInt8]) -> FuzzFinding? {
        let archive: MinutesArchive
        do { archive = try AppDatabase.decodeArchive(Data(bytes)) } catch {
            return Echo.check([Echo.message(error)], surface: "import decode")
        }
        // `minutes import` refuses an archive whose decoded texts hold a number (MinutesArchiveCommands).
        let decisions = archive.meetingDecisions ?? []
        let texts =
            archive.minutes.flatMap(\.freeTexts) + archive.cancelled.map(\.reason) + decisions.flatMap { [$0.reason, $0.decidedBy ?? ""] }
        if texts.contains(where: { IdentityNumberGuard.containsNumber($0) }) { return nil }
        // …and one whose texts hold control characters (a NUL would cut the stored text).
        if texts.contains(where: { $0.forbiddenControlCharacter != nil }) { return nil }
        if let planted = Echo.planted(in: texts, bounded: true) {
            return FuzzFinding(.guardBypassed, "import accepted planted number #\(planted)")
        }
        guard archive.minutes.count <= 50, let database = try? AppDatabase.inMemory() else { return nil }
        do { _ = try database.importArchive(archive) } catch {
            return Echo.check([Echo.message(error)], surface: "import store")
        }
        accepted[.importJSON, default: 0] += 1
        guard let exported = try? database.exportArchive() else { return FuzzFinding(.textLost, "import: export after import failed") }
        for record in archive.minutes {
            guard let back = exported.minutes.first(where: { $0.id == record.id }) else { continue }
            if back.freeTexts != record.freeTexts {
                return FuzzFinding(.textLost, "import: record #\(record.id ?? 0) not stored as written")
            }
        }
        // The store was empty: every decision imported comes back, as written and in order.
        if !decisions.isEmpty, exported.meetingDecisions != decisions {
            return FuzzFinding(.textLost, "import: the meeting decisions were not exported as imported")
        }
        return nil
    }

    func checkICal(_ bytes: [UInt8]) -> FuzzFinding? {
        do { _ = try ParsedCalendar.parse(String(decoding: bytes, as: UTF8.self)) } catch {
            return Echo.check([error.description], surface: "ical")
        }
        accepted[.ical, default: 0] += 1
        return nil
    }
}
