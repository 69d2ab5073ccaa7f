import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore

extension MinutesCommand {
    /// `samverkan minutes export`: everything, as documented JSON.
    struct Export: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.export.abstract"),
                discussion: HelpWords.discussion("minutes.export.discussion"))
        }

        enum Format: String, ExpressibleByArgument { case json }

        @OptionGroup var global: GlobalOptions
        @Option(help: HelpWords.help("minutes.export.format", value: "format")) var format: Format = .json
        @Option(help: ArgumentHelp(HelpWords.text("minutes.export.output"), valueName: HelpWords.value("path"))) var output: String?

        func run() async throws {
            let database = try await global.openDatabase()
            let json = try await global.store { try await database.exportJSON() }
            if let output { try AtomicFile.write(json, to: output) } else { print(json, terminator: "") }
        }
    }

    /// `samverkan minutes import`: reads an export back, losslessly.
    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.import.abstract"),
                discussion: HelpWords.discussion("minutes.import.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: HelpWords.help("minutes.import.file", value: "file")) var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.unreadable(file) }
            let phrases = try global.phrasebook()
            let lines = IdentityNumberGuard.lines(in: String(decoding: data, as: UTF8.self))
            if !lines.isEmpty {
                for line in lines { TerminalOutput.writeError("\(file):\(line): \(phrases.text("minutes.error.privacy"))\n") }
                throw ExitCode(1)
            }
            let database = try await global.openDatabase()
            let archive = try AppDatabase.decodeArchive(data)
            // JSON escapes (`\u0031`) hide a number from the raw text: check every decoded text too,
            // each field of the archive (ids and timestamps as well as free text).
            let texts = Self.texts(in: archive)
            if texts.contains(where: { IdentityNumberGuard.containsNumber($0) }) {
                FileHandle.standardError.write(Data("\(file): \(phrases.text("minutes.error.privacy"))\n".utf8))
                throw ExitCode(1)
            }
            // A NUL would cut the stored text short: refuse control characters as drafts do.
            if let control = texts.lazy.compactMap(\.forbiddenControlCharacter).first {
                let code = "U+" + String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)
                FileHandle.standardError.write(Data("\(file): \(phrases.text("minutes.import.control-character", ["code": code]))\n".utf8))
                throw ExitCode(1)
            }
            let added = try await global.store { try await database.importArchive(archive) }
            print(
                phrases.text(
                    "minutes.imported",
                    [
                        "file": file, "minutes": String(added.minutes), "decisions": String(added.decisions),
                        "present": String(archive.minutes.count - added.minutes),
                    ]))
        }

        /// Every text held by a decoded value, found by walking its stored properties, so a field
        /// added to the archive later is checked without being listed here.
        static func texts(in value: Any) -> [String] {
            if let text = value as? String { return [text] }
            return Mirror(reflecting: value).children.flatMap { texts(in: $0.value) }
        }
    }
}

extension String {
    /// The text with zeros in front up to a length (`41` → `0041`).
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
