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

    /// The same check on iCalendar text as it was written (an `.ics` file, the calendar part of
    /// an invitation): what libical's parser or its restriction check find wrong; empty when it
    /// passes.
    public static func restrictionProblems(ofText text: String) throws(ICalError) -> [String] {
        ICalError.clear()
        guard let root = icalparser_parse_string(text) else {
            throw ICalError.current(context: "reading the calendar") ?? ICalError("the text is not an iCalendar object")
        }
        defer { icalcomponent_free(root) }
        _ = icalrestriction_check(root)
        return ParsedCalendar.errors(in: root)
    }
}
