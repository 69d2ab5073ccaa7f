import ArgumentParser

// One `--format` type per family of commands, holding only the formats they write: the parser
// refuses any other value itself and lists the valid ones (`--format html` where there is no HTML).

/// `structures`, `schedule`, `holidays`, `actions`, `minutes list` and `minutes search`.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json
}

/// `minutes show`: one set of minutes as a document.
enum DocumentFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, json
}

/// `report grants` and `report actions`: follow-up tables (no HTML page).
enum FollowUpFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, md
}

/// `report compliance`: the follow-up tables and a printable HTML page.
enum ComplianceFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, md, html
}
