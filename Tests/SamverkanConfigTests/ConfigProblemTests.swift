import Foundation
import Testing

@testable import SamverkanConfig

@Suite("Reporting configuration problems")
struct ConfigProblemTests {
    @Test("Three different mistakes are all reported, each on its own line")
    func threeMistakes() {
        let path = Fixture.path("three-mistakes.yaml")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
        do {
            _ = try ConfigLoader.load(path: path)
        } catch {
            let lines = error.problems.map(\.line)
            #expect(lines == [11, 15, 17], "\(error.problems)")
            #expect(error.problems[0].message.contains("unknown key `emial`"))
            #expect(error.problems[0].message.contains("did you mean \"email\""))
            #expect(error.problems[1].message.contains("unknown organisation \"gamma\""))
            #expect(error.problems[1].column == 21)
            #expect(error.problems[2].message.contains("`time`"))
            #expect(error.english.hasPrefix("\(path):11:5: unknown key `emial`"))
            #expect(error.problems[0].swedish == "\(path):11:5: okänd nyckel `emial` i en person (menade du \"email\"?)")
        }
    }

    @Test(
        "A file that is not YAML, is empty or is not UTF-8 gets one clear message",
        arguments: [
            ("not-yaml.yaml", "line 3", 4),
            ("empty.yaml", "empty", 0),
            ("latin1.yaml", "not valid UTF-8", 3),
        ])
    func unreadable(name: String, message: String, line: Int) {
        do {
            _ = try ConfigLoader.load(path: Fixture.path(name))
            Issue.record("\(name) should not load")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].message.contains(message), "\(error)")
            #expect(error.problems[0].line == line)
        }
    }

    @Test("A missing file and a folder are named clearly")
    func missingFile() {
        for path in ["/nonexistent/samverkan.yaml", NSTemporaryDirectory()] {
            do {
                _ = try ConfigLoader.load(path: path)
                Issue.record("should fail")
            } catch {
                #expect(error.problems.count == 1)
                #expect(error.description.hasPrefix(path))
            }
        }
    }

    /// Each kind of mistake, the line it must be reported on, and words the message must hold.
    static let cases: [(name: String, structure: String, line: Int, words: [String])] = [
        (
            "unknown key",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequncy: {type: weekly, weekday: monday}
            """, 21, ["unknown key `frequncy`", "did you mean \"frequency\""]
        ),
        (
            "missing reference",
            """
              - id: s1
                kind: custom
                members: [alfa]
                chair: bertil
                frequency: {type: weekly, weekday: monday}
            """, 21, ["unknown person \"bertil\""]
        ),
        (
            "duplicate id",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: weekly, weekday: monday}
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: weekly, weekday: friday}
            """, 22, ["duplicate structure id \"s1\"", "first defined on line 18"]
        ),
        (
            "bad time",
            """
              - id: s1
                kind: custom
                members: [alfa]
                time: "kl 9"
                frequency: {type: weekly, weekday: monday}
            """, 21, ["`time`", "HH:MM"]
        ),
        (
            "frequency that cannot be expressed",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: rrule, rule: "FREQ=MONTHLY;BYDAY=1MO,3MO"}
            """, 21, ["cannot be expressed", "Outlook"]
        ),
        (
            "invalid rrule",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: rrule, rule: "FREQ=SOMETIMES"}
            """, 21, ["not a valid RRULE"]
        ),
        (
            "a day that is missing in some months",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: monthly, day: 31}
            """, 21, ["does not exist in every month", "last"]
        ),
        (
            "a fifth weekday",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: monthly, week: 5, weekday: friday}
            """, 21, ["fifth weekday"]
        ),
        (
            "unknown frequency type",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: weekyl, weekday: monday}
            """, 21, ["unknown frequency type", "did you mean \"weekly\""]
        ),
        (
            "no occurrence",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: dates, dates: [2024-05-17]}
            """, 21, ["gives no meeting"]
        ),
        (
            "unknown kind",
            """
              - id: s1
                kind: grupp
                members: [alfa]
                frequency: {type: weekly, weekday: monday}
            """, 19, ["unknown structure kind", "did you mean \"group\""]
        ),
        (
            "missing frequency",
            """
              - id: s1
                kind: custom
                members: [alfa]
            """, 18, ["has no `frequency`"]
        ),
        (
            "id with spaces",
            """
              - id: Mitt möte
                kind: custom
                members: [alfa]
                frequency: {type: weekly, weekday: monday}
            """, 18, ["may hold only lower-case letters"]
        ),
        (
            "unknown weekday",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: weekly, weekday: fredg}
            """, 21, ["`weekday`", "did you mean \"fredag\""]
        ),
        (
            "until before starts",
            """
              - id: s1
                kind: custom
                members: [alfa]
                until: 2024-12-31
                frequency: {type: weekly, weekday: monday}
            """, 18, ["ends (`until` 2024-12-31) before it starts"]
        ),
        (
            "months with no month",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: months, months: [], day: 1}
            """, 21, ["`months` must list at least one month"]
        ),
        (
            "a break in a month that does not exist",
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: weekly, weekday: monday}
                breaks: [{name: Sommar, month: julli}]
            """, 22, ["`month` must be a month", "julli"]
        ),
    ]

    @Test("Each kind of mistake is reported on the right line", arguments: cases.indices)
    func kind(index: Int) {
        let example = Self.cases[index]
        let problems = Fixture.problems(Fixture.withStructure(example.structure))
        #expect(problems.count == 1, "\(example.name): \(problems)")
        guard let problem = problems.first else { return }
        #expect(problem.line == example.line, "\(example.name): \(problem)")
        for word in example.words {
            #expect(problem.message.contains(word), "\(example.name): \(problem.message)")
        }
    }

    @Test("A bad e-mail address is reported at the address")
    func badEmail() {
        let yaml = Fixture.base.replacingOccurrences(
            of: "    organisation: alfa\n", with: "    organisation: alfa\n    email: anna.alfa.example\n")
        let problems = Fixture.problems(yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 14)
        #expect(problems.first?.message.contains("not an e-mail address") == true)
    }

    @Test("An override for a care centre that does not exist is named with a hint")
    func unknownOverride() {
        let yaml =
            Fixture.base + """
                generate:
                  single:
                    frequency: {type: weekly, weekday: monday}
                    overrides:
                      vc-alva:
                        time: "08:00"
                """
        let problems = Fixture.problems(yaml)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.line == 22)
        #expect(problems.first?.message.contains("did you mean \"vc-alfa\"") == true)
    }

    @Test("Several problems in one file are all reported, in file order")
    func many() {
        let yaml = Fixture.withStructure(
            """
              - id: s1
                kind: custom
                members: [alfa, beta]
                chair: bertil
                time: "26:00"
                frequency: {type: weekly, weekday: monday, intervall: 2}
            """)
        let problems = Fixture.problems(yaml)
        #expect(problems.map(\.line) == [20, 21, 22, 23], "\(problems)")
    }

    @Test("Suggestions pick the closest known word")
    func suggestions() {
        #expect(Suggestion.closest(to: "memebrs", in: ["members", "name", "place"]) == "members")
        #expect(Suggestion.closest(to: "xyz", in: ["members", "name"]) == nil)
    }
}
