import SamverkanServer
import SamverkanTime
import Testing

@Suite("Feed tokens, selections and the rolling window")
struct FeedTokenTests {
    @Test("A token is 32 base32 letters (160 bits), random, and its hash is SHA-256 hex")
    func tokens() throws {
        let tokens = (0..<200).map { _ in FeedToken.random() }
        #expect(Set(tokens).count == 200)
        for token in tokens {
            #expect(token.text.count == 32)
            #expect(FeedToken(token.text) == token)
            #expect(token.hash.count == 64 && token.hash != token.text)
        }
        #expect(FeedToken("abc") == nil)
        #expect(FeedToken(String(repeating: "a", count: 33)) == nil)
        #expect(FeedToken(String(repeating: "A", count: 32)) == nil)
        #expect(FeedToken(String(repeating: "1", count: 32)) == nil)
        #expect(FeedToken("../" + String(repeating: "a", count: 29)) == nil)
        let abc = try #require(FeedToken(String(repeating: "a", count: 32)))
        #expect(abc.hash == "3ba3f5f43b92602683c19aee62a20342b084dd5971ddd33808d81a328879a547")
        #expect(abc.httpsURL(base: "https://k.example.se/") == "https://k.example.se/feeds/\(abc.text).ics")
        #expect(abc.webcalURL(base: "https://k.example.se") == "webcal://k.example.se/feeds/\(abc.text).ics")
    }

    @Test("Months are added to a day, clamped to the month's end")
    func months() throws {
        let day = try #require(LocalDate(year: 2025, month: 6, day: 1))
        #expect(FeedRenderer.date(day, addingMonths: -3) == LocalDate(year: 2025, month: 3, day: 1))
        #expect(FeedRenderer.date(day, addingMonths: 12) == LocalDate(year: 2026, month: 6, day: 1))
        let end = try #require(LocalDate(year: 2025, month: 1, day: 31))
        #expect(FeedRenderer.date(end, addingMonths: 1) == LocalDate(year: 2025, month: 2, day: 28))
        #expect(FeedRenderer.date(end, addingMonths: -2) == LocalDate(year: 2024, month: 11, day: 30))
        #expect(FeedRenderer.date(end, addingMonths: 13) == LocalDate(year: 2026, month: 2, day: 28))
    }

    @Test("A selection survives the store: kind and value round-trip")
    func selections() throws {
        for selection in [FeedSelection.all, .person(email: "a@b.se"), .organisation(id: "hylte"), .structures(ids: ["rug"])] {
            #expect(try FeedSelection(kind: selection.kind, value: selection.value) == selection)
        }
        #expect(throws: FeedError.self) { try FeedSelection(kind: "group", value: "x") }
    }

    @Test("The content digest ignores DTSTAMP lines only")
    func digest() {
        let a = "BEGIN:VCALENDAR\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n"
        let b = "BEGIN:VCALENDAR\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n"
        let c = "BEGIN:VCALENDAR\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:y\r\nEND:VCALENDAR\r\n"
        #expect(RenderedFeed.contentDigest(a) == RenderedFeed.contentDigest(b))
        #expect(RenderedFeed.contentDigest(a) != RenderedFeed.contentDigest(c))
    }
}
