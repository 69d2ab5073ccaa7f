import Foundation
import SamverkanCalendar
import SamverkanConfig
import SamverkanDomain
import SamverkanICal
import SamverkanRendering
import SamverkanReports
import SamverkanTemplates
import SamverkanTestSupport
import SamverkanTime
import Testing

/// libical's iTIP restriction check (RFC 5546) on everything the shipped configurations export.
@Suite("Exported calendars pass icalrestriction_check")
struct ExportRestrictionTests {
    static let root = CLIRunner.packageRoot

    func exporter(_ config: String) throws -> CalendarExporter {
        let configuration = try ConfigLoader.load(path: Self.root.appendingPathComponent(config).path)
        let library = try TemplateLibrary(language: "sv")
        let texts = CalendarTexts(
            phrases: Phrasebook(language: "sv", phrases: try Templates.phrases(language: "sv")),
            eventDescription: try library.template("event-description.txt"),
            invitation: try library.template("invitation.txt"),
            cancellation: try library.template("cancellation.txt"))
        return CalendarExporter(configuration: configuration, texts: texts, now: 1_767_225_600)
    }

    static let from = LocalDate(iso: "2025-01-01")!, through = LocalDate(iso: "2026-12-31")!

    @Test("Every published feed, per structure and whole", arguments: ["Config/halland.yaml", "Config/jamtland-harjedalen.yaml"])
    func feeds(config: String) throws {
        let exporter = try exporter(config)
        let meetings = try RegisterFixture.meetings(
            of: exporter.configuration.structures, in: exporter.configuration,
            from: Self.from, through: Self.through)
        let plans = try exporter.plans(for: exporter.configuration.structures, meetings: meetings)
        #expect(try exporter.feed(plans, sequences: [:], name: "alla").restrictionProblems() == [])
        for structure in exporter.configuration.structures {
            let own = plans.filter { $0.structure.id == structure.id }
            #expect(!own.isEmpty, "\(structure.id) has no meeting in two years")
            #expect(try exporter.feed(own, sequences: [:], name: structure.name).restrictionProblems() == [], "\(structure.id)")
        }
    }

    @Test("Every invitation and cancellation that can be sent", arguments: ["Config/halland.yaml", "Config/jamtland-harjedalen.yaml"])
    func invitations(config: String) throws {
        let exporter = try exporter(config)
        var checked = 0
        for structure in exporter.configuration.structures where !exporter.attendees(of: structure).isEmpty {
            let meetings = try RegisterFixture.meetings(of: [structure], in: exporter.configuration, from: Self.from, through: Self.through)
            let plans = try SeriesPlan.plans(for: structure, meetings: meetings)
            for plan in plans {
                let invitation = try exporter.invitation(plan, sequence: 1)
                #expect(try invitation.restrictionProblems() == [], "\(structure.id)")
                #expect(Set(invitation.events.map(\.uid)).count == 1, "\(structure.id)")
                #expect(try exporter.cancellation(plan, meeting: nil, sequence: 2).restrictionProblems() == [], "\(structure.id)")
            }
            let held = try #require(meetings.first { $0.isHeld })
            let plan = try #require(plans.first { $0.uid == held.uid })
            #expect(try exporter.cancellation(plan, meeting: held, sequence: 2).restrictionProblems() == [], "\(structure.id)")
            checked += 1
        }
        #expect(checked > 0)
    }
}
