public import SamverkanDomain
public import SamverkanRendering

/// The words of calendars and invitations in one language, from `Templates/<lang>/`.
public struct CalendarTexts: Sendable {
    public let phrases: Phrasebook
    /// `event-description.txt`: the DESCRIPTION of every event.
    public let eventDescription: TextTemplate
    /// `invitation.txt`: the text part of an invitation e-mail.
    public let invitation: TextTemplate
    /// `cancellation.txt`: the text part of a cancellation e-mail.
    public let cancellation: TextTemplate

    public init(phrases: Phrasebook, eventDescription: TextTemplate, invitation: TextTemplate, cancellation: TextTemplate) {
        self.phrases = phrases
        self.eventDescription = eventDescription
        self.invitation = invitation
        self.cancellation = cancellation
    }

    /// The values templates may use for a structure: name, kind, frequency, members, chair,
    /// secretary, video, place, agenda, region.
    public func values(for structure: CollaborationStructure, in configuration: RegionConfiguration) -> [String: String] {
        let members = structure.members.compactMap(configuration.organisation).map(\.name)
        return [
            "name": structure.name,
            "kind": phrases.text("kind.\(structure.kind.rawValue)"),
            "frequency": structure.frequency.words(phrases),
            "members": members.joined(separator: ", "),
            "chair": structure.chair.flatMap(configuration.person)?.name ?? "",
            "secretary": structure.secretary.flatMap(configuration.person)?.name ?? "",
            "video": structure.videoLink ?? "",
            "place": structure.place ?? "",
            "agenda": structure.standingAgenda.map { "- \($0.title)" }.joined(separator: "\n"),
            "region": configuration.region.name,
        ]
    }
}
