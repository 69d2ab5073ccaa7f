import Foundation
import SamverkanTime
import Testing

@testable import SamverkanICal

/// The exact VTIMEZONE shape Outlook needs, checked observance by observance, and that the
/// cached component is cloned rather than shared.
@Suite("VTIMEZONE shape and caching")
struct ICalVTimezoneShapeTests {
    typealias F = ICalFixture

    /// The one VTIMEZONE of a serialized single-zone calendar.
    static func vtimezone(of text: String) throws -> [String] {
        let blocks = RawICal.blocks("VTIMEZONE", in: text)
        try #require(blocks.count == 1)
        return blocks[0]
    }

    @Test("One STANDARD and one DAYLIGHT, yearly on the last Sunday, from 1970, no RDATE, plain TZID")
    func shape() throws {
        let text = try F.document(.publish, events: try F.weeklySeries()).serialized()
        let zone = try Self.vtimezone(of: text)
        #expect(zone.filter { $0.hasPrefix("TZID") } == ["TZID:Europe/Stockholm"])
        #expect(!text.contains("freeassociation"))
        #expect(!text.contains("RDATE"))
        let standard = RawICal.blocks("STANDARD", in: zone.joined(separator: "\r\n") + "\r\n")
        let daylight = RawICal.blocks("DAYLIGHT", in: zone.joined(separator: "\r\n") + "\r\n")
        try #require(standard.count == 1 && daylight.count == 1)
        let cases: [(block: [String], from: String, to: String, start: String, month: String)] = [
            (standard[0], "+0200", "+0100", "19701025T030000", "BYMONTH=10"),
            (daylight[0], "+0100", "+0200", "19700329T020000", "BYMONTH=3"),
        ]
        for observance in cases {
            let block = observance.block
            #expect(block.contains("TZOFFSETFROM:\(observance.from)"))
            #expect(block.contains("TZOFFSETTO:\(observance.to)"))
            #expect(block.contains("DTSTART:\(observance.start)"))
            let rules = block.filter { $0.hasPrefix("RRULE:") }
            try #require(rules.count == 1)
            let parts = Set(rules[0].dropFirst(6).split(separator: ";").map(String.init))
            #expect(parts == ["FREQ=YEARLY", "BYDAY=-1SU", observance.month], "\(rules[0])")
            #expect(!rules[0].contains(","), "a single BYDAY entry")
        }
        // Both 1970 starts really are last Sundays (so the first onset is on the rule).
        #expect(LocalDate(year: 1970, month: 3, day: 29)!.weekday == .sunday)
        #expect(LocalDate(year: 1970, month: 10, day: 25)!.weekday == .sunday)
        #expect(try ParsedCalendar.parse(text).timeZoneIDs == ["Europe/Stockholm"])
    }

    @Test("The cached component is cloned: documents serialize identically, one VTIMEZONE each")
    func clonedNotShared() throws {
        let events = try F.weeklySeries(attendees: F.attendees)
        let first = try F.document(.request, events: events).serialized()
        _ = try F.document(.cancel, events: [events[1]]).restrictionProblems()  // adds X-LIC-ERRORs if shared
        let second = try F.document(.request, events: events).serialized()
        #expect(first == second)
        #expect(!second.contains("X-LIC-ERROR"))
        #expect(RawICal.blocks("VTIMEZONE", in: second).count == 1)
    }

    @Test("Two zones give two VTIMEZONEs, each named by its Olson name")
    func twoZones() throws {
        var events = try F.weeklySeries()
        var helsinki = events[0]
        helsinki.uid = "helsinki-1@samverkan.example"
        helsinki.zone = try ICalTimeZone.named("Europe/Helsinki")
        helsinki.rrule = nil
        helsinki.until = nil
        helsinki.exdates = []
        events.append(helsinki)
        let text = try F.document(.publish, events: events).serialized()
        let zones = RawICal.blocks("VTIMEZONE", in: text)
        #expect(Set(zones.map { $0[1] }) == ["TZID:Europe/Helsinki", "TZID:Europe/Stockholm"])
        #expect(zones.count == 2)
        let finnish = try #require(zones.first { $0.contains("TZID:Europe/Helsinki") })
        #expect(finnish.contains("DTSTART:19700329T030000"))
        #expect(finnish.contains("DTSTART:19701025T040000"))
        #expect(finnish.contains("TZOFFSETTO:+0300"))
        #expect(RawICal.eventLines(named: "DTSTART", in: text).last == "DTSTART;TZID=Europe/Helsinki:20250213T090000")
        #expect(try F.document(.publish, events: events).restrictionProblems() == [])
    }

    @Test("Serializing from many tasks at once gives the same text (zone calls are locked)")
    func concurrent() async throws {
        let document = F.document(.request, events: try F.weeklySeries(attendees: F.attendees))
        let expected = try document.serialized()
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<32 {
                group.addTask { try? document.serialized() }
            }
            var all: [String?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
    }
}
