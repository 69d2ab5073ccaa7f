import Foundation
import SamverkanTime
import Testing

@testable import SamverkanICal

@Suite("Building calendars with libical")
struct CalendarDocumentTests {
    static let zone = ICalTimeZone.stockholm
    static func at(_ date: String, _ time: String = "09:00") -> LocalDateTime {
        LocalDateTime(date: LocalDate(iso: date)!, time: LocalTime(text: time)!)
    }

    static func series(summary: String = "Samverkan Vårdcentralen Öster – hemsjukvården", attendees: [ICalAttendee] = []) throws
        -> [ICalEvent]
    {
        let master = ICalEvent(
            uid: "s1.region@samverkan", sequence: 3, dtstamp: 1_740_000_000, start: at("2025-01-07"), end: at("2025-01-07", "10:30"),
            zone: zone, summary: summary, description: "Rad ett, med komma; semikolon\\ och\nrad två med åäö ÅÄÖ",
            location: "Vårdcentralen, rum 3", rrule: try RecurrenceRule(parsing: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
            until: at("2025-06-24"), exdates: [at("2025-04-01"), at("2025-05-27")], status: .confirmed,
            organizer: ICalAttendee(email: "sekr@region.example", commonName: "Åsa Sekreterare", role: .chair, rsvp: false),
            attendees: attendees, categories: ["enskild nivå"])
        var moved = master
        moved.rrule = nil
        moved.until = nil
        moved.exdates = []
        moved.recurrenceID = at("2025-04-15")
        moved.start = at("2025-04-14")
        moved.end = at("2025-04-14", "10:30")
        return [master, moved]
    }

    static func document(_ method: ICalDocument.Method, attendees: [ICalAttendee] = []) throws -> ICalDocument {
        ICalDocument(
            method: method, productID: "-//Samverkan//Test//SV", name: method == .publish ? "Samverkan, test" : nil,
            refreshInterval: method == .publish ? 720 : nil, events: try series(attendees: attendees))
    }

    static let people = [
        ICalAttendee(email: "anna@kommun.example", commonName: "Anna Andersson", role: .chair, rsvp: true),
        ICalAttendee(email: "bo@region.example", commonName: "Bo Berg", role: .required, rsvp: true),
    ]

    @Test("A series round-trips through libical's parser with its exceptions")
    func roundTrip() throws {
        let text = try Self.document(.publish).serialized()
        let parsed = try ParsedCalendar.parse(text)
        #expect(parsed.method == "PUBLISH")
        #expect(parsed.name == "Samverkan, test")
        #expect(parsed.timeZoneIDs == ["Europe/Stockholm"])
        #expect(parsed.events.count == 2)
        let master = try #require(parsed.events.first { $0.recurrenceID == nil })
        #expect(master.uid == "s1.region@samverkan")
        #expect(master.sequence == 3)
        #expect(master.start == Self.at("2025-01-07"))
        #expect(master.startTZID == "Europe/Stockholm")
        #expect(master.exdates == [Self.at("2025-04-01"), Self.at("2025-05-27")])
        #expect(master.exdateTZIDs == ["Europe/Stockholm", "Europe/Stockholm"])
        #expect(master.description == "Rad ett, med komma; semikolon\\ och\nrad två med åäö ÅÄÖ")
        #expect(master.location == "Vårdcentralen, rum 3")
        #expect(master.organizer?.email == "sekr@region.example")
        #expect(master.attendees.isEmpty, "a published feed has no ATTENDEE")
        let moved = try #require(parsed.events.first { $0.recurrenceID != nil })
        #expect(moved.uid == master.uid)
        #expect(moved.recurrenceID == Self.at("2025-04-15"))
        #expect(moved.start == Self.at("2025-04-14"))
        #expect(moved.rrule == nil)
    }

    @Test("UNTIL is the UTC instant of the last local start (summer time: 09:00+02:00 is 07:00Z)")
    func untilInUTC() throws {
        let text = try Self.document(.publish).serialized()
        #expect(text.contains("RRULE:FREQ=WEEKLY;UNTIL=20250624T070000Z;INTERVAL=2;BYDAY=TU"))
        #expect(text.contains("EXDATE;TZID=Europe/Stockholm:20250401T090000"))
        #expect(text.contains("DTSTART;TZID=Europe/Stockholm:20250107T090000"))
        #expect(text.contains("DTSTAMP:20250219T212000Z"))
    }

    @Test("Bytes: CRLF line ends, no line over 75 octets, UTF-8 never split, text escaped")
    func bytes() throws {
        let long = String(repeating: "Samverkan åäö ÅÄÖ, ", count: 12)
        let doc = ICalDocument(
            method: .publish, productID: "-//x//y//SV", name: "n", refreshInterval: nil,
            events: try Self.series(summary: long + "\nX-INJECTED:oops"))
        let text = try doc.serialized()
        let data = Data(text.utf8)
        #expect(String(data: data, encoding: .utf8) != nil)
        let lines = text.components(separatedBy: "\r\n")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.filter { $0.utf8.count > 75 })")
        #expect(!lines.contains { $0.hasPrefix("X-INJECTED") }, "a newline in a title must not start a property")
        #expect(text.contains("\\, "))
        let parsed = try ParsedCalendar.parse(text)
        #expect(parsed.events[0].summary == long + "\nX-INJECTED:oops")
    }

    @Test("The VTIMEZONE is the compact Outlook form named Europe/Stockholm")
    func vtimezone() throws {
        let text = try Self.document(.publish).serialized()
        let start = try #require(text.range(of: "BEGIN:VTIMEZONE"))
        let end = try #require(text.range(of: "END:VTIMEZONE"))
        let block = String(text[start.lowerBound..<end.upperBound])
        #expect(block.components(separatedBy: "BEGIN:STANDARD").count == 2)
        #expect(block.components(separatedBy: "BEGIN:DAYLIGHT").count == 2)
        #expect(block.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"))
        #expect(block.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"))
        #expect(block.contains("TZID:Europe/Stockholm\r\n"))
        #expect(!text.contains("RDATE"))
        #expect(!text.contains("freeassociation"))
        #expect(!block.contains("UNTIL"))
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2, "one VTIMEZONE per zone")
    }

    @Test("libical's iTIP restriction check passes for PUBLISH, REQUEST and CANCEL")
    func restrictions() throws {
        #expect(try Self.document(.publish).restrictionProblems() == [])
        #expect(try Self.document(.request, attendees: Self.people).restrictionProblems() == [])
        var cancel = try Self.document(.cancel, attendees: Self.people)
        cancel.events = [cancel.events[1]]
        cancel.events[0].status = .cancelled
        #expect(try cancel.restrictionProblems() == [])
    }

    @Test("The restriction check does find a broken calendar")
    func restrictionsFail() throws {
        var request = try Self.document(.request, attendees: [])
        request.events = request.events.map {
            var e = $0
            e.organizer = nil
            return e
        }
        #expect(try !request.restrictionProblems().isEmpty)
    }

    @Test("Invitations carry attendees with CN, ROLE and RSVP")
    func attendees() throws {
        let parsed = try ParsedCalendar.parse(try Self.document(.request, attendees: Self.people).serialized())
        let master = try #require(parsed.events.first)
        #expect(master.attendees.map(\.email) == ["anna@kommun.example", "bo@region.example"])
        #expect(master.attendees.map(\.commonName) == ["Anna Andersson", "Bo Berg"])
        #expect(master.attendees.map(\.role) == ["CHAIR", "REQ-PARTICIPANT"])
        #expect(master.attendees.allSatisfy { $0.rsvp == true })
    }

    @Test("Garbage is refused with libical's reasons")
    func garbage() {
        #expect(throws: ICalError.self) {
            try ParsedCalendar.parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:notatime\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: ICalError.self) { try ParsedCalendar.parse("hello") }
    }
}
