import Foundation
import SamverkanTestSupport
import Testing

/// `samverkan report …` with the built binary, on the sample Halland year 2025
/// (Config/samples/halland-2025-minutes.json, imported into a throwaway database).
@Suite("report end to end", .serialized)
struct ReportEndToEndTests {
    static let python = CLIRunner.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let today = "2026-01-15"

    /// A throwaway database holding the sample year.
    struct Sample {
        let folder: TemporaryFolder
        var database: String { TestDatabase.path(in: folder) }

        init() throws {
            folder = try TemporaryFolder("report")
            let imported = try run(["minutes", "import", "Config/samples/halland-2025-minutes.json"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }

        func run(_ arguments: [String], today: String = ReportEndToEndTests.today, config: String = "Config/halland.yaml") throws
            -> CLIRunner.Result
        {
            try CLIRunner.run(
                arguments, environment: ["SAMVERKAN_CONFIG": config, "SAMVERKAN_DATABASE": database, "SAMVERKAN_TODAY": today])
        }

        /// Runs and writes standard output to a file in the folder; returns its path.
        func save(_ arguments: [String], as name: String) throws -> String {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try folder.write(result.stdout, to: name)
        }
    }

    @Test("An independent recomputation (plain SQL + the schedule JSON) agrees with every structure's figures; CSV equals JSON")
    func independent() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "the venv is missing: run `make test` once")
        let sample = try Sample()
        let input = try sample.peerInput()
        let check = try sample.peerCheck(input)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("\"structures\": 23"))
        // The same check must notice a wrong "today": it judges upcoming meetings differently.
        let wrong = try sample.peerCheck(input, today: "2025-10-01")
        #expect(wrong.status == 1)
    }

    @Test("The table: heading, a row per municipality with its structures, the total; every grouping works")
    func table() throws {
        let sample = try Sample()
        let result = try sample.run(["report", "compliance", "--period", "2025"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Uppföljning av samverkansmöten\nPeriod 2025 (2025-01-01–2025-12-31), Region Halland"))
        for name in ["Halmstads kommun", "Kungsbacka kommun", "Regionövergripande", "Totalt", "Inställda möten", "Stående punkter"] {
            #expect(result.stdout.contains(name), "\(name)")
        }
        for by in ["structure", "municipality", "care-centre", "kind", "region"] {
            let grouped = try sample.run(["report", "compliance", "--period", "2025-Q2", "--by", by, "--lang", "en"])
            #expect(grouped.status == 0, "\(by): \(grouped.stderr)")
            #expect(grouped.stdout.contains("Follow-up of collaboration meetings") && grouped.stdout.contains("\nTotal "))
        }
        let centres = try sample.run(["report", "compliance", "--period", "2025", "--by", "care-centre"])
        #expect(centres.stdout.contains("(regiondriven)") && centres.stdout.contains("Utan enskild vårdcentral"))
    }

    @Test("Mistakes get one clear line: unknown --by, bad period, --to without --from, unknown municipality")
    func mistakes() throws {
        let sample = try Sample()
        let cases: [([String], String)] = [
            (["--by", "county"], "'county'"),
            (["--period", "2025-H3"], "ett halvår (2025-H1)"),
            (["--to", "2025-06-30"], "Fel: --to behöver --from (eller använd --period)"),
            (["--to", "2025-06-30", "--lang", "en"], "Error: --to needs --from (or use --period)"),
            (["--period", "2025", "--from", "2025-01-01"], "antingen --period eller --from/--to"),
            (["--municipality", "goteborg"], "Fel: kommunen \"goteborg\" finns inte"),
            (["--fail-under", "120"], "en procentsats från 0 till 100, inte 120"),
            (["--fail-under", "120", "--lang", "en"], "a percentage from 0 to 100, not 120"),
        ]
        for (arguments, message) in cases {
            let result = try sample.run(["report", "compliance"] + arguments)
            #expect(result.status != 0 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
        }
        let by = try sample.run(["report", "compliance", "--by", "county"])
        #expect(by.stderr.contains("structure") && by.stderr.contains("care-centre"))
    }

    @Test("A future period, a period before every structure and a period under way are clear, never a division by zero")
    func edges() throws {
        let sample = try Sample()
        let future = try sample.run(["report", "compliance", "--period", "2027"])
        #expect(future.status == 0 && future.stdout.contains("Perioden har inte börjat"))
        #expect(future.stdout.contains("Totalt") && !future.stdout.lowercased().contains("nan"))
        let before = try sample.run(["report", "compliance", "--period", "2020", "--format", "json"])
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        #expect(before.status == 0 && (empty["structures"] as? [Any])?.isEmpty == true && (empty["groups"] as? [Any])?.isEmpty == true)
        let beforeTable = try sample.run(["report", "compliance", "--period", "2020"])
        #expect(beforeTable.stdout.contains("Inga samverkansstrukturer är aktiva under perioden."))
        let current = try sample.run(["report", "compliance", "--period", "2025", "--format", "json"], today: "2025-06-15")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(current.stdout.utf8)) as? [String: Any])
        #expect(object["timing"] as? String == "current" && object["asOf"] as? String == "2025-06-15")
        let total = try #require(object["total"] as? [String: Any])
        #expect((total["upcoming"] as? Int ?? 0) > 0)
    }

    @Test("--fail-under exits 3 with the figure below the limit, 0 above it; --output writes the file")
    func failUnder() throws {
        let sample = try Sample()
        let low = try sample.run(["report", "compliance", "--period", "2025", "--format", "json", "--fail-under", "95"])
        #expect(low.status == 3 && low.stderr.contains("under gränsen 95,0 %"), "\(low.stderr)")
        #expect(low.stdout.contains("\"schemaVersion\" : 2"))
        let high = try sample.run(["report", "compliance", "--period", "2025", "--fail-under", "50"])
        #expect(high.status == 0)
        let path = sample.folder.path("ut/uppfoljning.md")
        let written = try sample.run(["report", "compliance", "--period", "2025", "--format", "md", "--output", path])
        #expect(written.status == 0 && written.stdout.isEmpty && written.stderr.contains(path))
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        #expect(markdown.hasPrefix("# Uppföljning av samverkansmöten") && markdown.contains("| Totalt |"))
    }

    @Test("The HTML page names every structure and the CSV uses a decimal point when asked")
    func htmlAndCSV() throws {
        let sample = try Sample()
        let html = try sample.run(["report", "compliance", "--period", "2025", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        let structures =
            try #require(
                try JSONSerialization.jsonObject(with: Data(try sample.run(["structures", "--format", "json"]).stdout.utf8))
                    as? [String: Any])["structures"] as? [[String: Any]]
        for structure in structures ?? [] {
            let name = (structure["name"] as? String ?? "").replacingOccurrences(of: "&", with: "&amp;")
            #expect(html.stdout.contains(name), "\(name)")
        }
        #expect(!html.stdout.contains("<script") && html.stdout.contains("<svg"))
        let csv = try sample.run(["report", "compliance", "--period", "2025", "--format", "csv", "--decimal", "point"])
        let total = csv.stdout.split(separator: "\r\n")[1]
        #expect(total.hasPrefix("total;") && total.contains(".") && !total.contains(","))
    }

    @Test("Grants: meetings per focus area are the held meetings of the structures serving it; action plan lists RJH's activities")
    func grantsAndPlan() throws {
        let sample = try Sample()
        let grants = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try sample.run(["report", "grants", "--period", "2025", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try sample.run(["report", "compliance", "--period", "2025", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let listing = try #require(
            try JSONSerialization.jsonObject(with: Data(try sample.run(["structures", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let areas = Dictionary(
            uniqueKeysWithValues: (listing["structures"] as? [[String: Any]] ?? []).map {
                ($0["id"] as! String, $0["focusAreas"] as? [Int] ?? [])
            })
        let held = Dictionary(
            uniqueKeysWithValues: (report["structures"] as? [[String: Any]] ?? []).map {
                ($0["id"] as! String, ($0["figures"] as! [String: Any])["held"] as! Int)
            })
        for row in grants["focusAreas"] as? [[String: Any]] ?? [] {
            let area = row["number"] as! Int
            let expected = held.filter { areas[$0.key]?.contains(area) == true }.values.reduce(0, +)
            #expect(row["meetings"] as? Int == expected, "focus area \(area)")
        }
        #expect((grants["grantPoints"] as? [Any])?.count == 8)
        let table = try sample.run(["report", "grants", "--period", "2025"])
        #expect(table.stdout.contains("Insatsområde 3") && table.stdout.contains("2 § punkt 8"))
        let plan = try sample.run(["report", "actions", "--format", "json"], config: "Config/jamtland-harjedalen.yaml")
        let activities =
            try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])["activities"] as? [[String: Any]]
        #expect(activities?.filter { $0["structure"] as? String == "fredagsgruppen" }.count == 15)
        let planTable = try sample.run(["report", "actions"], config: "Config/jamtland-harjedalen.yaml")
        #expect(planTable.status == 0 && planTable.stdout.contains("Handlingsplanens aktiviteter"))
    }

    @Test("Without a database the report says so and counts every due meeting as missed")
    func noDatabase() throws {
        let parent = try TemporaryFolder("nodb")
        let folder = parent.url("missing")
        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            try CLIRunner.run(
                ["report", "compliance", "--period", "2025-Q1"] + arguments,
                environment: [
                    "SAMVERKAN_CONFIG": "Config/halland.yaml", "SAMVERKAN_DATABASE": folder.appendingPathComponent("x.sqlite").path,
                    "SAMVERKAN_TODAY": Self.today,
                ])
        }
        let result = try run(["--format", "json"])
        #expect(result.status == 0 && result.stderr.contains("Obs: det finns ingen databas med minnesanteckningar i "), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let english = try run(["--lang", "en"])
        #expect(english.status == 0 && english.stderr.contains("Note: there is no minutes database at "), "\(english.stderr)")
        let total =
            try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])["total"] as? [String: Any]
        #expect(total?["missed"] as? Int == total?["expected"] as? Int)
    }

    @Test(
        "Coordinator decisions count: a cancelled meeting as cancelled, a moved one on its new day, an added one with minutes as extra; the recomputation agrees"
    )
    func decisions() throws {
        let folder = try TemporaryFolder("decisions")
        let environment = [
            "SAMVERKAN_CONFIG": "Config/halland.yaml", "SAMVERKAN_DATABASE": TestDatabase.path(in: folder),
            "SAMVERKAN_TODAY": "2025-06-30", "VISUAL": "", "EDITOR": "",
        ]
        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            let result = try CLIRunner.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
        /// Minutes for a RUG meeting, from its draft with Halmstad present.
        func minutes(_ date: String) throws {
            let draft = try run(["minutes", "template", "--structure", "rug", "--date", date]).stdout
                .replacingOccurrences(of: "- [ ] Socialchef Halmstad", with: "- [x] Socialchef Halmstad")
            _ = try run(["minutes", "new", "--structure", "rug", "--file", try folder.write(draft, to: "\(date).md")])
        }
        // RUG meets the second Thursday: 01-09, 02-13, 03-13, 04-10, 05-08, 06-12.
        _ = try run(["meeting", "cancel", "--structure", "rug", "--date", "2025-02-13", "--reason", "Krock med övning"])
        _ = try run(["meeting", "move", "--structure", "rug", "--date", "2025-03-13", "--to", "2025-03-12", "--reason", "Lokalen upptagen"])
        _ = try run(["meeting", "move", "--structure", "rug", "--date", "2025-04-10", "--to", "2025-04-09", "--reason", "Lokalen upptagen"])
        _ = try run(["meeting", "add", "--structure", "rug", "--date", "2025-05-20", "--time", "09:00", "--reason", "Extra möte"])
        try minutes("2025-03-12")
        try minutes("2025-05-20")
        let report = try run(["report", "compliance", "--period", "2025-H1", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let rug = try #require((json["structures"] as? [[String: Any]])?.first { $0["id"] as? String == "rug" })
        let figures = try #require(rug["figures"] as? [String: Any])
        #expect(figures["expected"] as? Int == 6)
        #expect(figures["heldPlanned"] as? Int == 1)
        #expect(figures["extra"] as? Int == 1)
        #expect(figures["held"] as? Int == 2)
        #expect(figures["cancelled"] as? Int == 1)
        #expect(figures["missed"] as? Int == 4)
        // The meeting moved without minutes is missed on its new day.
        #expect(rug["missed"] as? [String] == ["2025-01-09", "2025-04-09", "2025-05-08", "2025-06-12"])
        #expect((rug["cancellations"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2025-02-13"])
        // The independent recomputation reads the register's table too, and agrees.
        func save(_ arguments: [String], _ name: String) throws -> String {
            try folder.write(try run(arguments).stdout, to: name)
        }
        let check = try CLIRunner.runTool(
            Self.python,
            [
                CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/check_report.py").path,
                try TestDatabase.sqliteFile(of: TestDatabase.path(in: folder)),
                try save(["structures", "--format", "json"], "structures.json"),
                try save(["schedule", "--from", "2025-01-01", "--to", "2025-06-30", "--format", "json"], "schedule.json"),
                try folder.write(report.stdout, to: "report.json"),
                try save(["report", "compliance", "--period", "2025-H1", "--format", "csv"], "report.csv"), "2025-06-30",
            ])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
