public import SamverkanTime

/// One `VEVENT`: a series master (with a rule), a moved or cancelled occurrence (with a
/// `RECURRENCE-ID`), or a single meeting.
///
/// Times are wall-clock times in ``zone`` and are written with `TZID=<zone>`; never floating,
/// never in UTC. ``until`` is the local start of the last occurrence and is written in UTC, as
/// RFC 5545 requires when `DTSTART` has a `TZID`.
public struct ICalEvent: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
        case tentative = "TENTATIVE"
    }

    public var uid: String
    public var sequence: Int
    /// `DTSTAMP`, seconds since 1970 (written in UTC).
    public var dtstamp: Int
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var zone: ICalTimeZone
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    public var rrule: RecurrenceRule?
    public var until: LocalDateTime?
    /// Planned starts of skipped occurrences (`EXDATE`).
    public var exdates: [LocalDateTime]
    /// For an override: the planned start of the occurrence it replaces.
    public var recurrenceID: LocalDateTime?
    public var status: Status?
    public var organizer: ICalAttendee?
    public var attendees: [ICalAttendee]
    public var categories: [String]

    public init(
        uid: String, sequence: Int, dtstamp: Int, start: LocalDateTime, end: LocalDateTime, zone: ICalTimeZone,
        summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
        rrule: RecurrenceRule? = nil, until: LocalDateTime? = nil, exdates: [LocalDateTime] = [],
        recurrenceID: LocalDateTime? = nil, status: Status? = nil, organizer: ICalAttendee? = nil,
        attendees: [ICalAttendee] = [], categories: [String] = []
    ) {
        self.uid = uid
        self.sequence = sequence
        self.dtstamp = dtstamp
        self.start = start
        self.end = end
        self.zone = zone
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.rrule = rrule
        self.until = until
        self.exdates = exdates
        self.recurrenceID = recurrenceID
        self.status = status
        self.organizer = organizer
        self.attendees = attendees
        self.categories = categories
    }
}

extension ICalTimeZone: Hashable {
    public static func == (lhs: ICalTimeZone, rhs: ICalTimeZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}
