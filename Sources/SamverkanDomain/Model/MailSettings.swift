/// How mail goes out (`mail:` in the configuration): the sendmail-compatible command, the sender
/// and the default deadlines of `samverkan notify`.
///
/// ```yaml
/// mail:
///   sendmail: "msmtp -t -i"
///   from: "Region Halland, Samverkan <samverkan@regionhalland.se>"
///   reply-to: samverkan@regionhalland.se
///   notice-days: 7
///   approval-days: 14
///   minutes-days: 7
/// ```
public struct MailSettings: Sendable, Hashable {
    /// The default command: reads an RFC 5322 message on standard input, recipients from its headers.
    public static let defaultSendmail = "/usr/sbin/sendmail -t -i"

    /// The sendmail-compatible command (split into arguments, run without a shell).
    public var sendmail: String
    /// The sender's display name, if configured (`from: "Name <address>"`).
    public var fromName: String?
    /// The sender's address; nil: the structure's organizer (secretary, chair, region mailbox).
    public var fromAddress: String?
    /// Where replies go, if not to the sender.
    public var replyTo: String?
    /// Days before a meeting its notice goes out, unless the structure says otherwise.
    public var noticeDays: Int
    /// Days minutes may wait for approval before the approvers are reminded.
    public var approvalDays: Int
    /// Days after a held meeting before the secretary is reminded of missing minutes.
    public var minutesDays: Int

    public init(
        sendmail: String = MailSettings.defaultSendmail, fromName: String? = nil, fromAddress: String? = nil,
        replyTo: String? = nil, noticeDays: Int = 7, approvalDays: Int = 14, minutesDays: Int = 7
    ) {
        self.sendmail = sendmail
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.replyTo = replyTo
        self.noticeDays = noticeDays
        self.approvalDays = approvalDays
        self.minutesDays = minutesDays
    }

    /// Splits `Name <address>` (or a bare address) into its name and address; nil when there is no address.
    public static func address(_ text: String) -> (name: String?, email: String)? {
        let trimmed = trim(Substring(text))
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trim(trimmed[..<open])
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            return email.contains("@") ? (name.isEmpty ? nil : name, email) : nil
        }
        return trimmed.contains("@") && !trimmed.contains(" ") ? (nil, trimmed) : nil
    }

    /// The words of a command line: split at spaces, with '…' and "…" keeping spaces together
    /// and a backslash escaping the next character (no shell is involved).
    public static func arguments(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var escaped = false
        var started = false
        for character in command {
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            if character == "\\", quote != "'" {
                escaped = true
                started = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                started = true
            } else if character == " " || character == "\t" {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    private static func trim(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
