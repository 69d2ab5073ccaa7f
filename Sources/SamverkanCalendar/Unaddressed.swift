public import SamverkanDomain
public import SamverkanTime

/// A reminder due today that `notify` cannot send because nobody has an address for it: no
/// secretary or chair address for the structure and no `region: email`. Said on every run.
public struct Unaddressed: Sendable, Hashable {
    /// What would have been sent.
    public var kind: MailSending.Kind
    /// The structure whose people have no address.
    public var structure: CollaborationStructure
    /// The planned date of the meeting the reminder is about.
    public var meetingDate: LocalDate

    public init(kind: MailSending.Kind, structure: CollaborationStructure, meetingDate: LocalDate) {
        self.kind = kind
        self.structure = structure
        self.meetingDate = meetingDate
    }
}
