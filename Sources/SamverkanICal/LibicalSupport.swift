internal import CLibical

/// Small helpers shared by the files that build and read libical component trees.
///
/// Ownership rules kept here in one place: a `char *` from a `_r` function belongs to the caller
/// and is freed with `icalmemory_free_buffer` at once; a `const char *` belongs to libical and is
/// copied into a Swift `String` at once (libical may free or reuse it on the next call).
enum Libical {
    /// Copies and frees a string the caller owns (the result of a `…_r` function).
    static func take(_ buffer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let buffer else { return nil }
        let text = String(cString: buffer)
        icalmemory_free_buffer(buffer)
        return text
    }

    /// Copies a string libical owns.
    static func copy(_ text: UnsafePointer<CChar>?) -> String? {
        guard let text else { return nil }
        return String(cString: text)
    }

    /// A libical date-time with no zone attached, for properties that carry their own `TZID`
    /// parameter (so libical writes the local wall-clock time as it is, neither floating-marked
    /// nor converted).
    static func wallClockTime(_ local: LocalDateTime) -> icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(local.date.year)
        time.month = Int32(local.date.month)
        time.day = Int32(local.date.day)
        time.hour = Int32(local.time.hour)
        time.minute = Int32(local.time.minute)
        time.second = 0
        time.is_date = 0
        time.zone = nil
        return time
    }

    /// A UTC libical date-time (written with a trailing `Z`) of an instant.
    /// The caller holds ``ICalTimeZone/lock`` (libical's UTC zone is a zone).
    static func utcTime(epochSeconds: Int) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(epochSeconds), 0, icaltimezone_get_utc_timezone())
    }

    /// The wall-clock date and time of a libical date-time as written (its zone is not applied).
    /// Returns nil for a null time or one outside the ranges ``LocalDate`` accepts.
    static func localDateTime(_ time: icaltimetype) -> LocalDateTime? {
        guard icaltime_is_null_time(time) == 0,
              let date = LocalDate(year: Int(time.year), month: Int(time.month), day: Int(time.day)),
              let clock = LocalTime(hour: Int(time.hour), minute: Int(time.minute)) else { return nil }
        return LocalDateTime(date: date, time: clock)
    }

    /// The direct children of a component, optionally of one kind, in order.
    ///
    /// Uses an `icalcompiter`, which has its own cursor: `icalcomponent_get_first/next_component`
    /// share one hidden cursor per parent and break when loops nest.
    static func children(of parent: OpaquePointer, kind: icalcomponent_kind = ICAL_ANY_COMPONENT) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var iterator = icalcomponent_begin_component(parent, kind)
        while let child = icalcompiter_deref(&iterator) {
            result.append(child)
            _ = icalcompiter_next(&iterator)
        }
        return result
    }

    /// The properties of one kind on a component, in order.
    ///
    /// Collected into an array at once so that no caller holds libical's per-component property
    /// cursor while it does anything else with the component.
    static func properties(of component: OpaquePointer, kind: icalproperty_kind) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            result.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return result
    }

    /// The first property of a kind, if any.
    static func property(of component: OpaquePointer, kind: icalproperty_kind) -> OpaquePointer? {
        icalcomponent_get_first_property(component, kind)
    }

    /// The `TZID` parameter of a property, if any.
    static func tzid(of property: OpaquePointer) -> String? {
        guard let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER) else { return nil }
        return copy(icalparameter_get_tzid(parameter))
    }

    /// The text of every `X-LIC-ERROR` property in a component and everything below it, in
    /// document order. libical's parser and `icalrestriction_check` report problems this way.
    static func errorTexts(in component: OpaquePointer) -> [String] {
        var texts = properties(of: component, kind: ICAL_XLICERROR_PROPERTY).map { property in
            copy(icalproperty_get_xlicerror(property)) ?? "an unnamed error"
        }
        for child in children(of: component) {
            texts += errorTexts(in: child)
        }
        return texts
    }

    /// Runs `body` while holding ``ICalTimeZone/lock``.
    ///
    /// libical fills zone tables (the UTC zone included) lazily and without a lock, so every tree
    /// that holds or makes zoned times is built, written, read and freed under this one lock.
    /// The lock is not recursive: `body` must not call ``ICalTimeZone`` methods that lock.
    static func locked<T>(_ body: () throws(ICalError) -> T) throws(ICalError) -> T {
        ICalTimeZone.lock.lock()
        defer { ICalTimeZone.lock.unlock() }
        return try body()
    }
}
