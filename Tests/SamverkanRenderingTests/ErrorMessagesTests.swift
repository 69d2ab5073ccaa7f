import SamverkanDomain
import SamverkanRendering
import SamverkanTemplates
import SamverkanTime
import Testing

/// The words of errors come from `Templates/<lang>/errors.txt`, filled once.
@Suite("Error messages")
struct ErrorMessagesTests {
    @Test("A schedule that cannot be made says what to do, in Swedish and English")
    func noFreeDay() throws {
        let error = ScheduleError(
            "schedule.no-free-day-earlier", ["structure": "rug", "date": "2025-12-25", "reason": "christmas-day", "days": "7"])
        let sv = ErrorMessages.load(language: "sv").message(for: error)
        #expect(
            sv
                == "rug: mötet 2025-12-25 infaller på en ledig dag (christmas-day) och det finns ingen ledig arbetsdag tidigare inom 7 dagar som inte är helg, helgdag, uppehåll eller ett annat möte i serien. Sätt `holidays: skip` för strukturen eller välj en annan veckodag."
        )
        let en = ErrorMessages.load(language: "en").message(for: error)
        #expect(en.hasPrefix("rug: the meeting on 2025-12-25 falls on a day off (christmas-day)"))
        #expect(en.contains("Set `holidays: skip` for this structure"))
    }

    @Test("A value holding {{x}} is not filled again; an unknown placeholder is empty; an unknown code shows code and values")
    func fillOnce() {
        let messages = ErrorMessages(language: "en", messages: ["a.b": "x {{one}} y {{two}} z {{three}}."])
        let error = ScheduleError("a.b", ["one": "{{two}}", "two": "2 <b>"])
        #expect(messages.message(for: error) == "x {{two}} y 2 <b> z .")
        #expect(messages.message(for: ScheduleError("c.d", ["id": "3"])) == "c.d id=3")
    }

    @Test("Lookups name the unknown ids and the close ones")
    func lookup() {
        let close = LookupError(kind: "structure", ids: ["rugg"], known: ["rug", "fredagsgruppen"])
        #expect(close.code == "lookup.unknown-structure-close")
        #expect(
            ErrorMessages.load(language: "sv").message(for: close)
                == "strukturen \"rugg\" finns inte (menade du \"rug\"?); `samverkan structures` visar alla")
        let far = LookupError(kind: "organisation", ids: ["atlantis"], known: ["halmstad"])
        #expect(far.code == "lookup.unknown-organisation")
        #expect(ErrorMessages.load(language: "en").message(for: far).hasPrefix("unknown organisation \"atlantis\";"))
    }

    @Test("A missing template and an unknown language are errors with codes, never a crash")
    func templates() {
        #expect(throws: TemplateError("template.missing", ["name": "sv/nope.txt"])) { try Templates.text("nope.txt", language: "sv") }
        #expect(throws: TemplateError("template.unknown-language", ["language": "fi", "languages": "sv, en"])) {
            try Templates.text("phrases.txt", language: "fi")
        }
        #expect(TemplateError("template.missing").category == .internal)
        #expect(TemplateError("template.unknown-language").category == .input)
    }

    @Test("libyaml's words for a syntax problem and its context are in the user's language; unknown ones stay as libyaml wrote them")
    func libyamlWords() throws {
        let values = ["detail": "did not find expected ',' or ']'", "context": "while parsing a flow sequence", "contextline": "3"]
        #expect(
            ErrorMessages.load(language: "sv").text("config.yaml-syntax", values)
                == "det här är inte giltig YAML: i en lista inom [ ] (rad 3): hittade inte väntat ',' eller ']' (kontrollera indraget och formen `nyckel: värde`)"
        )
        #expect(ErrorMessages.load(language: "en").text("config.yaml-syntax", values).contains("while parsing a flow sequence (line 3)"))
        let unknown = ErrorMessages.load(language: "sv").text("config.yaml-syntax", ["detail": "something new in libyaml"])
        #expect(unknown.contains(": something new in libyaml ("))
        // Every key is the key of its own English text, so each libyaml text finds its words.
        let english = try Templates.errors(language: "en").filter { $0.key.hasPrefix("yaml.") }
        #expect(english.count >= 30)
        for (key, text) in english { #expect(ErrorMessages.libyamlKey(text) == key, "\(key)") }
    }
}
