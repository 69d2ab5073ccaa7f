import SamverkanDomain
import SamverkanStore
import SamverkanTestSupport
import Testing

/// The mail log (`v7-mail-log`): claims before sending, so a message is sent once, a failed one
/// is tried again, and a stale claim (a killed run) is taken over.
@Suite("mail log")
struct MailLogTests {
    func sending(_ key: String, id: String = "m1@samverkan") -> MailSending {
        MailSending(
            kind: .notice, key: key, recipient: "anna@example.se", structureID: "rug", meetingDate: "2025-05-08",
            messageID: id)
    }

    @Test("A message is claimed once; sent stays sent; failed is claimed again with its first Message-ID", arguments: StoreEngine.allCases)
    func claims(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { database in try await claims(database) }
    }

    func claims(_ database: any MeetingStore) async throws {
        let first = try await database.claimMail(
            [sending("a"), sending("b", id: "m2@samverkan")], now: "2025-05-01T06:00:00Z",
            staleBefore: "2025-05-01T05:50:00Z")
        #expect(first.map(\.key) == ["a", "b"])
        #expect(first.allSatisfy { $0.status == .sending && $0.attempts == 1 })
        try await database.finishMail(key: "a", sent: true, error: nil, now: "2025-05-01T06:00:01Z")
        try await database.finishMail(key: "b", sent: false, error: "connection refused", now: "2025-05-01T06:00:01Z")
        #expect(try await database.mailLog(status: .failed).map(\.lastError) == ["connection refused"])
        let second = try await database.claimMail(
            [sending("a", id: "new-a"), sending("b", id: "new-b")], now: "2025-05-02T06:00:00Z",
            staleBefore: "2025-05-02T05:50:00Z")
        #expect(second.map(\.key) == ["b"])
        #expect(second.first?.messageID == "m2@samverkan")
        #expect(second.first?.attempts == 2)
    }

    @Test("A fresh sending claim is left to its run; a stale one is taken over", arguments: StoreEngine.allCases)
    func staleClaims(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { database in try await staleClaims(database) }
    }

    func staleClaims(_ database: any MeetingStore) async throws {
        _ = try await database.claimMail([sending("a")], now: "2025-05-01T06:00:00Z", staleBefore: "2025-05-01T05:50:00Z")
        #expect(try await database.claimMail([sending("a")], now: "2025-05-01T06:05:00Z", staleBefore: "2025-05-01T05:55:00Z").isEmpty)
        let taken = try await database.claimMail([sending("a")], now: "2025-05-01T06:20:00Z", staleBefore: "2025-05-01T06:10:00Z")
        #expect(taken.map(\.attempts) == [2])
        #expect(try await database.mailLog().map(\.status) == [.sending])
    }
}
