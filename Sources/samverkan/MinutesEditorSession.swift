import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering

/// Writing minutes like `git commit`: a draft file, `$VISUAL`/`$EDITOR`, parse, and back to the
/// editor on a mistake. Nothing typed is lost: the draft file stays until the minutes are saved.
struct MinutesEditorSession {
    let environment: MinutesEnvironment
    /// The draft file, under `drafts/` next to the database.
    let draftURL: URL
    /// The command that retries, shown when the draft is kept.
    let retryHint: String

    /// Opens the editor on the draft until it parses, then returns the minutes.
    ///
    /// A draft kept from an earlier attempt is reused rather than overwritten.
    /// - Throws: `ExitCode(1)` after printing the problems and the kept draft's path when the
    ///   draft does not parse and nobody can answer, or the editor fails.
    func edit(initial: String, parse: (String) throws(MinutesDraftError) -> Minutes) throws -> Minutes {
        let phrases = environment.phrases
        let fileManager = FileManager.default
        try AtomicFile.createFolder(draftURL.deletingLastPathComponent().path)
        if fileManager.fileExists(atPath: draftURL.path) {
            environment.warn(phrases.text("minutes.resume", ["path": draftURL.path]))
        } else {
            try AtomicFile.write(initial, to: draftURL.path)
        }
        while true {
            try runEditor()
            let text = try readDraft()
            do {
                return try parse(text)
            } catch {
                report(error)
                if MinutesEnvironment.interactive, MinutesEnvironment.ask(phrases.text("minutes.reopen"), defaultYes: true) { continue }
                throw keep()
            }
        }
    }

    /// Prints every problem as `LINE: message` and a count.
    func report(_ error: MinutesDraftError) {
        for problem in error.problems { environment.warn(problem.description) }
        environment.warn(environment.phrases.text("minutes.problems", ["count": String(error.problems.count)]))
    }

    /// Tells where the draft is kept; returns the exit code to throw.
    func keep() -> ExitCode {
        environment.warn(environment.phrases.text("minutes.kept", ["path": draftURL.path]))
        environment.warn(environment.phrases.text("minutes.kept.resume", ["command": retryHint]))
        return ExitCode(1)
    }

    /// Removes the draft once the minutes are saved.
    func finish() {
        try? FileManager.default.removeItem(at: draftURL)
    }

    func readDraft() throws -> String {
        guard let data = FileManager.default.contents(atPath: draftURL.path) else {
            throw CLIError("draft.gone", ["path": draftURL.path], category: .io)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("draft.not-utf8", ["path": draftURL.path])
        }
        return MinutesDraftParser.normalizedLineEnds(text)
    }

    /// Runs `$VISUAL`, else `$EDITOR`, else `vi` on a terminal, through `/bin/sh` like git does.
    func runEditor() throws {
        let env = ProcessInfo.processInfo.environment
        let editor =
            [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            ?? (MinutesEnvironment.interactive ? "vi" : nil)
        guard let editor else {
            environment.warn(environment.phrases.text("minutes.editor.none"))
            throw keep()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$0\"", draftURL.path]
        do { try process.run() } catch {
            environment.warn(
                environment.phrases.text("minutes.editor.cannot-start", ["editor": editor, "detail": error.localizedDescription]))
            throw keep()
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            environment.warn(
                environment.phrases.text("minutes.editor.failed", ["editor": editor, "status": String(process.terminationStatus)]))
            throw keep()
        }
    }
}
