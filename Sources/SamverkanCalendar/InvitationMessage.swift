import Foundation

/// An RFC 6047 e-mail carrying a calendar invitation or cancellation: a readable text part and
/// a `text/calendar; method=…` part whose method equals the calendar's `METHOD` (Outlook refuses
/// a mismatch). Both parts are UTF-8, base64-encoded so no mail hop can break them.
public struct InvitationMessage: Sendable {
    public struct Address: Sendable, Hashable {
        public var name: String?
        public var email: String
        public init(name: String?, email: String) {
            self.name = name
            self.email = email
        }
    }

    public var from: Address
    public var to: [Address]
    public var subject: String
    public var text: String
    /// The serialized calendar (CRLF line ends).
    public var calendar: String
    /// `REQUEST` or `CANCEL`: must equal the calendar's `METHOD`.
    public var method: String
    /// Seconds since 1970 for the `Date:` header.
    public var date: Int
    /// A unique id for `Message-ID` and the MIME boundary.
    public var messageID: String

    public init(from: Address, to: [Address], subject: String, text: String, calendar: String, method: String,
                date: Int, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.calendar = calendar
        self.method = method
        self.date = date
        self.messageID = messageID
    }

    /// The whole message, CRLF line ends, ready to save as `.eml` or hand to a mail server.
    public func rendered() -> String {
        let boundary = "=_samverkan_\(messageID.filter { $0.isLetter || $0.isNumber }.prefix(40))"
        var lines = [
            "From: \(Self.header(from))",
            "To: \(to.map(Self.header).joined(separator: ",\r\n "))",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
            "",
            "This is a calendar invitation in MIME format.",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += Self.base64Lines(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        lines += [
            "",
            "--\(boundary)",
            "Content-Type: text/calendar; method=\(method); charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += Self.base64Lines(calendar)
        lines += ["", "--\(boundary)--", ""]
        return lines.joined(separator: "\r\n")
    }

    static func header(_ address: Address) -> String {
        guard let name = address.name, !name.isEmpty else { return "<\(address.email)>" }
        return "\(encodedWord(name)) <\(address.email)>"
    }

    /// RFC 2047 encoded-word for non-ASCII text (ASCII text is returned as it is, quoted if needed).
    static func encodedWord(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && $0 != "\"" && !$0.isNewline }) { return text }
        // Encode in chunks so no encoded word exceeds 75 characters.
        var words: [String] = []
        var chunk = ""
        for character in text where !character.isNewline {
            if (chunk + String(character)).utf8.count > 39 {
                words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(text.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: min(76, encoded.count - start))
            return String(encoded[from..<to])
        }
    }

    static func rfc5322Date(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
