import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanRendering
import SamverkanStore

extension GlobalOptions {
    /// Sends iTIP messages (one per UID, to every participant) through the mail command and the
    /// mail log: `calendar invite --send` and `meeting cancel|move --notify`. Each message is
    /// logged under its own `Message-ID`, so it is sent exactly when asked.
    /// - Throws: ``CLIError`` `mail.itip-not-delivered` (exit 5) when the mail command failed for
    ///   any: `calendar invite --send` sends the structure's calendar as it now stands again.
    func sendInvitations(
        _ composed: [InvitationComposer.Composed], structureID: String, cancel: Bool,
        configuration: RegionConfiguration, mail: MailOptions, database: any MeetingStore
    ) async throws {
        let phrases = try phrasebook()
        let sender = MailSender(database: database, delivery: try mail.delivery(configuration.mail), phrases: phrases, global: self)
        let replyTo = configuration.mail.replyTo.map { InvitationMessage.Address(name: nil, email: $0) }
        let outcome = try await sender.send(
            composed.map { item in
                let method = item.message.method == "CANCEL"
                let sending = MailSending(
                    kind: method || cancel ? .cancellation : .invitation, key: "itip|\(item.message.messageID)",
                    recipient: item.message.to.map(\.email).joined(separator: ","), structureID: structureID,
                    item: item.uid, messageID: item.message.messageID)
                return (
                    sending,
                    { id in
                        var message = item.message
                        message.messageID = id
                        message.replyTo = replyTo
                        return message.rendered()
                    }
                )
            })
        if !outcome.failed.isEmpty {
            throw CLIError("mail.itip-not-delivered", ["count": String(outcome.failed.count), "structure": structureID], category: .io)
        }
    }
}
