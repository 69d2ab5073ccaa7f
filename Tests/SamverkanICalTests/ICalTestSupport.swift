import Foundation
import SamverkanTime

@testable import SamverkanICal

/// Builders and raw-text helpers shared by the iCalendar tests.
enum ICalFixture {
    static let stockholm = ICalTimeZone.stockholm
    /// 2025-01-01T08:00:00Z.
    static let dtstamp = 1_735_718_400

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> LocalDateTime {
        LocalDateTime(date: LocalDate(year: year, month: month, day: day)!, time: LocalTime(hour: hour, minute: minute)!)
    }

    static let organizer = ICalAttendee(
        email: "samordnare@example.se", commonName: "Samordnare Nära vård",
        role: .chair, rsvp: false)
    static let attendees = [
        ICalAttendee(email: "anna@example.se", commonName: "Andersson, Anna", role: .chair, rsvp: true),
        ICalAttendee(email: "bo@example.se", commonName: "Bo Öberg", role: .required, rsvp: true),
        ICalAttendee(email: "cia@example.se", commonName: nil, role: .optional, rsvp: false),
        ICalAttendee(email: "dan@example.se", commonName: "Dan", role: .nonParticipant, rsvp: false),
    ]

    /// A weekly Thursday series, 09:00–10:30, from 2025-02-13 (winter) to 2025-06-12 (summer),
    /// skipping two Thursdays, with one occurrence (2025-04-17) moved to the Wednesday before.
    static func weeklySeries(
        summary: String = "Veckomöte", description: String? = nil,
        attendees: [ICalAttendee] = []
    ) throws -> [ICalEvent] {
        let master = ICalEvent(
            uid: "weekly-1@samverkan.example", sequence: 3, dtstamp: dtstamp,
            start: at(2025, 2, 13, 9), end: at(2025, 2, 13, 10, 30), zone: stockholm,
            summary: summary, description: description, location: "Vårdcentralen, rum Öresund",
            url: "https://video.example.se/m/123", rrule: try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TH"),
            until: at(2025, 6, 12, 9), exdates: [at(2025, 3, 6, 9), at(2025, 5, 29, 9)],
            status: .confirmed, organizer: organizer, attendees: attendees, categories: ["Samverkan"])
        let moved = ICalEvent(
            uid: master.uid, sequence: 3, dtstamp: dtstamp,
            start: at(2025, 4, 16, 13), end: at(2025, 4, 16, 14, 30), zone: stockholm,
            summary: summary + " (flyttad)", recurrenceID: at(2025, 4, 17, 9), status: .confirmed,
            organizer: organizer, attendees: attendees)
        return [master, moved]
    }

    static func document(
        _ method: ICalDocument.Method, events: [ICalEvent], name: String? = nil,
        refreshInterval: Int? = nil
    ) -> ICalDocument {
        ICalDocument(
            method: method, productID: "-//Samverkan//Samverkan 0.1//SV", name: name,
            refreshInterval: refreshInterval, events: events)
    }
}

/// Reading serialized iCalendar as bytes and lines, independently of libical.
enum RawICal {
    /// The physical lines as written (split on CRLF; the text must end with CRLF).
    static func physicalLines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The content lines after unfolding (RFC 5545 §3.1: CRLF followed by one space or tab).
    static func contentLines(_ text: String) -> [String] {
        var result: [String] = []
        for line in physicalLines(text) {
            if let first = line.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1] += line.dropFirst()
            } else {
                result.append(line)
            }
        }
        return result
    }

    /// Content lines whose property name (before `;` or `:`) is `name`.
    static func lines(named name: String, in text: String) -> [String] {
        contentLines(text).filter { line in
            let end = line.firstIndex(where: { $0 == ";" || $0 == ":" }) ?? line.endIndex
            return line[..<end] == name
        }
    }

    /// Content lines named `name` inside VEVENTs only (the VTIMEZONE has its own DTSTART and RRULE).
    static func eventLines(named name: String, in text: String) -> [String] {
        let events = blocks("VEVENT", in: text).joined().joined(separator: "\r\n") + "\r\n"
        return lines(named: name, in: events)
    }

    /// The value of a content line (after the first `:` outside a quoted parameter value).
    static func value(of line: String) -> String {
        var quoted = false
        for index in line.indices {
            switch line[index] {
            case "\"": quoted.toggle()
            case ":" where !quoted: return String(line[line.index(after: index)...])
            default: continue
            }
        }
        return ""
    }

    /// The lines from `BEGIN:<kind>` to the matching `END:<kind>`, for each such block.
    static func blocks(_ kind: String, in text: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String]?
        for line in contentLines(text) {
            if line == "BEGIN:\(kind)" { current = [] }
            current?.append(line)
            if line == "END:\(kind)", let block = current {
                result.append(block)
                current = nil
            }
        }
        return result
    }
}
