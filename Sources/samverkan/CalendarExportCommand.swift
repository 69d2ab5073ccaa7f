import ArgumentParser
import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanICal
import SamverkanRendering
import SamverkanReports
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension Samverkan.CalendarCommand {
    /// `samverkan calendar export`: a `METHOD:PUBLISH` feed to import or subscribe to.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the meeting series as one .ics file, or one file per structure into a folder.",
            discussion: HelpText.reflowed(
                """
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
                """)
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StructureSelection
        @OptionGroup var period: PeriodOptions

        @Option(
            help: ArgumentHelp("The .ics file, or an existing folder (or one ending in /) for one file per structure.", valueName: "path"))
        var output: String

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let chosen = try selection.resolve(in: configuration)
            let (from, to) = try period.window(today: try global.today())
            let texts = try global.calendarTexts()
            let database = try global.openDatabase()
            let renderer = try global.feedRenderer(database, configuration, now: Int(Date().timeIntervalSince1970))
            try global.refreshRegister(
                database, configuration, phrases: texts.phrases,
                through: global.registerHorizon(today: try global.today(), atLeast: to))
            let content = try global.store { try renderer.content(of: chosen, from: from, through: to) }
            if content.empty.count == chosen.count {
                throw CLIError("calendar.nothing-planned", ["from": from.iso, "to": to.iso])
            }
            let exporter = renderer.exporter
            var written: [String] = []
            if isFolder {
                try AtomicFile.createFolder(output)
                for structure in chosen {
                    let own = content.plans.filter { $0.structure.id == structure.id }
                    guard !own.isEmpty else { continue }
                    let name = texts.phrases.text("calendar.name.one", ["name": structure.name])
                    let path = (output as NSString).appendingPathComponent("\(structure.id).ics")
                    try AtomicFile.write(try exporter.feed(own, sequences: content.sequences, name: name).serialized(), to: path)
                    written.append(path)
                }
            } else {
                let name = selection.feedSelection.calendarName(chosen, in: configuration, phrases: texts.phrases)
                try AtomicFile.write(try exporter.feed(content.plans, sequences: content.sequences, name: name).serialized(), to: output)
                written.append(output)
            }
            for structure in content.empty {
                TerminalOutput.writeError(
                    texts.phrases.text("export.note.empty", ["structure": structure.id, "from": from.iso, "to": to.iso]) + "\n")
            }
            let series = Set(content.plans.map(\.structure.id)).count
            let place =
                written.count == 1
                ? written[0]
                : texts.phrases.text(
                    "output.files-in", ["count": String(written.count), "one": written.count == 1 ? "1" : "", "folder": output])
            print(
                texts.phrases.text(
                    "export.written",
                    ["where": place, "count": String(series), "one": series == 1 ? "1" : "", "from": from.iso, "to": to.iso]))
        }

        var isFolder: Bool {
            var directory: ObjCBool = false
            return output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &directory) && directory.boolValue)
        }

    }
}
