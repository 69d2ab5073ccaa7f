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
    /// Where replies go (`mail: reply-to`), if not to the sender.
    public var replyTo: Address?

    public init(
        from: Address, to: [Address], subject: String, text: String, calendar: String, method: String,
        date: Int, messageID: String
    ) {
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
        var lines =
            [
                "From: \(Self.header(from))",
                "To: \(to.map(Self.header).joined(separator: ",\r\n "))",
            ] + (replyTo.map { ["Reply-To: \(Self.header($0))"] } ?? []) + [
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

    /// An address for `From:` or `To:`: `Display Name <email>`, or `<email>` without a name.
    static func header(_ address: Address) -> String {
        guard let name = address.name.map(displayName), !name.isEmpty else { return "<\(address.email)>" }
        // The address goes on a line of its own when it would make the name's last line too long.
        let lastLine = name.components(separatedBy: "\r\n").count > 1 ? name.components(separatedBy: "\r\n").last!.count : 6 + name.count
        return name + (lastLine + address.email.count + 4 > 78 ? "\r\n <" : " <") + address.email + ">"
    }

    /// A display name as RFC 5322 wants it in an address: plain ASCII words as they are; an ASCII
    /// name with any of the specials `()<>[]:;@\\,."` (or something that looks like an
    /// encoded-word) as one quoted-string, `\\` and `"` escaped; in a name with other letters, each
    /// run of words that are no plain ASCII as RFC 2047 encoded-words (a run in one word where it
    /// fits: decoders drop the space between two encoded-words). Line breaks and other control
    /// characters become spaces, so a name can never start a header of its own.
    static func displayName(_ name: String) -> String {
        let flat = String(
            name.map { (character: Character) -> Character in
                character.isNewline || character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : character
            }
        ).trimmingCharacters(in: .whitespaces)
        let words = flat.split(separator: " ")
        if flat.allSatisfy({ $0.isASCII }) {
            if words.allSatisfy(isAtom) { return words.joined(separator: " ") }
            return "\"" + flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var pieces: [String] = []
        var run: [Substring] = []
        for word in words {
            if isAtom(word) {
                if !run.isEmpty { pieces += encodedWords(run.joined(separator: " ")) }
                run = []
                pieces.append(String(word))
            } else {
                run.append(word)
            }
        }
        if !run.isEmpty { pieces += encodedWords(run.joined(separator: " ")) }
        return folded(pieces)
    }

    /// Whether a word may stand in a display name as it is: RFC 5322 `atext` only, and no `=?`.
    private static func isAtom(_ word: Substring) -> Bool {
        !word.isEmpty && word.allSatisfy { atext.contains($0) } && !word.contains("=?")
    }

    /// RFC 5322 `atext`: the ASCII characters a display name may hold outside quotes (besides spaces).
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")

    /// Unstructured header text (`Subject:`): ASCII without `"` or line breaks as it is, anything
    /// else as RFC 2047 encoded-words, folded between them.
    static func encodedWord(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && $0 != "\"" && !$0.isNewline }) { return text }
        return encodedWords(String(text.filter { !$0.isNewline })).joined(separator: "\r\n ")
    }

    /// Text as RFC 2047 encoded-words of at most 75 characters (39 bytes of UTF-8 each), split
    /// before a space where one is near, so the space starts the next word.
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 39 {
                if let space = chunk.lastIndex(of: " "), space > chunk.startIndex {
                    chunks.append(String(chunk[..<space]))
                    chunk = String(chunk[space...])
                } else {
                    chunks.append(chunk)
                    chunk = ""
                }
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        return chunks.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }
    }

    /// Words joined by spaces, with a line break before a word that would pass 70 characters.
    private static func folded(_ pieces: [String]) -> String {
        var result = ""
        var line = 6  // after "From: "
        for piece in pieces {
            if !result.isEmpty {
                if line + 1 + piece.count > 70 {
                    result += "\r\n "
                    line = 1
                } else {
                    result += " "
                    line += 1
                }
            }
            result += piece
            line += piece.count
        }
        return result
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
