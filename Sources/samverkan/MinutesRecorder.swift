import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// Parses a draft, settles which meeting it records, and saves it — keeping the draft on any failure.
struct MinutesRecorder {
    let environment: MinutesEnvironment
    let structure: CollaborationStructure
    /// `--extra`: a date that is no planned meeting is recorded without asking.
    let allowExtra: Bool

    /// Records a draft given with `--file`.
    /// - Parameters:
    ///   - suggestedDate: the day of the meeting the draft is for.
    ///   - givenDate: `--date`, which names the meeting: a draft dated neither that day nor the
    ///     meeting's (moved) day is refused rather than saved for another meeting.
    func record(input: MinutesDraftInput, context: MinutesDraftContext, suggestedDate: LocalDate, givenDate: LocalDate? = nil) async throws
    {
        let keptURL =
            input.isStandardInput ? environment.draftsFolder.appendingPathComponent("\(structure.id)-\(suggestedDate.iso).md") : nil
        /// - Parameter extra: the retry needs `--extra` (given, or the date turned out to be no planned meeting).
        /// - Parameter unchanged: the correction changes nothing: re-running as it is would fail again.
        /// - Parameter retry: whether running the same command again can help (not when the
        ///   meeting has minutes already: the error names the correction to make instead).
        func keep(extra: Bool = allowExtra, unchanged: Bool = false, retry: Bool = true) throws -> ExitCode {
            if let keptURL {
                try FileManager.default.createDirectory(at: keptURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(input.text, to: keptURL.path)
            }
            let path = keptURL?.path ?? input.path
            // A draft of one's own (`--file PATH`) was only read: say it is untouched, not "saved".
            environment.warn(environment.phrases.text(keptURL == nil ? "minutes.kept.own-file" : "minutes.kept", ["path": path]))
            if !retry {
                // The error that follows says what to do.
            } else if unchanged, let amended = context.amends?.id {
                environment.warn(environment.phrases.text("minutes.kept.retry.unchanged", ["id": String(amended), "path": path]))
            } else if let amended = context.amends?.id {
                environment.warn(environment.phrases.text("minutes.kept.retry.amend", ["id": String(amended), "path": path]))
            } else {
                environment.warn(
                    environment.phrases.text(
                        "minutes.kept.retry", ["structure": structure.id, "path": path, "extra": extra ? "--extra" : ""]))
            }
            return ExitCode(1)
        }
        let minutes: Minutes
        do {
            minutes = try MinutesDraftParser.parse(input.text, context: context)
        } catch {
            for problem in error.problems { environment.warn(problem.description) }
            environment.warn(environment.phrases.text("minutes.problems", ["count": String(error.problems.count)]))
            throw try keep()
        }
        let stored: Minutes
        do {
            if let givenDate, minutes.date != givenDate, minutes.date != suggestedDate {
                throw CLIError("minutes.date-disagrees", ["given": givenDate.iso, "draft": minutes.date.iso])
            }
            stored = try await save(minutes, original: context.amends)
        } catch {
            let code = (error as? any SamverkanError)?.code
            _ = try keep(
                extra: allowExtra || code == "minutes.not-a-planned-meeting", unchanged: code == "minutes.correction-unchanged",
                retry: code != "minutes.exist")
            throw error
        }
        // A draft kept earlier in drafts/ has served its purpose once its minutes are saved.
        let given = URL(fileURLWithPath: input.path).standardizedFileURL
        if !input.isStandardInput, given.deletingLastPathComponent().path == environment.draftsFolder.standardizedFileURL.path {
            try? FileManager.default.removeItem(at: given)
        }
        removeKeptDrafts(of: stored, original: context.amends, suggestedDate: suggestedDate)
    }

    /// Removes the drafts kept under `drafts/` for the meeting whose minutes were just saved:
    /// a kept draft may hold what was refused (an identity number), and README promises it
    /// lives there only until the minutes are saved.
    func removeKeptDrafts(of stored: Minutes, original: Minutes?, suggestedDate: LocalDate) {
        var names = Set([stored.date, suggestedDate].map { "\(structure.id)-\($0.iso).md" })
        if let original, let id = original.id {
            names.insert("\(structure.id)-\(original.date.iso).md")
            names.insert("\(structure.id)-\(original.date.iso)-rattelse-\(id).md")
        }
        for name in names {
            try? FileManager.default.removeItem(at: environment.draftsFolder.appendingPathComponent(name))
        }
    }

    /// Records minutes written in the editor.
    func recordInEditor(draft: String, draftName: String, context: MinutesDraftContext, suggestedDate: LocalDate) async throws {
        let url = environment.draftsFolder.appendingPathComponent(draftName)
        let retry =
            context.amends.flatMap(\.id).map { "samverkan minutes amend \($0)" }
            ?? "samverkan minutes new --structure \(structure.id) --date \(suggestedDate.iso)"
        let session = MinutesEditorSession(environment: environment, draftURL: url, retryHint: retry)
        let minutes = try session.edit(initial: draft) { (text: String) throws(MinutesDraftError) -> Minutes in
            try MinutesDraftParser.parse(text, context: context)
        }
        let stored: Minutes
        do { stored = try await save(minutes, original: context.amends) } catch {
            _ = session.keep()
            throw error
        }
        session.finish()
        removeKeptDrafts(of: stored, original: context.amends, suggestedDate: suggestedDate)
    }

    /// Settles the meeting (planned or extra) and saves in one transaction.
    /// - Returns: the minutes as stored.
    @discardableResult
    func save(_ parsed: Minutes, original: Minutes?) async throws -> Minutes {
        var minutes = parsed
        // Minutes are the record of a meeting held: one that lies ahead cannot have any yet.
        let today = try environment.global.today()
        if minutes.date > today { throw CLIError("minutes.not-yet-held", ["date": minutes.date.iso, "today": today.iso]) }
        if let original {
            minutes.amends = original.id
            minutes.plannedDate = await minutes.date == original.date ? original.plannedDate : try planned(minutes.date)
        } else {
            minutes.plannedDate = try await planned(minutes.date)
        }
        let savedAt = try environment.global.recordedTimestamp()
        let stored = try await environment.store { try await environment.database.save(minutes, savedAt: savedAt) }
        let id = String(stored.id ?? 0)
        print(environment.phrases.text("minutes.saved", ["id": id, "structure": structure.id, "date": stored.date.iso]))
        print(environment.phrases.text("minutes.saved.next", ["id": id]))
        return stored
    }

    /// The planned date of the meeting held on a date; nil for a confirmed extra meeting.
    func planned(_ date: LocalDate) async throws -> LocalDate? {
        if let meeting = try await environment.meeting(of: structure, on: date) {
            // Minutes dated the planned day of a meeting moved away would be filed under a day it was not held.
            if meeting.start.date != date {
                throw CLIError("minutes.meeting-moved", ["structure": structure.id, "planned": date.iso, "date": meeting.start.date.iso])
            }
            return meeting.state == .extra ? nil : meeting.plannedDate
        }
        // An extra meeting follows the rule of `meeting add`: never on a weekend, holiday or break day.
        if let reason = Scheduler().dayOff(date, breaks: structure.breaks) {
            throw RegisterError.dayOff(structureID: structure.id, date: date, reason: reason)
        }
        let question = environment.phrases.text("minutes.confirm-extra", ["date": date.iso, "structure": structure.id])
        if allowExtra || (MinutesEnvironment.interactive && MinutesEnvironment.ask(question, defaultYes: false)) { return nil }
        throw CLIError("minutes.not-a-planned-meeting", ["date": date.iso, "structure": structure.id])
    }
}

/// A filled draft given with `--file PATH` or `--file -`.
struct MinutesDraftInput {
    let path: String
    let text: String
    var isStandardInput: Bool { path == "-" }

    static func read(_ path: String) throws -> MinutesDraftInput {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
            if data == nil { throw CLIError.unreadable(path) }
        }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw CLIError("file.not-utf8", ["path": path == "-" ? "-" : path])
        }
        // Windows editors save CRLF: read it like LF everywhere (also `field(_:in:_:)`).
        return MinutesDraftInput(path: path, text: MinutesDraftParser.normalizedLineEnds(text))
    }

    /// The value of a header field (`Struktur:`, `Datum:`) in a draft, before it is parsed.
    static func field(_ key: String, in text: String, _ phrases: Phrasebook) -> String? {
        let label = phrases.text("minutes.field.\(key)").lowercased() + ":"
        for line in text.split(separator: "\n") where line.lowercased().hasPrefix(label) {
            let value = line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
