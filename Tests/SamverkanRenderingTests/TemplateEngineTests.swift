import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTime
import Testing

@testable import SamverkanTemplates

@Suite("One template engine: mustache for every template and phrase")
struct TemplateEngineTests {
    let date = LocalDate(iso: "2025-03-13")!

    @Test("A phrase value containing {x} or {{x}} is inserted as it is, never expanded again")
    func phraseSinglePass() {
        let phrases = Phrasebook(language: "sv", phrases: ["greeting": "Hej {{name}}, {{date}}", "plain": "Inget att fylla i"])
        #expect(
            phrases.text("greeting", ["name": "{{date}} {date} {{{date}}}", "date": "<2025>"]) == "Hej {{date}} {date} {{{date}}}, <2025>")
        #expect(phrases.text("plain", ["name": "x"]) == "Inget att fylla i")
        #expect(phrases.text("missing.key") == "missing.key")
        let shipped = try? TemplateLibrary(language: "sv").phrasebook()
        #expect(shipped?.text("minutes.amends", ["id": "{{id}}"]).contains("{{id}}") == true)
    }

    @Test("A text template inserts values once and does not HTML-escape them")
    func textSinglePassUnescaped() throws {
        let template = try TextTemplate("{{a}} & {{b}}\n", name: "test.txt", format: .text)
        #expect(template.render(["a": "<script>{{b}}</script> {b}", "b": "x & 'y'"]) == "<script>{{b}}</script> {b} & x & 'y'")
    }

    @Test("The minutes Markdown keeps what was typed: {{x}} in a value stays, nothing is escaped")
    func markdownSinglePass() {
        let context = MinutesFixture.context()
        var minutes = MinutesDraft.blank(context: context, date: date, time: nil)
        minutes.place = "{{title}} & <Rådhuset> {date}"
        let text = MinutesDraft.render(template: MinutesFixture.template(), context: context, minutes: minutes)
        #expect(text.contains("Plats: {{title}} & <Rådhuset> {date}\n"))
    }

    @Test("HTML templates escape <script> and &; {{{…}}} inserts the program's own HTML; values are not expanded")
    func htmlEscaping() throws {
        let template = try TextTemplate("<p title=\"{{x}}\">{{x}}</p>{{{html}}}", name: "test.html", format: .html)
        #expect(
            template.render(["x": "<script>alert('{{html}}')</script> & Co", "html": "<b>ok</b>"])
                == "<p title=\"&lt;script&gt;alert(&#39;{{html}}&#39;)&lt;/script&gt; &amp; Co\">"
                + "&lt;script&gt;alert(&#39;{{html}}&#39;)&lt;/script&gt; &amp; Co</p><b>ok</b>")
        #expect(HTMLEscaping.escaped("<script> & \"q\"") == "&lt;script&gt; &amp; &quot;q&quot;")
    }

    @Test("Minutes as HTML escape every text of the Markdown, titles included, and expand nothing")
    func minutesHTML() throws {
        let template = try TemplateLibrary(language: "sv").template("minutes.html")
        let html = MinutesDocument.html(
            markdown: "# RUG <script>x</script> & {{lang}}\n\n- [x] A & B\n\nText {{{body}}}\n",
            template: template, language: "sv")
        #expect(html.contains("<title>RUG &lt;script&gt;x&lt;/script&gt; &amp; {{lang}}</title>"))
        #expect(html.contains("<h1>RUG &lt;script&gt;x&lt;/script&gt; &amp; {{lang}}</h1>"))
        #expect(html.contains("<li>☑ A &amp; B</li>"))
        #expect(html.contains("<p>Text {{{body}}}</p>"))
        #expect(html.contains("<html lang=\"sv\">"))
        #expect(!html.contains("<script>"))
    }

    @Test("Sections show an optional fact only when it is there", arguments: ["sv", "en"])
    func sections(language: String) throws {
        let invitation = try TemplateLibrary(language: language).template("invitation.txt")
        var values = [
            "name": "RUG", "first": "2025-03-13 09:00–11:00", "frequency": "f", "place": "Rådhuset",
            "video": "", "agenda": "- a\n- b", "organizer": "Åsa",
        ]
        let without = invitation.render(values)
        #expect(!without.contains("Video"))
        #expect(without.contains("Rådhuset\n"))
        #expect(without.hasSuffix("\nÅsa"))
        values["video"] = "https://video.example/rug"
        #expect(invitation.render(values).contains(": https://video.example/rug\n"))
        let inverted = try TextTemplate("{{#video}}Video: {{video}}{{/video}}{{^video}}Ingen video{{/video}}")
        #expect(inverted.render(["video": ""]) == "Ingen video")
        #expect(inverted.render(["video": "v"]) == "Video: v")
    }

    @Test("Every shipped template and phrase compiles, in every language")
    func shippedTemplatesCompile() throws {
        for language in Templates.languages {
            let library = try TemplateLibrary(language: language)
            for file in ["event-description.txt", "invitation.txt", "cancellation.txt", "minutes.md", "minutes.html"] {
                _ = try library.template(file)
            }
            _ = try library.phrasebook()
        }
    }

    @Test("A missing template or language is a clear error naming it, not a crash")
    func missingTemplate() throws {
        let library = try TemplateLibrary(language: "sv")
        let missing = try #require(throws: TemplateError.self) { try library.template("saknas.txt") }
        #expect(ErrorMessages.load(language: "en").message(for: missing).contains("sv/saknas.txt"))
        #expect(ErrorMessages.load(language: "en").message(for: missing).contains("install"))
        let language = try #require(throws: TemplateError.self) { try TemplateLibrary(language: "de") }
        #expect(ErrorMessages.load(language: "en").message(for: language).contains("\"de\""))
        #expect(ErrorMessages.load(language: "en").message(for: language).contains("sv, en"))
    }

    @Test("A missing resource bundle or language folder is a clear error saying what to do, not a crash")
    func missingBundle() throws {
        let bundle = try #require(throws: TemplateError.self) { try Templates.directory(language: "sv", in: nil) }
        #expect(ErrorMessages.load(language: "en").message(for: bundle).contains("Samverkan_SamverkanTemplates.resources"))
        #expect(ErrorMessages.load(language: "en").message(for: bundle).contains("install samverkan again"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-no-templates-\(UUID().uuidString)")
        let folder = try #require(throws: TemplateError.self) { try Templates.directory(language: "en", in: empty) }
        #expect(ErrorMessages.load(language: "en").message(for: folder).contains("\"en\""))
        #expect(ErrorMessages.load(language: "en").message(for: folder).contains("--lang"))
    }

    @Test("A template with a syntax error is a clear error naming the file, line and column")
    func syntaxError() throws {
        let error = try #require(throws: TemplateError.self) {
            try TextTemplate("Hej!\n{{#video}}Video: {{video}}\n", name: "sv/invitation.txt", format: .text)
        }
        #expect(ErrorMessages.load(language: "en").message(for: error).contains("sv/invitation.txt"))
        #expect(ErrorMessages.load(language: "en").message(for: error).contains("line"))
        let broken = Phrasebook(language: "sv", phrases: ["broken": "Hej {{#namn}}"])
        #expect(broken.text("broken") == "Hej {{#namn}}")
    }
}

extension TemplateEngineTests {
    @Test(
        "Every key of phrases.txt, errors.txt and help.txt is there once, in both languages (a merge that keeps two silently shows the wrong one)",
        arguments: ["phrases.txt", "errors.txt", "help.txt"])
    func keysOnceEach(file: String) throws {
        var keysByLanguage: [String: Set<String>] = [:]
        for language in ["sv", "en"] {
            let text = try String(contentsOfFile: "Templates/\(language)/\(file)", encoding: .utf8)
            var seen: [String: Int] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.range(of: ": ") else { continue }
                let key = String(line[..<colon.lowerBound])
                guard key.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }) else { continue }
                seen[key, default: 0] += 1
            }
            #expect(seen.filter { $0.value > 1 }.isEmpty, "\(language)/\(file): \(seen.filter { $0.value > 1 }.keys.sorted())")
            keysByLanguage[language] = Set(seen.keys)
        }
        #expect(
            keysByLanguage["sv"] == keysByLanguage["en"],
            "only in one language: \(keysByLanguage["sv"]!.symmetricDifference(keysByLanguage["en"]!).sorted())")
    }
}
