import SamverkanTime
import Testing

@Suite("ISO dates")
struct LocalDateISOTests {
    @Test(
        "YYYY-MM-DD parses to the day; a String and a Substring agree", arguments: ["2025-01-01", "2024-02-29", "1999-12-31", "0001-01-01"])
    func valid(_ text: String) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.iso == text)
        #expect(LocalDate(iso: text[...]) == date)
    }

    @Test(
        "Anything else is nil, by either path",
        arguments: [
            "", "2025-1-01", "2025-01-1", "2025/01/01", "2025-02-30", "2025-13-01", "2025-00-10", "+025-01-01",
            "2025-01-01T10:00", " 2025-01-01", "２０２５-01-01", "2025-0a-01", "0000-01-01",
        ])
    func invalid(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
        #expect(LocalDate(iso: text[...]) == nil)
    }
}
