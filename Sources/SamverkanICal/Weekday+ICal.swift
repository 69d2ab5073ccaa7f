public import SamverkanTime

extension Weekday {
    /// The two-letter code RFC 5545 uses in `BYDAY` (`MO`, `TU`, …).
    public var icalCode: String {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1]
    }
}
