import Foundation
import SamverkanTestSupport
import Testing

/// Mistakes a first-time user made with the built binary (trial of 2026-11-29): each refused with a
/// Swedish message that says what to do, nothing stored, the user's file untouched.
@Suite("minutes mistakes end to end", .serialized)
struct MinutesMistakesEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    @Test("Minutes of a meeting that lies ahead are refused; nothing stored, the file untouched and said so")
    func futureMeeting() throws {
        let w = try Workspace()
        let file = try w.write(try w.filledDraft(date: "2025-04-10"), "future.md")
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let refused = try w.run(["minutes", "new", "--structure", "rug", "--file", file], today: "2025-03-20")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("mötet 2025-04-10 har inte hållits än (i dag är det 2025-03-20)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Din fil är oförändrad, inget har gått förlorat: \(file)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Utkastet är sparat"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
        #expect(try w.run(["minutes", "list"]).stdout.contains("2025-04-10") == false)
        // On the day of the meeting it is accepted.
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", file], today: "2025-04-10").status == 0)
    }

    @Test("A date that is no planned meeting: the retry hint carries --extra, as the message asks")
    func extraHint() throws {
        let w = try Workspace()
        let draft = try w.filledDraft().replacingOccurrences(of: "2025-03-13", with: "2025-03-17")
        let file = try w.write(draft, "extra.md")
        let refused = try w.run(["minutes", "new", "--structure", "rug", "--file", file])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("lägg till --extra"), "\(refused.stderr)")
        #expect(refused.stderr.contains("samverkan minutes new --structure rug --extra --file \(file)"), "\(refused.stderr)")
        let retried = try w.run(["minutes", "new", "--structure", "rug", "--extra", "--file", file])
        #expect(retried.status == 0, "\(retried.stderr)")
    }

    @Test("Import: a missing field is named in Swedish without the decoder's words; success is reported in Swedish")
    func importMessages() throws {
        let w = try Workspace()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let export = try w.run(["minutes", "export"])
        #expect(export.status == 0)
        let broken = try w.write(export.stdout.replacingOccurrences(of: "\"structureID\"", with: "\"structure\""), "broken.json")
        let other = TestDatabase.path(in: w.folder, name: "other/samverkan.sqlite")
        var environment = w.environment(database: other)
        let refused = try CLIRunner.run(["minutes", "import", broken], environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("fältet \"structureID\" saknas vid .minutes[0]"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("CodingKeys") && !refused.stderr.contains("No value associated"), "\(refused.stderr)")
        let good = try w.write(export.stdout, "good.json")
        let imported = try CLIRunner.run(["minutes", "import", good], environment: environment)
        #expect(
            imported.stdout.contains(
                "\(good): 1 minnesanteckningar och 0 beslut om möten (inställda, flyttade, extra) importerade (0 fanns redan)"),
            "\(imported.stdout)")
        environment["SAMVERKAN_LANG"] = "en"
        let english = try CLIRunner.run(["minutes", "import", good, "--lang", "en"], environment: environment)
        #expect(
            english.stdout.contains("0 minutes and 0 meeting decisions (cancelled, moved, extra) imported (1 already present)"),
            "\(english.stdout)")
    }
}

extension MinutesMistakesEndToEndTests {
    @Test("A structure with no configured chair: minutes naming neither chair nor justerare are refused, so someone can sign")
    func nobodyToSign() throws {
        let w = try Workspace()
        let environment = w.environment(today: "2025-03-20").merging(["SAMVERKAN_CONFIG": "Config/jamtland-harjedalen.yaml"]) { $1 }
        let template = try CLIRunner.run(
            ["minutes", "template", "--structure", "lokal-arena-bracke", "--date", "2025-03-18"], environment: environment)
        #expect(template.status == 0, "\(template.stderr)")
        let draft = template.stdout.replacingOccurrences(of: "- [ ] Socialchef Bräcke", with: "- [x] Socialchef Bräcke")
        let refused = try CLIRunner.run(
            ["minutes", "new", "--structure", "lokal-arena-bracke", "--file", try w.write(draft, "bracke.md")], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("ingen kan justera minnesanteckningarna"), "\(refused.stderr)")
        #expect(try CLIRunner.run(["minutes", "list", "--format", "json"], environment: environment).stdout.contains("lokal") == false)
        let named = draft.replacingOccurrences(of: "Justerare: \n", with: "Justerare: Socialchef Bräcke\n")
        let saved = try CLIRunner.run(
            ["minutes", "new", "--structure", "lokal-arena-bracke", "--file", try w.write(named, "bracke2.md")], environment: environment)
        #expect(saved.status == 0, "\(saved.stderr)")
        let pending = try CLIRunner.run(["minutes", "pending"], environment: environment)
        #expect(pending.stdout.contains("Socialchef Bräcke"), "\(pending.stdout)")
    }
}

extension MinutesMistakesEndToEndTests {
    @Test("actions --responsible takes a name as drafts do, and a misspelt one is refused with the closest, not \"no actions\"")
    func responsibleByName() throws {
        let w = try Workspace()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let byID = try w.run(["actions", "--responsible", "socialchef-halmstad"])
        #expect(byID.stdout.contains("Sprida rutinen till vårdcentralerna"), "\(byID.stdout)")
        let byName = try w.run(["actions", "--responsible", "socialchef  halmstad"])
        #expect(byName.status == 0 && byName.stdout == byID.stdout, "\(byName.stdout)\(byName.stderr)")
        let typo = try w.run(["actions", "--responsible", "Socialchef Halmsta"])
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("\"Socialchef Halmsta\" är varken en person eller en organisation"), "\(typo.stderr)")
        #expect(typo.stderr.contains("menade du \"Socialchef Halmstad\""), "\(typo.stderr)")
    }
}
