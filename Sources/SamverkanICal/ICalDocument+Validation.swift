internal import CLibical

extension ICalDocument {
    /// What libical's iTIP restriction check (RFC 5546) finds wrong with this calendar for its
    /// method; empty when it passes. The check runs on a tree built for it, since it adds
    /// `X-LIC-ERROR` properties to what it checks.
    public func restrictionProblems() throws(ICalError) -> [String] {
        let tree = try makeTree()
        defer { icalcomponent_free(tree) }
        _ = icalrestriction_check(tree)
        return ParsedCalendar.errors(in: tree)
    }
}
