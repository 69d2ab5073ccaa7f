import Foundation
import SamverkanDomain
import SamverkanTime
import Testing

@testable import SamverkanConfig

@Suite("Reading a configuration")
struct ConfigLoaderTests {
    let configuration: RegionConfiguration

    init() throws {
        configuration = try ConfigLoader.load(path: Fixture.path("minimal.yaml"))
    }

    @Test("Organisations: region units, municipalities, default and named home health care, care centres")
    func organisations() throws {
        #expect(configuration.region.id == "region-test")
        #expect(configuration.organisation("rt-narsjukvard")?.kind == .regionUnit)
        let alfaHSV = try #require(configuration.organisation("alfa-hemsjukvard"))
        #expect(alfaHSV.kind == .homeHealthCare)
        #expect(alfaHSV.municipality == "alfa")
        #expect(configuration.organisation("beta-hsv")?.name == "Hemsjukvården Beta")
        #expect(configuration.organisation("beta-hemsjukvard") == nil)
        let privateCentre = try #require(configuration.organisation("vc-alfa-2"))
        #expect(privateCentre.operator == .privateProvider("Vård AB"))
        #expect(privateCentre.principal == .region)
        #expect(configuration.organisation("vc-alfa-1")?.operator == .regional)
        #expect(alfaHSV.principal == .municipality)
    }

    @Test("A break may name its month in Swedish or English, like frequencies do")
    func breakMonthNames() throws {
        for month in ["juli", "July", "7"] {
            let yaml = Fixture.withStructure(
                """
                  - id: s1
                    kind: custom
                    members: [alfa]
                    frequency: {type: weekly, weekday: monday}
                    breaks: [{name: Sommar, month: \(month)}]
                """)
            let configuration = try ConfigLoader.parse(text: yaml, file: "test.yaml")
            let pause = try #require(configuration.structure("s1")?.breaks.first)
            #expect(pause.fromText == "07-01", "\(month)")
            #expect(pause.contains(LocalDate(iso: "2025-07-31")!))
            #expect(!pause.contains(LocalDate(iso: "2025-08-01")!))
        }
    }

    @Test("Holiday periods: a policy for part of the year, checked like the structure's own")
    func holidayPeriods() throws {
        let yaml = Fixture.withStructure(
            """
              - id: s1
                kind: custom
                members: [alfa]
                frequency: {type: weekly, weekday: thursday}
                holidays: move-earlier
                holiday-periods: [{name: Jul, from: 12-20, to: 01-06, holidays: skip}]
            """)
        let structure = try #require(try ConfigLoader.parse(text: yaml, file: "test.yaml").structure("s1"))
        #expect(structure.holidayPolicy(on: LocalDate(iso: "2025-12-25")!) == .skip)
        #expect(structure.holidayPolicy(on: LocalDate(iso: "2026-01-06")!) == .skip)
        #expect(structure.holidayPolicy(on: LocalDate(iso: "2026-01-07")!) == .moveEarlier)
        let bad = Fixture.problems(
            Fixture.withStructure(
                """
                  - id: s1
                    kind: custom
                    members: [alfa]
                    frequency: {type: weekly, weekday: thursday}
                    holiday-periods: [{from: 12-20, to: 01-32, holidays: hoppa}]
                """))
        #expect(bad.count == 2, "\(bad)")
        #expect(bad.contains { $0.message.contains("`to` must be a month and day") })
        #expect(bad.contains { $0.message.contains("`holidays` must be skip, move-earlier or move-later") })
    }

    @Test("Halland's focus areas and their grant points come from its configuration, as its plan says")
    func hallandFocusAreas() throws {
        let halland = try ConfigLoader.load(path: Fixture.packageRoot.appendingPathComponent("Config/halland.yaml").path)
        #expect(
            halland.focusAreas.map { $0.grantPoints.map(\.rawValue) } == [
                [1, 2, 3, 5, 6], [2, 5, 6, 8], [1, 2, 3, 4, 5, 6, 7], [3, 5, 6],
            ])
        #expect(halland.focusAreas.first?.name == "Fasta kontakter och relationer runt patienten")
        let undefined = Fixture.problems(
            Fixture.withStructure(
                """
                  - id: s1
                    kind: custom
                    members: [alfa]
                    frequency: {type: weekly, weekday: monday}
                    focus-areas: [2]
                """))
        #expect(undefined.count == 1)
        #expect(undefined.first?.message.contains("the focus area 2 is not defined") == true, "\(undefined)")
    }

    @Test("Defaults apply unless a structure sets its own value")
    func defaults() throws {
        let rug = try #require(configuration.structure("rug"))
        #expect(rug.durationMinutes == 90)
        #expect(rug.time.description == "09:00")
        #expect(rug.starts.iso == "2025-01-01")
        #expect(rug.holidayPolicy == .moveEarlier)
        #expect(rug.breaks.map(\.name) == ["Sommar"])
        #expect(rug.breaks[0].contains(LocalDate(year: 2025, month: 7, day: 31)!))
        #expect(!rug.breaks[0].contains(LocalDate(year: 2025, month: 8, day: 1)!))
        // Grant points follow from the focus areas when not given: area 1 → 1,2,3,5,6; area 4 → 3,5,6.
        #expect(rug.grantPoints.map(\.rawValue) == [1, 2, 3, 5, 6])
        #expect(rug.frequency == .monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 1))
    }

    @Test("One single-level structure is generated per care centre, with overrides")
    func generatedSingles() throws {
        let singles = configuration.structures.filter { $0.kind == .single }
        #expect(singles.map(\.id) == ["single-vc-alfa-1", "single-vc-alfa-2", "single-vc-beta-1"])
        #expect(singles.allSatisfy { $0.generated })
        let first = try #require(configuration.structure("single-vc-alfa-1"))
        #expect(first.members == ["vc-alfa-1", "alfa-hemsjukvard"])
        #expect(first.municipality == "alfa")
        #expect(first.careCentre == "vc-alfa-1")
        #expect(first.durationMinutes == 60)
        #expect(first.time.description == "13:00")
        #expect(first.frequency == .weekly(interval: 4, weekday: .wednesday))
        #expect(first.name == "Vårdcentralen Alfa 1 – Hemsjukvården Alfa kommun")
        let overridden = try #require(configuration.structure("single-vc-alfa-2"))
        #expect(overridden.frequency == .monthlyDay(day: -1, interval: 1))
        #expect(overridden.time.description == "08:30")
        #expect(overridden.durationMinutes == 60)
        #expect(configuration.structure("single-vc-beta-1")?.members == ["vc-beta-1", "beta-hsv"])
    }

    @Test("A group-level structure is generated only for the chosen municipalities")
    func generatedGroups() throws {
        let groups = configuration.structures.filter { $0.kind == .group }
        #expect(groups.map(\.id) == ["group-alfa"])
        let group = try #require(groups.first)
        #expect(group.members == ["vc-alfa-1", "vc-alfa-2", "alfa-hemsjukvard"])
        #expect(group.frequency == .monthsWeekday(months: [2, 5, 9], ordinal: -1, weekday: .tuesday))
    }

    @Test("Participants default to the people of the member organisations")
    func participants() throws {
        let rug = try #require(configuration.structure("rug"))
        #expect(configuration.participants(of: rug).map(\.id) == ["anna", "bo"])
        let single = try #require(configuration.structure("single-vc-beta-1"))
        #expect(configuration.participants(of: single).isEmpty)
    }

    @Test("The shipped Halland configuration is valid and complete")
    func halland() throws {
        let path = Fixture.packageRoot.appendingPathComponent("Config/halland.yaml").path
        let config = try ConfigLoader.load(path: path)
        #expect(
            config.municipalities.map(\.name) == [
                "Halmstads kommun", "Laholms kommun", "Hylte kommun",
                "Falkenbergs kommun", "Varbergs kommun", "Kungsbacka kommun",
            ])
        let rug = try #require(config.structure("rug"))
        let roles = config.participants(of: rug).compactMap(\.role)
        #expect(roles.filter { $0 == "Socialchef" }.count == 6)
        #expect(roles.contains("Biträdande hälso- och sjukvårdsdirektör"))
        #expect(roles.contains("Biträdande sjukhuschef"))
        #expect(roles.contains("Förvaltningschef"))
        let centres = config.organisations.filter { $0.kind == .careCentre }
        #expect(!centres.isEmpty)
        #expect(centres.allSatisfy { $0.illustrative }, "care-centre names are invented and must say so")
        for centre in centres {
            #expect(config.structures.contains { $0.kind == .single && $0.careCentre == centre.id }, "no single level for \(centre.id)")
        }
        for municipality in config.municipalities {
            #expect(config.structures.contains { $0.kind == .group && $0.municipality == municipality.id })
        }
    }

    @Test("The shipped Jämtland Härjedalen configuration has Fredagsgruppen and the 2025 activities")
    func jamtland() throws {
        let path = Fixture.packageRoot.appendingPathComponent("Config/jamtland-harjedalen.yaml").path
        let config = try ConfigLoader.load(path: path)
        #expect(config.municipalities.count == 8)
        #expect(config.municipalities.map(\.name).contains("Östersunds kommun"))
        let group = try #require(config.structures.first { $0.kind == .fredagsgruppen })
        guard case .dates(let dates) = group.frequency else {
            Issue.record("Fredagsgruppen should meet on dated meetings")
            return
        }
        #expect(dates.contains(LocalDate(iso: "2025-02-21")!))
        #expect(dates.allSatisfy { $0.weekday == .friday })
        let activity = try #require(group.activities.first { $0.id == "fk-medarbetares-tillgang" })
        #expect(activity.status == .partly)
        #expect(activity.timePlan == .date(LocalDate(iso: "2024-12-31")!))
        #expect(group.activities.contains { $0.timePlan == .ongoing })
        #expect(group.activities.contains { $0.timePlan == .dependsOnNationalWork })
        #expect(group.activities.contains { $0.timePlan == .month(year: 2025, month: 11) })
        for arena in ["svom", "lsg-patientsakerhet", "lokal-arena-ostersund", "fredagsgruppen-strategidag"] {
            #expect(config.structure(arena) != nil, "missing \(arena)")
        }
    }
}
