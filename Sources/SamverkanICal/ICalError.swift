internal import CLibical

/// An error reported by libical, mapped to a message a person can act on.
///
/// libical reports failures through the per-thread `icalerrno`; ``ICalError/current(context:)``
/// reads it in one place so no other file needs to know libical's error codes.
public struct ICalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in a form that can be shown to a user.
    public let message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// Clears libical's per-thread error, before a call whose result is judged by it.
    static func clear() { samverkan_clear_icalerrno() }

    /// The error libical reported since the last ``clear()``, if any.
    /// - Parameter context: what was being done, e.g. `RRULE "FREQ=…"`.
    static func current(context: String) -> ICalError? {
        let code = samverkan_icalerrno()
        let reason: String
        switch code {
        case ICAL_NO_ERROR: return nil
        case ICAL_BADARG_ERROR: reason = "an argument was not valid"
        case ICAL_NEWFAILED_ERROR, ICAL_ALLOCATION_ERROR: reason = "out of memory"
        case ICAL_MALFORMEDDATA_ERROR: reason = "the text is not well-formed"
        case ICAL_PARSE_ERROR: reason = "it could not be parsed"
        case ICAL_FILE_ERROR: reason = "a file could not be read"
        case ICAL_USAGE_ERROR: reason = "libical was used in a way it does not allow"
        case ICAL_UNIMPLEMENTED_ERROR: reason = "libical does not implement it"
        default: reason = String(cString: icalerror_strerror(code))
        }
        return ICalError("\(context): \(reason)")
    }
}
