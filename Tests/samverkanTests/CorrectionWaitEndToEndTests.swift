import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// How long minutes have waited for justering (issue 12): minutes from the day of the meeting
/// (Swedish practice: within 14 days), a correction from the day it was saved, so a correction
/// of old minutes is not overdue the day it is written — in `minutes pending` and in the
/// reminders `notify` sends.
@Suite("correction wait end to end", .serialized)
struct CorrectionWaitEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// RUG minutes #1 of 2025-03-13, approved by both signatories in March; #2 of 2025-05-08, not
    /// approved; #3 a correction of #1 saved on 2025-06-02.
    static func corrected() throws -> Workspace {
        let w = try CorrectionJusteringEndToEndTests.recorded()
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor", "--date", "2025-03-14"]).status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "Socialchef Varberg", "--date", "2025-03-15"]).status == 0)
        let later = try w.filledDraft(date: "2025-05-08")
        let second = try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(later, "later.md")], today: "2025-05-09")
        #expect(second.status == 0, "\(second.stderr)")
        let file = try CorrectionJusteringEndToEndTests.correction(w, of: 1)
        let amend = try w.run(["minutes", "amend", "1", "--file", file], today: "2025-06-02")
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(amend.stdout.contains("Sparade minnesanteckningar #3"), "\(amend.stdout)")
        return w
    }

    /// The line of `minutes pending` that starts with `start`.
    static func line(_ text: String, _ start: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(start) }.map(String.init) ?? ""
    }

    @Test("minutes pending counts a correction from the day it was saved and says so; originals from the meeting")
    func pending() throws {
        let w = try Self.corrected()
        let early = try w.run(["minutes", "pending"], today: "2025-06-10").stdout
        #expect(Self.line(early, "#3 (rättelse av #1)").contains("8 dagar (rättelse sparad 2025-06-02)"), "\(early)")
        #expect(Self.line(early, "#2 ").contains("33 dagar (mer än 14)"), "\(early)")
        #expect(early.contains("Väntat"))
        let overdue = try w.run(["minutes", "pending", "--overdue"], today: "2025-06-10").stdout
        #expect(!overdue.contains("#3") && overdue.contains("#2 "), "\(overdue)")
        let english = try w.run(["minutes", "pending", "--lang", "en"], today: "2025-06-10").stdout
        #expect(Self.line(english, "#3 (correction of #1)").contains("8 days (correction saved 2025-06-02)"), "\(english)")
        let json = try w.run(["minutes", "pending", "--format", "json"], today: "2025-06-10").stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let correction = try #require(rows.first { $0["id"] as? Int == 3 })
        #expect(correction["waitingSince"] as? String == "2025-06-02" && correction["days"] as? Int == 8, "\(correction)")
        #expect(correction["overdue"] as? Bool == false)
        let original = try #require(rows.first { $0["id"] as? Int == 2 })
        #expect(original["waitingSince"] as? String == "2025-05-08" && original["days"] as? Int == 33, "\(original)")
        // Past approval-days after it was saved, the correction is overdue too.
        let late = try w.run(["minutes", "pending", "--overdue"], today: "2025-06-20").stdout
        #expect(Self.line(late, "#3 (rättelse av #1)").contains("18 dagar (mer än 14; rättelse sparad 2025-06-02)"), "\(late)")
    }

    @Test("notify reminds of a correction approval-days after it was saved, not at once because the meeting was long ago")
    func reminders() throws {
        let reminder = try ReminderMailEndToEndTests()
        let mail = reminder.mail
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try mail.config(sendmail: try sink.sendmail())
        // #1 of 2025-04-10, signed by the chair on 2025-04-11 and by Socialchef Varberg on 2025-04-20.
        try reminder.recordMinutes(config: config)
        let signed = try mail.run(["minutes", "approve", "1", "--by", "socialchef-varberg", "--date", "2025-04-20"], config: config)
        #expect(signed.status == 0, "\(signed.stderr)")
        let shown = try mail.run(["minutes", "show", "1"], config: config, today: "2025-06-02").stdout
        let file = try mail.folder.write(
            shown.replacingOccurrences(of: "Sprida rutinen till vårdcentralerna", with: "Sprida rutinen till alla vårdcentraler"),
            to: "correction.md")
        let amend = try mail.run(["minutes", "amend", "1", "--file", file], config: config, today: "2025-06-02")
        #expect(amend.status == 0, "\(amend.stderr)")
        func approvals() throws -> [SMTPSink.Received] { try sink.received().filter { $0.subject.hasPrefix("Påminnelse: justera") } }
        // 61 days after the meeting, 8 after the correction was saved: nobody is reminded yet.
        #expect(try mail.run(["notify"], config: config, today: "2025-06-10").status == 0)
        let early = try approvals()
        #expect(early.isEmpty, "\(early.map(\.text))")
        let due = try mail.run(["notify"], config: config, today: "2025-06-17")
        #expect(due.status == 0, "\(due.stderr)")
        let received = try approvals()
        #expect(Set(received.flatMap(\.rcpt)) == ["bitr.hs-direktor@regionhalland.example", "socialchef@varberg.example"], "\(received)")
        #expect(
            received.allSatisfy { $0.text.contains("(#2, rättelse av #1), 15 dagar sedan rättelsen sparades 2025-06-02.") },
            "\(received.map(\.text))")
    }
}
