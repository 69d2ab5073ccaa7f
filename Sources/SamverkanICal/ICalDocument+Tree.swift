internal import CLibical
import SamverkanTime

extension ICalDocument {
    /// Builds the libical component tree; the caller owns it and frees it with `icalcomponent_free`.
    func makeTree() throws(ICalError) -> OpaquePointer {
        let calendar: OpaquePointer = icalcomponent_new(ICAL_VCALENDAR_COMPONENT)
        var done = false
        defer { if !done { icalcomponent_free(calendar) } }
        icalcomponent_add_property(calendar, icalproperty_new_version("2.0"))
        icalcomponent_add_property(calendar, icalproperty_new_prodid(productID))
        icalcomponent_add_property(calendar, icalproperty_new_method(method.libical))
        if let name {
            // RFC 7986 NAME is TEXT, fully escaped by libical; X-WR-CALNAME is the same TEXT.
            let nameProperty: OpaquePointer = icalproperty_new_name(name)
            icalcomponent_add_property(calendar, nameProperty)
            icalcomponent_add_property(calendar, Self.textXProperty("X-WR-CALNAME", escapedAs: nameProperty))
        }
        if let refreshInterval {
            let duration = "PT\(refreshInterval / 60)H\(refreshInterval % 60 > 0 ? "\(refreshInterval % 60)M" : "")"
            let refresh = Self.xProperty("REFRESH-INTERVAL", duration)
            icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION))
            icalcomponent_add_property(calendar, refresh)
            icalcomponent_add_property(calendar, Self.xProperty("X-PUBLISHED-TTL", duration))
        }
        var zones: [String: ICalTimeZone] = [:]
        for event in events { zones[event.zone.identifier] = event.zone }
        for zone in zones.values.sorted(by: { $0.identifier < $1.identifier }) {
            icalcomponent_add_component(calendar, try zone.compactVTimezone())
        }
        for event in events {
            icalcomponent_add_component(calendar, try event.makeComponent(attendees: method != .publish))
        }
        done = true
        return calendar
    }

    static func xProperty(_ name: String, _ value: String) -> OpaquePointer {
        let property: OpaquePointer = icalproperty_new_x(value)
        icalproperty_set_x_name(property, name)
        return property
    }

    /// An X- property holding TEXT, written `NAME;VALUE=TEXT:value` with `,` `;` `\` and
    /// newlines escaped, its value libical's own TEXT rendering of a property (`escapedAs`) that
    /// holds the same text.
    ///
    /// libical 3.0 escapes `,` and `;` in no X- value, not even one of kind TEXT (later libical
    /// does for TEXT), and a reader may take an unescaped comma for a list separator (vobject
    /// kept the name up to the first comma). So the value libical wrote for the TEXT property is
    /// carried verbatim, as a string value, under `VALUE=TEXT`: the parameter tells readers to
    /// unescape it (python `icalendar` reads an X- value as it stands without it, and iCal has
    /// long written `X-WR-CALNAME;VALUE=TEXT:`); libical reads it back as TEXT, unescaped.
    static func textXProperty(_ name: String, escapedAs textProperty: OpaquePointer) -> OpaquePointer {
        let escaped = icalproperty_get_value_as_string(textProperty).map { String(cString: $0) } ?? ""
        let property: OpaquePointer = icalproperty_new(ICAL_X_PROPERTY)
        icalproperty_set_x_name(property, name)
        icalproperty_add_parameter(property, icalparameter_new_value(ICAL_VALUE_TEXT))
        icalproperty_set_value(property, icalvalue_new_string(escaped))
        return property
    }

    /// X- values are not escaped by libical: keep them on one line.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}

extension ICalDocument.Method {
    var libical: icalproperty_method {
        switch self {
        case .publish: return ICAL_METHOD_PUBLISH
        case .request: return ICAL_METHOD_REQUEST
        case .cancel: return ICAL_METHOD_CANCEL
        }
    }
}

extension ICalEvent {
    /// The `VEVENT` component (owned by the caller until added to a parent).
    /// - Throws: ``ICalError`` for a rule bounded by its own `COUNT`/`UNTIL` (libical would write
    ///   `RRULE:ERROR` or a local UNTIL: the end goes in ``until``, written in UTC), or an
    ///   ``until`` without a rule.
    func makeComponent(attendees withAttendees: Bool) throws(ICalError) -> OpaquePointer {
        if let rrule, rrule.isBounded {
            throw ICalError("\(uid): the rule \(rrule.text) has its own COUNT or UNTIL; give the last start as `until` instead")
        }
        if rrule == nil, until != nil {
            throw ICalError("\(uid): `until` needs a rule (RRULE) to end")
        }
        let event: OpaquePointer = icalcomponent_new(ICAL_VEVENT_COMPONENT)
        icalcomponent_add_property(event, icalproperty_new_uid(uid))
        icalcomponent_add_property(event, icalproperty_new_sequence(Int32(sequence)))
        icalcomponent_add_property(event, icalproperty_new_dtstamp(Self.utcTime(dtstamp)))
        icalcomponent_add_property(event, zoned(icalproperty_new_dtstart(Self.wallClock(start))))
        icalcomponent_add_property(event, zoned(icalproperty_new_dtend(Self.wallClock(end))))
        if let recurrenceID {
            icalcomponent_add_property(event, zoned(icalproperty_new_recurrenceid(Self.wallClock(recurrenceID))))
        }
        icalcomponent_add_property(event, icalproperty_new_summary(summary))
        if let description { icalcomponent_add_property(event, icalproperty_new_description(description)) }
        if let location { icalcomponent_add_property(event, icalproperty_new_location(location)) }
        if let url { icalcomponent_add_property(event, icalproperty_new_url(url)) }
        if let status { icalcomponent_add_property(event, icalproperty_new_status(status.libical)) }
        // libical does not escape commas in CATEGORIES, which would split one category into two.
        for category in categories {
            icalcomponent_add_property(event, icalproperty_new_categories(String(category.map { $0 == "," ? " " : $0 })))
        }
        if let rrule {
            var rule = icalrecurrencetype_from_string(rrule.text)
            if let until { rule.until = Self.utcTime(zone.epochSeconds(of: until)) }
            icalcomponent_add_property(event, icalproperty_new_rrule(rule))
        }
        for exdate in exdates {
            icalcomponent_add_property(event, zoned(icalproperty_new_exdate(Self.wallClock(exdate))))
        }
        if let organizer {
            let property: OpaquePointer = icalproperty_new_organizer("mailto:\(organizer.email)")
            if let name = organizer.commonName { icalproperty_add_parameter(property, icalparameter_new_cn(name)) }
            icalcomponent_add_property(event, property)
        }
        if withAttendees {
            for attendee in attendees {
                let property: OpaquePointer = icalproperty_new_attendee("mailto:\(attendee.email)")
                if let name = attendee.commonName { icalproperty_add_parameter(property, icalparameter_new_cn(name)) }
                icalproperty_add_parameter(property, icalparameter_new_role(attendee.role.libical))
                icalproperty_add_parameter(property, icalparameter_new_rsvp(attendee.rsvp ? ICAL_RSVP_TRUE : ICAL_RSVP_FALSE))
                icalcomponent_add_property(event, property)
            }
        }
        return event
    }

    /// Adds `TZID=<zone>` to a property holding a wall-clock time.
    private func zoned(_ property: OpaquePointer) -> OpaquePointer {
        icalproperty_add_parameter(property, icalparameter_new_tzid(zone.identifier))
        return property
    }

    /// A wall-clock time with no zone attached: the TZID parameter names the zone.
    static func wallClock(_ local: LocalDateTime) -> icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(local.date.year)
        time.month = Int32(local.date.month)
        time.day = Int32(local.date.day)
        time.hour = Int32(local.time.hour)
        time.minute = Int32(local.time.minute)
        return time
    }

    /// A UTC time (written with `Z`).
    static func utcTime(_ epochSeconds: Int) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(epochSeconds), 0, icaltimezone_get_utc_timezone())
    }
}

extension ICalEvent.Status {
    var libical: icalproperty_status {
        switch self {
        case .confirmed: return ICAL_STATUS_CONFIRMED
        case .cancelled: return ICAL_STATUS_CANCELLED
        case .tentative: return ICAL_STATUS_TENTATIVE
        }
    }
}

extension ICalAttendee.Role {
    var libical: icalparameter_role {
        switch self {
        case .chair: return ICAL_ROLE_CHAIR
        case .required: return ICAL_ROLE_REQPARTICIPANT
        case .optional: return ICAL_ROLE_OPTPARTICIPANT
        case .nonParticipant: return ICAL_ROLE_NONPARTICIPANT
        }
    }
}
