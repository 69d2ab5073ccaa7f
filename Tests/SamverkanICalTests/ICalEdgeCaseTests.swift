import Foundation
import SamverkanTime
import Testing

@testable import SamverkanICal

/// Inputs a careless builder writes wrongly, each with the behaviour ICALENDAR.md asks for.
@Suite("Edge cases of the calendar builder")
struct ICalEdgeCaseTests {
    typealias F = ICalFixture

    static func single(rule: String?, until: LocalDateTime?) throws -> ICalDocument {
        let event = ICalEvent(
            uid: "gap@samverkan.example", sequence: 0, dtstamp: F.dtstamp,
            start: F.at(2025, 2, 13, 9), end: F.at(2025, 2, 13, 10), zone: F.stockholm,
            summary: "Möte", rrule: try rule.map { try RecurrenceRule(parsing: $0) }, until: until,
            organizer: F.organizer)
        return F.document(.publish, events: [event])
    }

    @Test("A rule with COUNT and an `until` is refused, not written as `RRULE:ERROR: No Value`")
    func countAndUntil() throws {
        let document = try Self.single(rule: "FREQ=WEEKLY;COUNT=5", until: F.at(2025, 6, 12, 9))
        // libical would write `RRULE:ERROR: No Value`: the builder refuses instead.
        #expect(throws: ICalError.self) { try document.serialized() }
    }

    @Test("A local UNTIL inside the rule text is refused or converted to UTC (RFC 5545 §3.3.10)")
    func localUntilInRule() throws {
        let document = try Self.single(rule: "FREQ=WEEKLY;UNTIL=20250612T090000", until: nil)
        // libical would write the local UNTIL as it is: the builder refuses; the end goes in `until`.
        #expect(throws: ICalError.self) { try document.serialized() }
        let fixed = try Self.single(rule: "FREQ=WEEKLY", until: F.at(2025, 6, 12, 9))
        let rrule = RawICal.eventLines(named: "RRULE", in: try fixed.serialized()).first ?? ""
        #expect(rrule.contains("UNTIL=20250612T070000Z"), "\(rrule)")
    }

    @Test("An `until` without a rule is refused rather than silently dropped")
    func untilWithoutRule() throws {
        let document = try Self.single(rule: nil, until: F.at(2025, 6, 12, 9))
        #expect(throws: ICalError.self) { try document.serialized() }
    }

    @Test("Europe/London (EU rule at 01:00 UTC, standard offset 0) gets a compact VTIMEZONE")
    func london() throws {
        var event = try Self.single(rule: nil, until: nil).events[0]
        event.zone = try ICalTimeZone.named("Europe/London")
        let document = F.document(.publish, events: [event])
        let text = try document.serialized()
        #expect(text.contains("TZID:Europe/London"))
        #expect(text.contains("DTSTART:19700329T010000"))
        #expect(text.contains("DTSTART:19701025T020000"))
    }
}
