import Foundation
import SamverkanTime
import Testing

@testable import SamverkanICal

/// What `CalendarDocumentTests` leaves open: per-line byte checks, every TZID, UNTIL computed
/// through the zone, attendees dropped from feeds, parameter quoting, and what clients read back.
@Suite("iCalendar output, line by line")
struct ICalOutputDetailTests {
    typealias F = ICalFixture

    @Test(
        "UNTIL is the UTC instant of the last local start, in winter (+01:00) and summer (+02:00)",
        arguments: [
            (2025, 1, 30, "20250130T080000Z"), (2025, 6, 12, "20250612T070000Z"),
            (2025, 10, 23, "20251023T070000Z"), (2025, 10, 30, "20251030T080000Z"),
        ])
    func untilThroughZone(year: Int, month: Int, day: Int, expected: String) throws {
        var events = try F.weeklySeries()
        events[0].until = F.at(year, month, day, 9)
        events[0].exdates = []
        let text = try F.document(.publish, events: [events[0]]).serialized()
        let rrule = try #require(RawICal.eventLines(named: "RRULE", in: text).first)
        let until = try #require(RawICal.value(of: rrule).split(separator: ";").first { $0.hasPrefix("UNTIL=") })
        #expect(until == "UNTIL=\(expected)")
        let epoch = F.stockholm.epochSeconds(of: F.at(year, month, day, 9))
        let utc = LocalDateTime(utcEpochSeconds: epoch)
        let written =
            "\(pad(utc.date.year, 4))\(pad(utc.date.month, 2))\(pad(utc.date.day, 2))T\(pad(utc.time.hour, 2))\(pad(utc.time.minute, 2))00Z"
        #expect("UNTIL=\(written)" == until)
        let parsed = try ParsedCalendar.parse(text)
        #expect(parsed.events[0].rrule?.contains("UNTIL=\(expected)") == true)
    }

    @Test("Every TZID is exactly the zone name and has a VTIMEZONE; EXDATEs keep DTSTART's time of day")
    func everyTZID() throws {
        let text = try F.document(.request, events: try F.weeklySeries(attendees: F.attendees)).serialized()
        let lines = RawICal.contentLines(text)
        let zoned = lines.filter { $0.contains(";TZID=") }
        #expect(zoned.count == 7, "2 × DTSTART, 2 × DTEND, 2 × EXDATE, 1 × RECURRENCE-ID: \(zoned)")
        for line in zoned {
            #expect(line.contains(";TZID=Europe/Stockholm:"), "\(line)")
            #expect(!line.hasSuffix("Z"), "a zoned time is local, never UTC: \(line)")
        }
        #expect(RawICal.lines(named: "TZID", in: text) == ["TZID:Europe/Stockholm"])
        let dtstart = RawICal.value(of: RawICal.eventLines(named: "DTSTART", in: text)[0])
        #expect(dtstart == "20250213T090000")
        let exdates = RawICal.lines(named: "EXDATE", in: text).map(RawICal.value(of:))
        #expect(exdates == ["20250306T090000", "20250529T090000"])
        #expect(exdates.allSatisfy { $0.suffix(7) == dtstart.suffix(7) }, "same time of day as \(dtstart)")
        #expect(
            RawICal.lines(named: "RECURRENCE-ID", in: text)
                == ["RECURRENCE-ID;TZID=Europe/Stockholm:20250417T090000"])
        #expect(RawICal.lines(named: "DTSTAMP", in: text).allSatisfy { $0 == "DTSTAMP:20250101T080000Z" })
        #expect(!lines.contains { $0.hasPrefix("X-WR-TIMEZONE") })
        #expect(!lines.contains { $0.hasPrefix("RDATE") })
    }

    @Test("The calendar's name: NAME (RFC 7986) and X-WR-CALNAME escaped as TEXT, the latter with VALUE=TEXT; both read back whole")
    func calendarNameEscaped() throws {
        let name = "Möten, RUG; Halland \\ 2025\nrad två"
        let text = try F.document(.publish, events: [try F.weeklySeries()[0]], name: name).serialized()
        let escaped = "Möten\\, RUG\\; Halland \\\\ 2025\\nrad två"
        let line = try #require(RawICal.lines(named: "NAME", in: text).first)
        #expect(Array(RawICal.value(of: line).utf8) == Array(escaped.utf8))
        let xLines = RawICal.lines(named: "X-WR-CALNAME", in: text)
        #expect(xLines.map { Array($0.utf8) } == [Array("X-WR-CALNAME;VALUE=TEXT:\(escaped)".utf8)])
        #expect(try ParsedCalendar.parse(text).name == name)
        // Read back from X-WR-CALNAME alone, as a client without RFC 7986 does.
        let withoutName = text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("NAME:") }.joined(separator: "\r\n")
        #expect(try ParsedCalendar.parse(withoutName).name == name)
    }

    @Test("Each physical line is CRLF-ended, at most 75 octets and valid UTF-8 on its own")
    func physicalLines() throws {
        let long = String(repeating: "Ärendeöversyn för vårdcentralen Åsa, Öresund; del\\två ", count: 6)
        let events = try F.weeklySeries(summary: long, description: long + "\n" + long)
        let text = try F.document(.publish, events: events, name: "Samverkan Halland").serialized()
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at octet \(index)")
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { $0.dropLast() }
        var folded = 0
        for line in lines {
            #expect(line.count <= 75, "\(line.count) octets: \(String(decoding: line, as: UTF8.self))")
            #expect(
                String(validating: Array(line), as: UTF8.self) != nil,
                "a fold split a UTF-8 character: \(Array(line))")
            if line.first == 0x20 { folded += 1 }
        }
        #expect(folded > 10, "the long texts were folded")
    }

    @Test("`,` `;` `\\` and newlines are escaped and survive the round trip; a newline starts no property")
    func escaping() throws {
        let summary = "Möte, del 1; \"planering\" \\ uppföljning\nATTENDEE:mailto:intrång@example.se"
        let description = "Rad ett, med komma; semikolon \\n (ingen radbrytning)\n\nRad tre: åäö ÅÄÖ\nEND:VEVENT"
        let events = try F.weeklySeries(summary: summary, description: description, attendees: F.attendees)
        let text = try F.document(.publish, events: events).serialized()
        let raw = RawICal.value(of: RawICal.lines(named: "SUMMARY", in: text)[0])
        #expect(raw == #"Möte\, del 1\; "planering" \\ uppföljning\nATTENDEE:mailto:intrång@example.se"#)
        #expect(RawICal.lines(named: "ATTENDEE", in: text).isEmpty)
        #expect(RawICal.blocks("VEVENT", in: text).count == 2)
        let parsed = try ParsedCalendar.parse(text)
        #expect(parsed.events.count == 2)
        #expect(parsed.events[0].summary == summary)
        #expect(parsed.events[0].description == description)
        #expect(parsed.events[1].summary == summary + " (flyttad)")
        #expect(parsed.events.allSatisfy { $0.attendees.isEmpty })
    }

    @Test("A feed drops attendees it is given, keeps one ORGANIZER per event and passes libical's check")
    func publishFeed() throws {
        let document = F.document(
            .publish, events: try F.weeklySeries(attendees: F.attendees),
            name: "Samverkan Halland", refreshInterval: 720)
        let text = try document.serialized()
        #expect(RawICal.lines(named: "METHOD", in: text) == ["METHOD:PUBLISH"])
        #expect(RawICal.lines(named: "ATTENDEE", in: text).isEmpty)
        for block in RawICal.blocks("VEVENT", in: text) {
            #expect(
                block.filter { $0.hasPrefix("ORGANIZER") }
                    == ["ORGANIZER;CN=Samordnare Nära vård:mailto:samordnare@example.se"])
        }
        #expect(RawICal.lines(named: "X-WR-CALNAME", in: text) == ["X-WR-CALNAME;VALUE=TEXT:Samverkan Halland"])
        #expect(RawICal.lines(named: "REFRESH-INTERVAL", in: text) == ["REFRESH-INTERVAL;VALUE=DURATION:PT12H"])
        #expect(RawICal.lines(named: "X-PUBLISHED-TTL", in: text) == ["X-PUBLISHED-TTL:PT12H"])
        #expect(try document.restrictionProblems() == [])
        let parsed = try ParsedCalendar.parse(text)
        #expect(parsed.method == "PUBLISH")
        #expect(parsed.name == "Samverkan Halland")
        #expect(parsed.events.map(\.uid) == ["weekly-1@samverkan.example", "weekly-1@samverkan.example"])
        #expect(parsed.events[1].end == F.at(2025, 4, 16, 14, 30))
        #expect(parsed.events[0].status == "CONFIRMED")
    }

    @Test("Invitation attendees carry CN, ROLE and RSVP; names with , ; : and quotes come back whole")
    func requestAttendees() throws {
        var events = try F.weeklySeries(attendees: F.attendees)
        events[0].attendees.append(
            ICalAttendee(
                email: "eva@example.se", commonName: "Eva \"Evi\" E:son; IT",
                role: .required, rsvp: true))
        let document = F.document(.request, events: events)
        let text = try document.serialized()
        let attendees = RawICal.blocks("VEVENT", in: text)[0].filter { $0.hasPrefix("ATTENDEE") }
        #expect(attendees.count == 5)
        #expect(attendees.allSatisfy { $0.contains(";ROLE=") && $0.contains(";RSVP=") })
        #expect(attendees.filter { $0.contains("CN=") }.count == 4, "the attendee without a name has no CN")
        #expect(attendees.contains(#"ATTENDEE;CN="Andersson, Anna";ROLE=CHAIR;RSVP=TRUE:mailto:anna@example.se"#))
        #expect(try document.restrictionProblems() == [])
        let parsed = try ParsedCalendar.parse(text).events[0].attendees
        #expect(parsed.map(\.email) == F.attendees.map(\.email) + ["eva@example.se"])
        #expect(parsed.map(\.commonName) == F.attendees.map(\.commonName) + ["Eva \"Evi\" E:son; IT"])
        #expect(parsed.map(\.role) == ["CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT", "NON-PARTICIPANT", "REQ-PARTICIPANT"])
        #expect(parsed.map(\.rsvp) == [true, true, false, false, true])
    }

    @Test("Cancelling a whole series (the master, STATUS:CANCELLED) passes libical's CANCEL check")
    func cancelSeries() throws {
        var master = try F.weeklySeries(attendees: F.attendees)[0]
        master.status = .cancelled
        master.sequence = 4
        let document = F.document(.cancel, events: [master])
        #expect(try document.restrictionProblems() == [])
        let parsed = try ParsedCalendar.parse(try document.serialized())
        #expect(parsed.method == "CANCEL")
        #expect(parsed.events[0].status == "CANCELLED")
        #expect(parsed.events[0].sequence == 4)
        #expect(parsed.events[0].rrule?.hasPrefix("FREQ=WEEKLY;UNTIL=20250612T070000Z") == true)
    }

    @Test("A parse error names libical's X-LIC-ERROR text")
    func parseErrorNamesProblem() {
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Europe/Stockholm:tisdag kl 9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect {
            _ = try ParsedCalendar.parse(text)
        } throws: { error in
            (error as? ICalError)?.message.contains("DTSTART") == true
        }
    }
}
