public import SamverkanICal

/// libical's failures keep their technical detail (`{detail}`, in English); the message around it
/// comes from `errors.txt`. They pass configuration checks, so they are unexpected: a bug or a
/// broken installation (exit 70).
extension ICalError: SamverkanError {
    public var code: String { "ical.failed" }
    public var values: [String: String] { ["detail": message] }
    public var category: ErrorCategory { .internal }
}
