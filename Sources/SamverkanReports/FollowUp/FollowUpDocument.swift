import SamverkanDomain
public import SamverkanRendering

/// A follow-up report written as a terminal table, Markdown, CSV for Excel or JSON
/// (`report grants`, `report actions`).
public protocol FollowUpDocument {
    func table(phrases: Phrasebook) -> String
    func markdown(phrases: Phrasebook) -> String
    func csv(phrases: Phrasebook) -> String
    func json() throws -> String
}

extension GrantsReport: FollowUpDocument {}
extension ActionPlanReport: FollowUpDocument {}
