import Foundation
import SamverkanTestSupport
import Testing

/// `validate` on broken configurations (issue 13, items 6, 13 and 14): positions for YAML
/// mistakes, and the same checks as the commands that come later.
@Suite("hostile configurations")
struct ConfigHostileTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder("config-hostile") }

    /// `validate` on the minimal fixture with `original` replaced by `replacement` (line numbers below
    /// are those of Tests/SamverkanConfigTests/Fixtures/minimal.yaml), in English unless told.
    func validate(replacing original: String, with replacement: String, language: String = "en") throws -> (CLIRunner.Result, String) {
        let text = try String(contentsOfFile: CLIRunner.fixture("minimal.yaml"), encoding: .utf8)
        #expect(text.contains(original))
        let path = try folder.write(text.replacingOccurrences(of: original, with: replacement), to: "c.yaml")
        return (
            try CLIRunner.run(["validate", "--config", path, "--lang", language], environment: ["SAMVERKAN_TODAY": "2025-03-01"]), path
        )
    }

    @Test("A duplicate key is reported at the duplicate, as FILE:LINE:COL, without the file as context")
    func duplicateKey() throws {
        let (result, path) = try validate(replacing: "    name: Anna Andersson\n", with: "    name: Anna Andersson\n    name: Anna B\n")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("\(path):31:5: the key `name` is given twice in the same mapping (first on line 30)"),
            "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 2)
        let (swedish, _) = try validate(
            replacing: "    name: Anna Andersson\n", with: "    name: Anna Andersson\n    name: Anna B\n", language: "sv")
        #expect(
            swedish.stderr
                == "\(path):31:5: nyckeln `name` förekommer två gånger i samma samling (först på rad 30); behåll en\n"
                + "Fel: 1 problem i \(path)\n", "\(swedish.stderr)")
    }

    @Test("A control character in YAML gets its position")
    func controlCharacter() throws {
        let (result, path) = try validate(replacing: "    name: Anna Andersson\n", with: "    name: Anna \u{1B}[2J Andersson\n")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("\(path):30:16: this is not valid YAML text: control characters are not allowed (U+001B)"),
            "\(result.stderr)")
    }

    @Test("An impossible from: in a break is the only problem (no unknown key `to`)")
    func breakDates() throws {
        let (result, _) = try validate(replacing: "      month: 7\n", with: "      from: 02-30\n      to: 03-05\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("`from` must be a month and day written MM-DD (e.g. 07-01), not \"02-30\""))
        #expect(!result.stderr.contains("unknown key"), "\(result.stderr)")
        #expect(result.stderr.contains("1 problem"))
    }

    @Test("months: [] is refused by validate (it used to pass and the structure vanished)")
    func emptyMonths() throws {
        let (result, path) = try validate(
            replacing: "    frequency: {type: monthly, week: 2, weekday: thursday}",
            with: "    frequency: {type: months, months: [], day: 1}")
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):53:"), "\(result.stderr)")
        #expect(result.stderr.contains("`months` must list at least one month"))
        let (swedish, _) = try validate(
            replacing: "    frequency: {type: monthly, week: 2, weekday: thursday}",
            with: "    frequency: {type: months, months: [], day: 1}", language: "sv")
        #expect(swedish.stderr.contains("\(path):53:39: `months` måste lista minst en månad (1–12 eller dess namn)\n"), "\(swedish.stderr)")
    }

    @Test("validate refuses a time zone the calendar export refuses, at its line")
    func timeZone() throws {
        let (result, path) = try validate(replacing: "    time: \"09:00\"\n", with: "    time: \"09:00\"\n    timezone: America/New_York\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):55:15: `timezone`: the time zone America/New_York does not switch"), "\(result.stderr)")
    }

    @Test("validate refuses a Monday–Friday rule that schedule stops on at a holiday, at the structure's frequency")
    func weekdayRule() throws {
        let (result, path) = try validate(
            replacing: "    frequency: {type: monthly, week: 2, weekday: thursday}",
            with: "    frequency: {type: rrule, rule: \"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\"}")
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):53:16: the meeting of \"rug\" on 2025-01-06 falls on a day off"), "\(result.stderr)")
        #expect(!result.stdout.contains("giltig"))
    }
}
