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
    struct Export: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("calendar.export.abstract"),
                discussion: HelpWords.discussion("calendar.export.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StructureSelection
        @OptionGroup var period: PeriodOptions

        @Option(
            help: ArgumentHelp(HelpWords.text("calendar.export.output"), valueName: HelpWords.value("path")))
        var output: String

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let chosen = try selection.resolve(in: configuration)
            let (from, to) = try period.window(today: try global.today())
            let texts = try global.calendarTexts()
            let database = try await global.openDatabase()
            let exporter = CalendarExporter(configuration: configuration, texts: texts, now: Int(Date().timeIntervalSince1970))
            try await global.refreshRegister(
                database, configuration, phrases: texts.phrases,
                through: global.registerHorizon(today: try global.today(), atLeast: to))
            let content = try await global.store {
                try await FeedContent.read(chosen, from: from, through: to, exporter: exporter, store: database)
            }
            if content.empty.count == chosen.count {
                throw CLIError("calendar.nothing-planned", ["from": from.iso, "to": to.iso])
            }
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
