internal import CLibical
public import SamverkanTime

/// A calendar read back through libical: what a client would see. Used to check exports and
/// to read files people send in.
public struct ParsedCalendar: Sendable {
    public struct Person: Sendable, Hashable {
        public var email: String
        public var commonName: String?
        public var role: String?
        public var rsvp: Bool?
    }

    public struct Event: Sendable {
        public var uid: String
        public var sequence: Int
        public var summary: String?
        public var description: String?
        public var location: String?
        public var start: LocalDateTime?
        public var startTZID: String?
        public var end: LocalDateTime?
        public var rrule: String?
        public var exdates: [LocalDateTime]
        public var exdateTZIDs: [String]
        public var recurrenceID: LocalDateTime?
        public var status: String?
        public var organizer: Person?
        public var attendees: [Person]
    }

    public var method: String?
    public var name: String?
    public var timeZoneIDs: [String]
    public var events: [Event]

    /// Parses iCalendar text.
    /// - Throws: ``ICalError`` naming libical's complaints (its parser never fails outright: bad
    ///   input becomes `X-LIC-ERROR` properties, which are counted here).
    public static func parse(_ text: String) throws(ICalError) -> ParsedCalendar {
        ICalError.clear()
        guard let root = icalparser_parse_string(text) else {
            throw ICalError.current(context: "reading the calendar") ?? ICalError("the text is not an iCalendar object")
        }
        defer { icalcomponent_free(root) }
        if icalcomponent_count_errors(root) > 0 {
            throw ICalError("the calendar has errors: " + Self.errors(in: root).joined(separator: "; "))
        }
        guard icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT else { throw ICalError("the text is not a VCALENDAR") }
        var calendar = ParsedCalendar(method: nil, name: nil, timeZoneIDs: [], events: [])
        let method = icalcomponent_get_method(root)
        if method != ICAL_METHOD_NONE { calendar.method = String(cString: icalproperty_method_to_string(method)) }
        for property in properties(of: root, kind: ICAL_X_PROPERTY) where string(icalproperty_get_x_name(property)) == "X-WR-CALNAME" {
            // `VALUE=TEXT` (as written here) makes libical read a TEXT value, unescaped; without
            // it an X value, whose commas and semicolons libical 3.0 takes as they stand.
            let value = icalproperty_get_value(property)
            calendar.name =
                icalvalue_isa(value) == ICAL_TEXT_VALUE ? string(icalvalue_get_text(value)) : string(icalproperty_get_x(property))
        }
        // RFC 7986 NAME, when present, is the whole name (libical unescapes both).
        if let name = icalcomponent_get_first_property(root, ICAL_NAME_PROPERTY) {
            calendar.name = string(icalproperty_get_name(name))
        }
        for zone in components(of: root, kind: ICAL_VTIMEZONE_COMPONENT) {
            if let tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY) {
                calendar.timeZoneIDs.append(string(icalproperty_get_tzid(tzid)) ?? "")
            }
        }
        calendar.events = components(of: root, kind: ICAL_VEVENT_COMPONENT).map(event)
        return calendar
    }

    static func event(_ component: OpaquePointer) -> Event {
        func text(_ kind: icalproperty_kind) -> String? {
            icalcomponent_get_first_property(component, kind).flatMap { string(icalproperty_get_value_as_string($0)) }
        }
        func time(_ kind: icalproperty_kind) -> (LocalDateTime?, String?) {
            guard let property = icalcomponent_get_first_property(component, kind) else { return (nil, nil) }
            return (local(icalvalue_get_datetime(icalproperty_get_value(property))), tzid(property))
        }
        var event = Event(
            uid: string(icalcomponent_get_uid(component)) ?? "", sequence: Int(icalcomponent_get_sequence(component)),
            summary: string(icalcomponent_get_summary(component)),
            description: string(icalcomponent_get_description(component)),
            location: string(icalcomponent_get_location(component)), start: nil, startTZID: nil, end: nil,
            rrule: nil, exdates: [], exdateTZIDs: [], recurrenceID: nil, status: text(ICAL_STATUS_PROPERTY),
            organizer: nil, attendees: [])
        (event.start, event.startTZID) = time(ICAL_DTSTART_PROPERTY)
        event.end = time(ICAL_DTEND_PROPERTY).0
        event.recurrenceID = time(ICAL_RECURRENCEID_PROPERTY).0
        event.rrule = text(ICAL_RRULE_PROPERTY)
        for property in properties(of: component, kind: ICAL_EXDATE_PROPERTY) {
            if let date = local(icalvalue_get_datetime(icalproperty_get_value(property))) { event.exdates.append(date) }
            event.exdateTZIDs.append(tzid(property) ?? "")
        }
        if let organizer = icalcomponent_get_first_property(component, ICAL_ORGANIZER_PROPERTY) {
            event.organizer = person(organizer, address: icalproperty_get_organizer(organizer))
        }
        event.attendees = properties(of: component, kind: ICAL_ATTENDEE_PROPERTY).map { person($0, address: icalproperty_get_attendee($0)) }
        return event
    }

    static func person(_ property: OpaquePointer, address: UnsafePointer<CChar>?) -> Person {
        var email = string(address) ?? ""
        if email.lowercased().hasPrefix("mailto:") { email = String(email.dropFirst(7)) }
        func parameter(_ kind: icalparameter_kind) -> String? {
            icalproperty_get_first_parameter(property, kind).flatMap { string(icalparameter_as_ical_string($0)) }
                .map { String($0.split(separator: "=", maxSplits: 1).last ?? "") }
        }
        return Person(
            email: email,
            commonName: icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER).flatMap { string(icalparameter_get_cn($0)) },
            role: parameter(ICAL_ROLE_PARAMETER), rsvp: parameter(ICAL_RSVP_PARAMETER).map { $0 == "TRUE" })
    }

    static func tzid(_ property: OpaquePointer) -> String? {
        icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER).flatMap { string(icalparameter_get_tzid($0)) }
    }

    static func local(_ time: icaltimetype) -> LocalDateTime? {
        guard let date = LocalDate(year: Int(time.year), month: Int(time.month), day: Int(time.day)),
            let clock = LocalTime(hour: Int(time.hour), minute: Int(time.minute))
        else { return nil }
        return LocalDateTime(date: date, time: clock)
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }

    /// Child components of a kind, iterated with `icalcompiter` (nested loops must not share the
    /// parent's hidden cursor).
    static func components(of parent: OpaquePointer, kind: icalcomponent_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var iterator = icalcomponent_begin_component(parent, kind)
        while let child = icalcompiter_deref(&iterator) {
            result.append(child)
            _ = icalcompiter_next(&iterator)
        }
        return result
    }

    static func properties(of component: OpaquePointer, kind: icalproperty_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            result.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return result
    }

    /// The texts of every `X-LIC-ERROR` in a tree.
    static func errors(in component: OpaquePointer) -> [String] {
        var result = properties(of: component, kind: ICAL_XLICERROR_PROPERTY).compactMap { string(icalproperty_get_xlicerror($0)) }
        for child in components(of: component, kind: ICAL_ANY_COMPONENT) { result += errors(in: child) }
        return result
    }
}
