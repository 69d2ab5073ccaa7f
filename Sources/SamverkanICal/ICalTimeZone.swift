internal import CLibical
import Foundation
public import SamverkanTime

/// A time zone from libical's built-in database (read from the system's tzdata).
///
/// Zones are loaded once and kept for the life of the process; libical owns them and they are
/// never freed. libical fills a zone's table of changes lazily and without a lock, so every call
/// into a zone goes through one process-wide lock.
public final class ICalTimeZone: @unchecked Sendable {
    /// The Olson name, e.g. `Europe/Stockholm`.
    public let identifier: String
    /// libical's zone; owned by libical.
    let pointer: OpaquePointer

    private init(identifier: String, pointer: OpaquePointer) {
        self.identifier = identifier
        self.pointer = pointer
    }

    static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: ICalTimeZone] = [:]

    /// Sweden's zone, the default for every structure.
    public static let stockholm: ICalTimeZone = {
        do { return try named("Europe/Stockholm") } catch {
            preconditionFailure("Europe/Stockholm is missing: install the Debian package tzdata (\(error))")
        }
    }()

    /// The zone with an Olson name, loaded once.
    /// - Throws: ``ICalError`` when libical does not know the name (or tzdata is not installed).
    public static func named(_ identifier: String) throws(ICalError) -> ICalTimeZone {
        lock.lock()
        defer { lock.unlock() }
        if let zone = cache[identifier] { return zone }
        guard let pointer = icaltimezone_get_builtin_timezone(identifier) else {
            throw ICalError(
                "unknown time zone \"\(identifier)\" (use an Olson name such as Europe/Stockholm; the tzdata package must be installed)")
        }
        let zone = ICalTimeZone(identifier: identifier, pointer: pointer)
        cache[identifier] = zone
        return zone
    }

    /// The offset from UTC, in seconds, of a local wall-clock time in this zone.
    public func utcOffsetSeconds(at local: LocalDateTime) -> Int {
        var time = icalTime(local)
        var isDaylight: Int32 = 0
        Self.lock.lock()
        defer { Self.lock.unlock() }
        return Int(icaltimezone_get_utc_offset(pointer, &time, &isDaylight))
    }

    /// Seconds since 1970-01-01T00:00Z of a local wall-clock time in this zone.
    public func epochSeconds(of local: LocalDateTime) -> Int {
        let wall = local.date.dayNumber * 86_400 + local.time.minutesOfDay * 60
        return wall - utcOffsetSeconds(at: local)
    }

    /// ISO 8601 with the zone's offset, e.g. `2025-02-21T13:00:00+01:00`.
    public func iso8601(_ local: LocalDateTime) -> String {
        let offset = utcOffsetSeconds(at: local)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(local.description)\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    /// A libical time for a local date-time, marked as being in this zone.
    func icalTime(_ local: LocalDateTime) -> icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(local.date.year)
        time.month = Int32(local.date.month)
        time.day = Int32(local.date.day)
        time.hour = Int32(local.time.hour)
        time.minute = Int32(local.time.minute)
        time.second = 0
        time.is_date = 0
        time.zone = pointer
        return time
    }
}

extension ICalTimeZone {
    /// The local wall-clock date and time in this zone of an instant (seconds since 1970 UTC).
    public func localDateTime(epochSeconds: Int) -> LocalDateTime {
        Self.lock.lock()
        let time = icaltime_from_timet_with_zone(time_t(epochSeconds), 0, pointer)
        Self.lock.unlock()
        return LocalDateTime(
            date: LocalDate(year: Int(time.year), month: Int(time.month), day: Int(time.day))!,
            time: LocalTime(hour: Int(time.hour), minute: Int(time.minute))!)
    }
}
