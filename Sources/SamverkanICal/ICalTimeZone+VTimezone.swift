internal import CLibical
import Foundation
import SamverkanTime

extension ICalTimeZone {
    /// A clone of this zone's compact `VTIMEZONE`, for adding to a calendar (the caller owns it).
    ///
    /// Outlook needs the compact form: `TZID` exactly the Olson name (libical's own components
    /// carry a `/freeassociation.sourceforge.net/` prefix that Thunderbird reports as unknown), one
    /// `STANDARD` and one `DAYLIGHT`, each a yearly rule on a single nth weekday, no `RDATE`.
    /// libical's builtin components (and `icaltimezone_truncate_vtimezone`) keep UNTIL-bounded
    /// historical rules, so the component is built from the zone's offsets, which are checked
    /// against libical for 1996–2060 to follow the EU rule (last Sunday of March and October at
    /// 01:00 UTC). No `X-LIC-LOCATION`: python-dateutil's reader refuses it.
    /// - Throws: ``ICalError`` for a zone that does not follow that rule.
    func compactVTimezone() throws(ICalError) -> OpaquePointer {
        let template = try Self.compactTemplate(for: self)
        return icalcomponent_new_clone(template.pointer)
    }

    /// Checks that the zone can be written in the compact form calendars need (what
    /// ``compactVTimezone()`` builds), so a configuration can be refused before any export.
    /// - Throws: ``ICalError`` for a zone that does not follow the EU rule.
    public func checkCalendarForm() throws(ICalError) {
        _ = try Self.compactTemplate(for: self)
    }

    /// One parsed compact component per zone, made once.
    private static func compactTemplate(for zone: ICalTimeZone) throws(ICalError) -> ComponentBox {
        vtimezoneLock.lock()
        defer { vtimezoneLock.unlock() }
        if let cached = vtimezones[zone.identifier] { return cached }
        let text = try compactText(for: zone)
        ICalError.clear()
        guard let parsed = icalparser_parse_string(text), icalcomponent_count_errors(parsed) == 0 else {
            throw ICalError("the VTIMEZONE for \(zone.identifier) could not be built")
        }
        let box = ComponentBox(pointer: parsed)
        vtimezones[zone.identifier] = box
        return box
    }

    private static func compactText(for zone: ICalTimeZone) throws(ICalError) -> String {
        func offset(_ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Int {
            zone.utcOffsetSeconds(
                at: LocalDateTime(
                    date: LocalDate(year: year, month: month, day: day)!,
                    time: LocalTime(hour: hour, minute: 0)!))
        }
        let standard = offset(2001, 1, 15, 12)
        let daylight = offset(2001, 7, 15, 12)
        guard standard != daylight else {
            // No daylight saving time: a single STANDARD observance.
            return component(zone, observances: [("STANDARD", standard, standard, "19700101T000000", nil)])
        }
        // Check the EU rule against libical for every year the calendars can reach.
        for year in 1996...2060 {
            let march = lastSunday(month: 3, year: year)
            let october = lastSunday(month: 10, year: year)
            // Sample before and after the switch: 00:00 is before it and 05:00 after it in every
            // EU zone (01:00 UTC is 01:00 local in London, 02:00 in Stockholm, 03:00 in Helsinki).
            let switches =
                offset(year, 3, march.day, 0) == standard && offset(year, 3, march.day, 5) == daylight
                && offset(year, 10, october.day, 0) == daylight && offset(year, 10, october.day, 5) == standard
            guard switches else {
                throw ICalError(
                    "the time zone \(zone.identifier) does not switch on the last Sundays of March and October; only such zones can be written in the compact form Outlook needs"
                )
            }
        }
        let localSwitch = (3600 + standard) / 3600  // 01:00 UTC in standard time
        return component(
            zone,
            observances: [
                ("DAYLIGHT", standard, daylight, "19700329T\(pad(localSwitch, 2))0000", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
                ("STANDARD", daylight, standard, "19701025T\(pad(localSwitch + 1, 2))0000", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
            ])
    }

    private static func component(_ zone: ICalTimeZone, observances: [(String, Int, Int, String, String?)]) -> String {
        func utcOffset(_ seconds: Int) -> String {
            (seconds < 0 ? "-" : "+") + pad(abs(seconds) / 3600, 2) + pad(abs(seconds) % 3600 / 60, 2)
        }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        for (kind, from, to, start, rule) in observances {
            lines += ["BEGIN:\(kind)", "TZOFFSETFROM:\(utcOffset(from))", "TZOFFSETTO:\(utcOffset(to))", "DTSTART:\(start)"]
            if let rule { lines.append("RRULE:\(rule)") }
            lines.append("END:\(kind)")
        }
        lines.append("END:VTIMEZONE")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return last.adding(days: -((last.weekday.rawValue) % 7))
    }

    nonisolated(unsafe) private static var vtimezones: [String: ComponentBox] = [:]
    private static let vtimezoneLock = NSLock()
}

/// Keeps a libical component alive for the process (never freed: it is a cache entry).
final class ComponentBox: @unchecked Sendable {
    let pointer: OpaquePointer
    init(pointer: OpaquePointer) { self.pointer = pointer }
}
