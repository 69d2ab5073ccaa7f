public import SamverkanRendering

/// The words of `samverkan notify` in one language, from `Templates/<lang>/`: the notice
/// (*kallelse*) and the three reminders.
public struct MailTexts: Sendable {
    public let phrases: Phrasebook
    /// `notice.txt`: the notice before a meeting.
    public let notice: TextTemplate
    /// `reminder-overdue.txt`: a responsible's overdue action items.
    public let overdue: TextTemplate
    /// `reminder-approval.txt`: minutes waiting for approval.
    public let approval: TextTemplate
    /// `reminder-minutes.txt`: a held meeting without minutes.
    public let missingMinutes: TextTemplate

    /// The texts of a language's template library.
    public init(library: TemplateLibrary) throws {
        phrases = try library.phrasebook()
        notice = try library.template("notice.txt")
        overdue = try library.template("reminder-overdue.txt")
        approval = try library.template("reminder-approval.txt")
        missingMinutes = try library.template("reminder-minutes.txt")
    }
}
