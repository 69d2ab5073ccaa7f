import Foundation
import SamverkanTestSupport
import Testing

@testable import SamverkanCalendar

/// The `From:` and `To:` headers of an invitation, read back by Python's `email` package
/// (`email.policy.default`), which shares no code with the message writer.
@Suite("Invitation addresses")
struct InvitationAddressTests {
    typealias Address = InvitationMessage.Address

    static let from = Address(name: "Andersson, Bo", email: "bo.andersson@kommun.example")
    static let to = [
        Address(name: "Åsa \"Ninni\" Öberg", email: "asa@region.example"),
        Address(name: "Anna Andersson", email: "anna@kommun.example"),
        Address(name: "Bo \"Bosse\" Ek (IT) \\ drift", email: "bo.ek@kommun.example"),
        Address(name: "Verksamhetschef för hälso- och sjukvården i Östra Götaland, Närhälsan", email: "vc@region.example"),
        Address(name: "dr. Eva Ek; hemsjukvård", email: "eva@kommun.example"),
        Address(name: nil, email: "c@kommun.example"),
    ]

    static let subject = "Inbjudan: Samverkan Vårdcentralen Söder – hemsjukvården i Östra Götaland, \"RUG\""

    static func message() -> String {
        InvitationMessage(
            from: from, to: to, subject: subject, text: "Hej!",
            calendar: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", method: "REQUEST",
            date: 1_740_000_000, messageID: "abc@samverkan"
        ).rendered()
    }

    @Test("Python's email package reads every display name and address back, without defects")
    func parsedByPython() throws {
        let program = """
            import email, json, sys
            from email import policy
            message = email.message_from_string(sys.stdin.read(), policy=policy.default)
            parsed = {name: {"addresses": [[a.display_name, a.addr_spec] for a in message[name].addresses],
                             "defects": [repr(d) for d in message[name].defects]} for name in ("From", "To")}
            parsed["Subject"] = {"text": [str(message["Subject"])]}
            print(json.dumps(parsed))
            """
        let result = try CLIRunner.runPython(program, stdin: Self.message())
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: [Any]]])
        let from = try #require(parsed["From"]?["addresses"] as? [[String]])
        let to = try #require(parsed["To"]?["addresses"] as? [[String]])
        #expect(from == [["Andersson, Bo", "bo.andersson@kommun.example"]])
        #expect(to == Self.to.map { [$0.name ?? "", $0.email] })
        #expect(parsed["Subject"]?["text"] as? [String] == [Self.subject])
        #expect(parsed["From"]?["defects"]?.isEmpty == true, "\(parsed)")
        #expect(parsed["To"]?["defects"]?.isEmpty == true, "\(parsed)")
    }

    @Test("A plain ASCII name stays as it is; specials make a quoted-string; other letters an encoded-word")
    func headerForms() {
        #expect(InvitationMessage.header(Address(name: "Anna Andersson", email: "a@x.example")) == "Anna Andersson <a@x.example>")
        #expect(InvitationMessage.header(Address(name: "Andersson, Bo", email: "b@x.example")) == "\"Andersson, Bo\" <b@x.example>")
        #expect(
            InvitationMessage.header(Address(name: "Ek \"Bosse\" \\ IT", email: "e@x.example"))
                == "\"Ek \\\"Bosse\\\" \\\\ IT\" <e@x.example>")
        #expect(InvitationMessage.header(Address(name: "=?UTF-8?B?QQ==?=", email: "q@x.example")) == "\"=?UTF-8?B?QQ==?=\" <q@x.example>")
        #expect(InvitationMessage.header(Address(name: "Åsa Öberg", email: "s@x.example")).hasPrefix("=?UTF-8?B?"))
        // A line break can never start a header of its own.
        #expect(
            InvitationMessage.header(Address(name: "Bo\r\nBcc: x@y.example", email: "b@x.example"))
                == "\"Bo Bcc: x@y.example\" <b@x.example>")
        #expect(InvitationMessage.header(Address(name: nil, email: "c@x.example")) == "<c@x.example>")
        // A long run of encoded words is split before a space, which starts the next encoded-word.
        let words = InvitationMessage.encodedWords("Östra Götalands sjukvårdsförvaltning, område söder")
        #expect(words.count == 2)
        #expect(
            words.map { String(decoding: Data(base64Encoded: String($0.dropFirst(10).dropLast(2)))!, as: UTF8.self) }
                == ["Östra Götalands", " sjukvårdsförvaltning, område söder"])
        #expect(
            !Self.message().split(separator: "\r\n").contains { $0.count > 78 },
            "\(Self.message().split(separator: "\r\n").filter { $0.count > 78 })")
    }
}
