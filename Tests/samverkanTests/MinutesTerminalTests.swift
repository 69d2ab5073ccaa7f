import Foundation
import SamverkanTestSupport
import Testing

/// `minutes new` at a real terminal (a pseudo-terminal from Python's `pty` module,
/// `Tests/Peers/pty_session.py`): after a draft with mistakes it asks whether to open the draft
/// again, and the answer decides what happens.
@Suite("minutes new at a terminal", .serialized)
struct MinutesTerminalTests {
    struct Session: Decodable {
        let status: Int
        let answered: Int
        let timedOut: Bool
        let transcript: String
    }

    /// An editor that misspells a participant on its first run and corrects it on the next,
    /// counting its runs in `runs.txt`.
    static func editor(_ w: MinutesEndToEndTests.Workspace) throws -> String {
        let count = w.folder.url("runs.txt").path
        return try w.editor(
            "twice.sh",
            """
            n=$(cat '\(count)' 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" > '\(count)'
            if [ "$n" -eq 1 ]; then
              sed -i 's/^- \\[ \\] Socialchef Halmstad/- [x] Socialchef Halmstadd/' "$f"
            else
              sed -i 's/Socialchef Halmstadd/Socialchef Halmstad/' "$f"
            fi
            """)
    }

    /// Runs `minutes new --structure rug` on a pseudo-terminal, typing `answer` at the re-open question.
    static func run(_ w: MinutesEndToEndTests.Workspace, answer: String, prompt: String = "Öppna utkastet igen? [J/n]", lang: [String] = [])
        throws -> Session
    {
        var environment = w.environment()
        environment["EDITOR"] = try editor(w)
        let result = try CLIRunner.runTool(
            "/usr/bin/env",
            [
                "python3", CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/pty_session.py").path,
                "--prompt", prompt, "--answer", answer, "--timeout", "60", "--",
                CLIRunner.binary.path, "minutes", "new", "--structure", "rug",
            ] + lang, environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return try JSONDecoder().decode(Session.self, from: Data(result.stdout.utf8))
    }

    static func editorRuns(_ w: MinutesEndToEndTests.Workspace) throws -> String {
        try String(contentsOf: w.folder.url("runs.txt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("Answering yes opens the editor again on the same draft; the corrected draft is saved and removed")
    func yes() throws {
        let w = try MinutesEndToEndTests.Workspace()
        let session = try Self.run(w, answer: "j")
        #expect(!session.timedOut && session.answered == 1 && session.status == 0, "\(session.transcript)")
        #expect(session.transcript.contains("\"Socialchef Halmstadd\" finns inte bland deltagarna"))
        #expect(session.transcript.contains("2 fel i utkastet\nÖppna utkastet igen? [J/n] j\n"))
        #expect(session.transcript.contains("Sparade minnesanteckningar #1 för rug 2025-03-13."), "\(session.transcript)")
        #expect(!session.transcript.contains("Utkastet är sparat"))
        #expect(try Self.editorRuns(w) == "2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.drafts.path).isEmpty)
        let show = try w.run(["minutes", "show", "1"])
        #expect(show.stdout.contains("- [x] Socialchef Halmstad (Socialchef)"), "\(show.stdout)\(show.stderr)")
    }

    @Test("Answering no saves nothing, keeps the draft with what was typed and says how to go on; exit 1")
    func no() throws {
        let w = try MinutesEndToEndTests.Workspace()
        let session = try Self.run(w, answer: "n")
        #expect(!session.timedOut && session.answered == 1 && session.status == 1, "\(session.transcript)")
        let kept = w.drafts.appendingPathComponent("rug-2025-03-13.md")
        #expect(session.transcript.contains("Utkastet är sparat, inget har gått förlorat: \(kept.path)"), "\(session.transcript)")
        #expect(session.transcript.contains("Öppna utkastet igen? [J/n] n\n"))
        #expect(
            session.transcript.contains(
                "Kör samma kommando igen för att fortsätta med utkastet: samverkan minutes new --structure rug --date 2025-03-13\n"))
        #expect(try Self.editorRuns(w) == "1")
        #expect(try String(contentsOf: kept, encoding: .utf8).contains("- [x] Socialchef Halmstadd"))
        let list = try w.run(["minutes", "list"])
        #expect(!list.stdout.contains("2025-03-13"), "\(list.stdout)")
    }

    @Test("In English the question is English and an empty answer means yes")
    func englishDefaultYes() throws {
        let w = try MinutesEndToEndTests.Workspace()
        let session = try Self.run(w, answer: "", prompt: "Open the draft again? [Y/n]", lang: ["--lang", "en"])
        #expect(!session.timedOut && session.answered == 1 && session.status == 0, "\(session.transcript)")
        #expect(try Self.editorRuns(w) == "2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.drafts.path).isEmpty)
    }

    @Test("No editor, or an editor that fails: said in Swedish, in English with --lang en, the draft kept")
    func editorProblems() throws {
        let w = try MinutesEndToEndTests.Workspace()
        let none = try w.run(["minutes", "new", "--structure", "rug"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("ingen textredigerare: sätt $EDITOR (t.ex. export EDITOR=nano)"), "\(none.stderr)")
        let english = try w.run(["minutes", "new", "--structure", "rug", "--lang", "en"])
        #expect(english.stderr.contains("no editor: set $EDITOR (e.g. export EDITOR=nano)"), "\(english.stderr)")
        let failing = try w.run(["minutes", "new", "--structure", "rug"], editor: "false")
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("textredigeraren false avslutades med status 1"), "\(failing.stderr)")
        let failingEnglish = try w.run(["minutes", "new", "--structure", "rug", "--lang", "en"], editor: "false")
        #expect(failingEnglish.stderr.contains("the editor false stopped with status 1"), "\(failingEnglish.stderr)")
        #expect(FileManager.default.fileExists(atPath: w.drafts.appendingPathComponent("rug-2025-03-13.md").path))
    }
}
