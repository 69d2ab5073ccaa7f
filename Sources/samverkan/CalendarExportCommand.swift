import SamverkanTime
import SamverkanRendering
import SamverkanICal
import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanStore
import SamverkanCalendar

extension Samverkan.CalendarCommand {
    /// `samverkan calendar export`: a `METHOD:PUBLISH` feed to import or subscribe to.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the meeting series as one .ics file, or one file per structure into a folder.",
            discussion: """
                UIDs come from the structures' ids, so a new export updates the meetings already in \
                people's calendars instead of duplicating them. The meetings come from the meeting \
                register (`samverkan meeting`): a cancelled meeting is an EXDATE of its series (a cancelled \
                dated or extra meeting is left out), a moved one an override that says why and from when, \
                an extra meeting an event of its own. SEQUENCE belongs to a UID and rises only when \
                what an attendee sees of it changes (remembered in the database), never because the \
                window moved. The file is written whole or not at all.

                Examples:
                  samverkan calendar export --config Config/halland.yaml --all --output halland.ics
                  samverkan calendar export --config Config/halland.yaml --organisation halmstad --output kalendrar/
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StructureSelection
        @OptionGroup var period: PeriodOptions

        @Option(help: ArgumentHelp("The .ics file, or an existing folder (or one ending in /) for one file per structure.", valueName: "path"))
        var output: String

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let chosen = try selection.resolve(in: configuration)
            let (from, to) = try period.window(today: try global.today())
            let texts = try global.calendarTexts()
            let exporter = CalendarExporter(configuration: configuration, texts: texts, now: Int(Date().timeIntervalSince1970))
            let database = try global.openDatabase()
            let meetings = try global.calendarMeetings(database, configuration, structures: chosen, from: from, through: to)
            let plans = try exporter.plans(for: chosen, meetings: meetings.window).filter { !$0.isCancelled }
            let empty = chosen.filter { structure in !plans.contains { $0.structure.id == structure.id } }
            if empty.count == chosen.count {
                throw CLIError("calendar.nothing-planned", ["from": from.iso, "to": to.iso])
            }
            var sequences: [String: Int] = [:]
            for plan in plans {
                let hash = try exporter.contentHash(uid: plan.uid, of: plan.structure, meetings: meetings.all(of: plan.structure.id))
                sequences[plan.uid] = try global.store {
                    try database.sequence(uid: plan.uid, structureID: plan.structure.id, contentHash: hash)
                }
            }
            var written: [String] = []
            if isFolder {
                try AtomicFile.createFolder(output)
                for structure in chosen {
                    let own = plans.filter { $0.structure.id == structure.id }
                    guard !own.isEmpty else { continue }
                    let name = texts.phrases.text("calendar.name.one", ["name": structure.name])
                    let path = (output as NSString).appendingPathComponent("\(structure.id).ics")
                    try AtomicFile.write(try exporter.feed(own, sequences: sequences, name: name).serialized(), to: path)
                    written.append(path)
                }
            } else {
                try AtomicFile.write(try exporter.feed(plans, sequences: sequences, name: calendarName(chosen, configuration, texts)).serialized(),
                                     to: output)
                written.append(output)
            }
            for structure in empty {
                TerminalOutput.writeError("note: \(structure.id) has no meeting between \(from) and \(to); it is not in the calendar\n")
            }
            let series = Set(plans.map(\.structure.id)).count
            print("\(written.count == 1 ? written[0] : "\(written.count) files in \(output)"): \(series) series, \(from) – \(to)")
        }

        /// `X-WR-CALNAME` of a single file: the person's (`--person`), the structure's, or the region's.
        func calendarName(_ chosen: [CollaborationStructure], _ configuration: RegionConfiguration, _ texts: CalendarTexts) -> String {
            if let email = selection.person,
               let person = configuration.people.first(where: { $0.email?.lowercased() == email.lowercased() }) {
                return texts.phrases.text("calendar.name.person", ["name": person.name])
            }
            return chosen.count == 1 ? texts.phrases.text("calendar.name.one", ["name": chosen[0].name])
                : texts.phrases.text("calendar.name.all", ["region": configuration.region.name])
        }

        var isFolder: Bool {
            var directory: ObjCBool = false
            return output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &directory) && directory.boolValue)
        }

    }
}
