import Foundation

/// A plain-text RFC 5322 e-mail (a notice or a reminder of `samverkan notify`): one UTF-8 text
/// part, base64-encoded, with the same header encoding as ``InvitationMessage`` (display names
/// with commas quoted, å/ä/ö as RFC 2047 encoded-words).
public struct TextMessage: Sendable {
    public typealias Address = InvitationMessage.Address

    public var from: Address
    public var to: [Address]
    public var replyTo: Address?
    public var subject: String
    public var text: String
    /// Seconds since 1970 for the `Date:` header.
    public var date: Int
    /// A unique id for `Message-ID`.
    public var messageID: String

    public init(
        from: Address, to: [Address], replyTo: Address? = nil, subject: String, text: String, date: Int,
        messageID: String
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.date = date
        self.messageID = messageID
    }

    /// The whole message, CRLF line ends, ready to hand to sendmail or save as `.eml`.
    public func rendered() -> String {
        var lines = [
            "From: \(InvitationMessage.header(from))",
            "To: \(to.map(InvitationMessage.header).joined(separator: ",\r\n "))",
        ]
        if let replyTo { lines.append("Reply-To: \(InvitationMessage.header(replyTo))") }
        lines += [
            "Subject: \(InvitationMessage.encodedWord(subject))",
            "Date: \(InvitationMessage.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        let body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        lines += InvitationMessage.base64Lines(body)
        lines.append("")
        return lines.joined(separator: "\r\n")
    }
}
