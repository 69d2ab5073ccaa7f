import Foundation
import SamverkanTestSupport
import Testing

/// Attendance per member organisation with the built binary: a member organisation marked present
/// without a configured person (with who came), through its whole life (draft, show, amend, export,
/// import), and the compliance report's attendance per organisation, one-side structures and
/// per-structure standing item titles.
@Suite("organisation attendance end to end", .serialized)
struct OrganisationAttendanceEndToEndTests {
    /// A throwaway database and a configuration.
    struct Workspace {
        let folder: TemporaryFolder
        let config: String
        let today: String
        var database: String { TestDatabase.path(in: folder, name: "db/samverkan.sqlite") }

        init(config: String = "Config/jamtland-harjedalen.yaml", today: String = "2025-06-30") throws {
            folder = try TemporaryFolder("org-attendance")
            self.config = config
            self.today = today
        }

        func run(_ arguments: [String], database: String? = nil) throws -> CLIRunner.Result {
            try CLIRunner.run(
                arguments,
                environment: [
                    "SAMVERKAN_CONFIG": config, "SAMVERKAN_DATABASE": database ?? self.database, "SAMVERKAN_TODAY": today,
                    "VISUAL": "", "EDITOR": "",
                ])
        }

        /// The empty draft of a meeting with some lines replaced.
        func draft(_ structure: String, _ date: String, _ replacements: [(String, String)]) throws -> String {
            let template = try run(["minutes", "template", "--structure", structure, "--date", date])
            #expect(template.status == 0, "\(template.stderr)")
            var text = template.stdout
            for (old, new) in replacements {
                #expect(text.contains(old), "the draft has no \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            // The chair marked present chairs (and so signs) where the structure configures no chair.
            if replacements.contains(where: { $0.1 == OrganisationAttendanceEndToEndTests.chairPresent.1 }) {
                text = text.replacingOccurrences(of: "Ordförande: \n", with: "Ordförande: Ordförande Fredagsgruppen\n")
            }
            return text
        }

        /// Records minutes from a draft; returns the result.
        @discardableResult
        func record(_ structure: String, _ date: String, _ text: String, name: String) throws -> CLIRunner.Result {
            let file = try folder.write(text, to: name)
            return try run(["minutes", "new", "--structure", structure, "--date", date, "--file", file])
        }
    }

    static let chairPresent = ("- [ ] Ordförande Fredagsgruppen", "- [x] Ordförande Fredagsgruppen")
    static let bergLine = "- [ ] Kommunal hälso- och sjukvård Berg | deltagare:"

    @Test("A member organisation without a configured person is marked present with who came: stored, shown, amended, exported, imported")
    func organisationPresentWithoutPerson() throws {
        let w = try Workspace()
        let text = try w.draft(
            "lsg-patientsakerhet", "2025-03-12",
            [Self.chairPresent, (Self.bergLine, "- [x] Kommunal hälso- och sjukvård Berg | deltagare: Eva Berg")])
        let saved = try w.record("lsg-patientsakerhet", "2025-03-12", text, name: "lsg.md")
        #expect(saved.status == 0, "\(saved.stderr)")
        let line = "- [x] Kommunal hälso- och sjukvård Berg | deltagare: Eva Berg"
        let show = try w.run(["minutes", "show", "1"])
        #expect(show.stdout.contains(line), "\(show.stdout)")
        #expect(show.stdout.contains("- [ ] Kommunal hälso- och sjukvård Bräcke | deltagare:\n"))
        let english = try w.run(["minutes", "show", "1", "--lang", "en"])
        #expect(english.stdout.contains("- [x] Kommunal hälso- och sjukvård Berg | attendee: Eva Berg"))
        let html = try w.run(["minutes", "show", "1", "--format", "html"])
        #expect(
            html.stdout.contains(
                "<li>☑ Kommunal hälso- och sjukvård Berg <span class=\"field\"><span class=\"label\">deltagare:</span> Eva Berg</span></li>"
            ), "\(html.stdout)")
        let json = try w.run(["minutes", "show", "1", "--format", "json"])
        #expect(json.stdout.contains("\"attendee\"") && json.stdout.contains("Eva Berg"), "\(json.stdout)")

        // A correction changes who came; the original keeps its own.
        let corrected = try w.folder.write(text.replacingOccurrences(of: "Eva Berg", with: "Eva Berglund"), to: "amend.md")
        let amend = try w.run(["minutes", "amend", "1", "--file", corrected])
        #expect(amend.status == 0, "\(amend.stderr)")
        let both = try w.run(["minutes", "show", "1"])
        #expect(both.stdout.contains(line) && both.stdout.contains("| deltagare: Eva Berglund"), "\(both.stdout)")

        // Export and import into another database: the organisation's attendance comes along.
        let export = try w.run(["minutes", "export"])
        #expect(export.status == 0 && export.stdout.contains("\"organisationAttendance\""), "\(export.stderr)")
        let archive = try w.folder.write(export.stdout, to: "archive.json")
        let other = TestDatabase.path(in: w.folder, name: "other/samverkan.sqlite")
        let imported = try w.run(["minutes", "import", archive], database: other)
        #expect(imported.status == 0, "\(imported.stderr)")
        let shownThere = try w.run(["minutes", "show", "1"], database: other)
        #expect(shownThere.stdout.contains(line) && shownThere.stdout.contains("Eva Berglund"), "\(shownThere.stdout)")
        // An identity number hidden by a JSON escape in who came is refused on import too.
        let hidden = try w.folder.write(
            export.stdout.replacingOccurrences(of: "Eva Berglund", with: "Eva \\u00319121212-1212"), to: "hidden.json")
        let third = TestDatabase.path(in: w.folder, name: "third/samverkan.sqlite")
        let refusedImport = try w.run(["minutes", "import", hidden], database: third)
        #expect(refusedImport.status != 0 && refusedImport.stderr.contains("personnummer"), "\(refusedImport.stderr)")
        #expect(!refusedImport.stderr.contains("1212-1212") && !refusedImport.stdout.contains("1212-1212"))

        // Only a member may be marked; a name without the mark is refused rather than lost.
        let notMember = try w.draft(
            "lsg-patientsakerhet", "2025-05-14", [Self.chairPresent, (Self.bergLine, "- [x] Bergs kommun | deltagare: Eva")])
        let refused = try w.record("lsg-patientsakerhet", "2025-05-14", notMember, name: "member.md")
        #expect(refused.status != 0 && refused.stderr.contains("\"Bergs kommun\" är inte medlem i strukturen"), "\(refused.stderr)")
        let unmarked = try w.draft("lsg-patientsakerhet", "2025-05-14", [Self.chairPresent, (Self.bergLine, Self.bergLine + " Eva")])
        let lost = try w.record("lsg-patientsakerhet", "2025-05-14", unmarked, name: "unmarked.md")
        #expect(lost.status != 0 && lost.stderr.contains("är inte markerad som närvarande"), "\(lost.stderr)")
    }

    @Test("An identity number in who came is refused and never echoed; the draft is kept and nothing is saved")
    func identityNumberInAttendee() throws {
        let w = try Workspace()
        let text = try w.draft(
            "lsg-patientsakerhet", "2025-03-12",
            [Self.chairPresent, (Self.bergLine, "- [x] Kommunal hälso- och sjukvård Berg | deltagare: Eva 19121212-1212")])
        let result = try w.record("lsg-patientsakerhet", "2025-03-12", text, name: "privacy.md")
        #expect(result.status != 0)
        #expect(result.stderr.contains("personnummer"), "\(result.stderr)")
        for shown in [result.stdout, result.stderr] {
            #expect(!shown.contains("1212-1212") && !shown.contains("121212"), "\(shown)")
        }
        #expect(result.stderr.contains("Din fil är oförändrad"), "\(result.stderr)")
        #expect(try String(contentsOfFile: w.folder.url("privacy.md").path, encoding: .utf8) == text)
        // The organisation's line itself is understood: the number is the only problem.
        #expect(!result.stderr.contains("finns inte bland deltagarna"), "\(result.stderr)")
        let list = try w.run(["minutes", "list"])
        #expect(!list.stdout.contains("lsg-patientsakerhet"), "\(list.stdout)")
        // Without the number the kept draft is saved.
        _ = try w.folder.write(text.replacingOccurrences(of: " 19121212-1212", with: ""), to: "privacy.md")
        let fixed = try w.run([
            "minutes", "new", "--structure", "lsg-patientsakerhet", "--date", "2025-03-12", "--file", w.folder.url("privacy.md").path,
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    @Test("The compliance report gives attendance per member organisation (per municipality at RUG) in every format")
    func reportPerOrganisation() throws {
        let w = try Workspace(config: "Config/halland.yaml", today: "2025-03-20")
        let both = ("- [ ] Socialchef Halmstad", "- [x] Socialchef Halmstad")
        let first = try w.draft("rug", "2025-02-13", [both, ("- [ ] Socialchef Laholm", "- [x] Socialchef Laholm")])
        #expect(try w.record("rug", "2025-02-13", first, name: "feb.md").status == 0)
        #expect(try w.record("rug", "2025-03-13", try w.draft("rug", "2025-03-13", [both]), name: "mar.md").status == 0)
        let table = try w.run(["report", "compliance", "--period", "2025-Q1"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Närvaro per medlemsorganisation"), "\(table.stdout)")
        let rows = table.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(rows.contains { $0.hasSuffix("Halmstads kommun 2 2 100,0") }, "\(rows)")
        #expect(rows.contains { $0.hasSuffix("Laholms kommun 1 2 50,0") }, "\(rows)")
        #expect(rows.contains { $0.hasSuffix("Hylte kommun 0 2 0,0") }, "\(rows)")
        let md = try w.run(["report", "compliance", "--period", "2025-Q1", "--format", "md"])
        #expect(
            md.stdout.contains("## Närvaro per medlemsorganisation") && md.stdout.contains("| Laholms kommun | 1 | 2 | 50,0 |"),
            "\(md.stdout)")
        let html = try w.run(["report", "compliance", "--period", "2025-Q1", "--format", "html", "--lang", "en"])
        #expect(html.stdout.contains("<section class=\"organisations\">") && html.stdout.contains("Attendance per member organisation"))
        #expect(html.stdout.contains("<td>Laholms kommun</td><td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">50.0</td>"))
        let csv = try w.run(["report", "compliance", "--period", "2025-Q1", "--format", "csv"])
        #expect(csv.stdout.contains("Organisations-id;Organisation;Närvarande möten"), "\(csv.stdout)")
        #expect(
            csv.stdout.split(separator: "\r\n").contains {
                $0.hasPrefix("organisation;") && $0.hasSuffix(";laholm;Laholms kommun;1") && $0.contains(";50,0;")
            })
        let json = try w.run(["report", "compliance", "--period", "2025-Q1", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rug = try #require((object["structures"] as? [[String: Any]])?.first { $0["id"] as? String == "rug" })
        let laholm = try #require((rug["organisations"] as? [[String: Any]])?.first { $0["id"] as? String == "laholm" })
        #expect(laholm["attended"] as? Int == 1 && laholm["meetings"] as? Int == 2 && laholm["share"] as? Double == 0.5)
        #expect(laholm["principal"] as? String == "municipality")
    }

    @Test("A structure whose participants are all on one side scores the share of member organisations present, not 0 %")
    func oneSideStructure() throws {
        let w = try Workspace()
        // Only the region's people are configured for LSG Patientsäkerhet; one municipality's home
        // health care is marked present by organisation.
        let text = try w.draft(
            "lsg-patientsakerhet", "2025-03-12",
            [Self.chairPresent, (Self.bergLine, "- [x] Kommunal hälso- och sjukvård Berg | deltagare: Eva Berg")])
        #expect(try w.record("lsg-patientsakerhet", "2025-03-12", text, name: "lsg.md").status == 0)
        let regionOnly = try w.draft("lsg-patientsakerhet", "2025-05-14", [Self.chairPresent])
        #expect(try w.record("lsg-patientsakerhet", "2025-05-14", regionOnly, name: "lsg2.md").status == 0)
        let json = try w.run(["report", "compliance", "--period", "2025-H1", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lsg = try #require((object["structures"] as? [[String: Any]])?.first { $0["id"] as? String == "lsg-patientsakerhet" })
        #expect(lsg["attendanceMeasure"] as? String == "member-share")
        let attendance = try #require((lsg["figures"] as? [String: Any])?["attendance"] as? [String: Any])
        // (2 of 9 + 1 of 9) / 2 meetings.
        #expect(attendance["share"] as? Double == 0.1667, "\(attendance)")
        let table = try w.run(["report", "compliance", "--period", "2025-H1", "--by", "structure"])
        let row = table.stdout.split(separator: "\n").first { $0.hasPrefix("LSG Patientsäkerhet ") }.map(String.init) ?? ""
        #expect(row.contains(" 16,7 "), "\(row)")
        try PeerCheck.run(w, period: "2025-H1", from: "2025-01-01", to: "2025-06-30")
    }

    @Test("In a grouped report each structure's standing item keeps its own title when ids are shared")
    func perStructureTitles() throws {
        let w = try Workspace()
        let berg = try w.draft(
            "lokal-arena-berg", "2025-03-18",
            [
                ("- [ ] Socialchef Berg", "- [x] Socialchef Berg"), ("- [ ] Fasta kontakter", "- [x] Fasta kontakter"),
                ("Justerare: \n", "Justerare: Socialchef Berg\n"),
            ])
        #expect(try w.record("lokal-arena-berg", "2025-03-18", berg, name: "berg.md").status == 0)
        let friday = try w.draft("fredagsgruppen", "2025-02-21", [Self.chairPresent])
        #expect(try w.record("fredagsgruppen", "2025-02-21", friday, name: "fredag.md").status == 0)
        for by in ["kind", "region", "municipality"] {
            let table = try w.run(["report", "compliance", "--period", "2025-H1", "--by", by])
            let lines = table.stdout.split(separator: "\n").map {
                $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            }
            #expect(lines.contains("Fasta kontakter 1 1 100,0"), "\(by): \(table.stdout)")
            #expect(lines.contains("Fast vårdkontakt och fast läkarkontakt 0 1 0,0"), "\(by): \(table.stdout)")
        }
        let json = try w.run(["report", "compliance", "--period", "2025-H1", "--by", "kind", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(((object["total"] as? [String: Any])?["content"] as? [String: Any])?["items"] as? [[String: Any]])
        let shared = items.filter { $0["id"] as? String == "fasta-kontakter" }.compactMap { $0["title"] as? String }.sorted()
        #expect(shared == ["Fast vårdkontakt och fast läkarkontakt", "Fasta kontakter"])
        let html = try w.run(["report", "compliance", "--period", "2025-H1", "--by", "kind", "--format", "html"])
        #expect(html.stdout.contains("<td>Fasta kontakter</td><td class=\"n\">1</td>"), "\(html.stdout)")
        try PeerCheck.run(w, period: "2025-H1", from: "2025-01-01", to: "2025-06-30")
    }
}

/// Runs `Tests/Peers/check_report.py` on a workspace's database and report.
enum PeerCheck {
    static func run(_ w: OrganisationAttendanceEndToEndTests.Workspace, period: String, from: String, to: String) throws {
        let python = ReportEndToEndTests.python
        #expect(FileManager.default.isExecutableFile(atPath: python), "the venv is missing: run `make test` once")
        func save(_ arguments: [String], _ name: String) throws -> String {
            let result = try w.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try w.folder.write(result.stdout, to: name)
        }
        let check = try CLIRunner.runTool(
            python,
            [
                CLIRunner.packageRoot.appendingPathComponent("Tests/Peers/check_report.py").path,
                try TestDatabase.sqliteFile(of: w.database),
                try save(["structures", "--format", "json"], "structures.json"),
                try save(["schedule", "--from", from, "--to", to, "--format", "json"], "schedule.json"),
                try save(["report", "compliance", "--period", period, "--format", "json"], "report.json"),
                try save(["report", "compliance", "--period", period, "--format", "csv"], "report.csv"), w.today,
            ])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
