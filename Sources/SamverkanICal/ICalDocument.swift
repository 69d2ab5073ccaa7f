internal import CLibical

/// A whole `VCALENDAR`, built and serialized by libical (never by string concatenation, so
/// text is escaped and lines are folded at 75 octets without splitting a UTF-8 character).
public struct ICalDocument: Sendable {
    /// The iTIP method (RFC 5546).
    public enum Method: String, Sendable {
        /// A feed to import or subscribe to: one ORGANIZER, no ATTENDEE.
        case publish = "PUBLISH"
        /// An invitation or update.
        case request = "REQUEST"
        /// A cancellation of a series or one occurrence.
        case cancel = "CANCEL"
    }

    public var method: Method
    public var productID: String
    /// `X-WR-CALNAME`: the name clients show for a subscribed calendar.
    public var name: String?
    /// Minutes between refreshes of a subscription (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`).
    public var refreshInterval: Int?
    public var events: [ICalEvent]

    public init(method: Method, productID: String, name: String?, refreshInterval: Int?, events: [ICalEvent]) {
        self.method = method
        self.productID = productID
        self.name = name
        self.refreshInterval = refreshInterval
        self.events = events
    }

    /// The calendar as iCalendar text (CRLF line ends, folded), with one compact `VTIMEZONE`
    /// per zone used.
    /// - Throws: ``ICalError`` when libical cannot build or write it.
    public func serialized() throws(ICalError) -> String {
        let tree = try makeTree()
        defer { icalcomponent_free(tree) }
        ICalError.clear()
        guard let buffer = icalcomponent_as_ical_string_r(tree) else {
            throw ICalError.current(context: "writing the calendar") ?? ICalError("libical could not write the calendar")
        }
        defer { icalmemory_free_buffer(buffer) }
        return String(cString: buffer)
    }
}
