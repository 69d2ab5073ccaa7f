import Testing

@testable import SamverkanDomain

@Suite("Privacy guard: personal identity and coordination numbers")
struct IdentityNumberGuardTests {
    // Skatteverket's test numbers: valid check digits.
    @Test(
        "Valid numbers are found: 10 and 12 digits, with -, + or nothing, coordination numbers",
        arguments: [
            "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876",
            "121212-1212", "191212121212", "Patient 19121212-1212 ringde",
            "701063-2391", "197010632391",  // coordination number: day 3 + 60
            "pnr:811218-9876.",
        ])
    func found(text: String) {
        #expect(IdentityNumberGuard.containsNumber(text), "\(text)")
    }

    @Test(
        "Wrong check digits, impossible dates and other numbers pass",
        arguments: [
            "811218-9875", "8112189877", "19811218-9870", "701063-2392",
            "811318-9876",  // month 13
            "811200-9876",  // day 0
            "810231-9874",  // 31 February
            "19810229-1238",  // not a leap year
            "18112189876", "0811218-98760", "2025-03-13", "070-123 45 67", "Dnr RS 2025/1234", "1234567890123",
        ])
    func notFound(text: String) {
        #expect(!IdentityNumberGuard.containsNumber(text), "\(text)")
    }

    @Test("The guard names lines, never the number")
    func lines() throws {
        let text = "Rad ett\nPatient 811218-9876\nRad tre\n197010632391"
        #expect(IdentityNumberGuard.lines(in: text) == [2, 4])
    }

    @Test(
        "Disguised numbers are found: separators, full-width digits, invisible characters",
        arguments: [
            "19121212 1212", "19121212\u{2013}1212", "19121212\u{00A0}1212", "19121212\u{2212}1212", "121212 – 1212",
            "\u{FF11}\u{FF19}\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12}",
            "19121212\u{200B}1212", "1912\u{200B}1212-1212", "1912\u{00AD}1212-1212", "\u{FEFF}19121212\u{200D}-1212",
            "19 121212-1212", "1912 1212 1212", "12 12 12-1212", "1912\n1212-1212", "811218\u{2011}9876",
        ])
    func disguised(text: String) {
        #expect(IdentityNumberGuard.containsNumber(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(
        "Dates, times, telephone and diary numbers still pass",
        arguments: [
            "2025-03-13 1430", "2025-03-13 – 2025-04-10", "kl 10:00–12:00", "070-123 45 67", "08-123 456 78", "031-123 4567",
            "Dnr RS 2025/1234", "+46 70 123 45 67", "2025 03 13",
        ])
    func stillPass(text: String) {
        #expect(!IdentityNumberGuard.containsNumber(text), "\(text)")
    }

    @Test("Redaction replaces each number, and only the number")
    func redaction() {
        #expect(
            IdentityNumberGuard.redacted("a 19121212-1212 b 811218 9876 c 2025-03-13")
                == "a ÅÅÅÅMMDD-XXXX b ÅÅÅÅMMDD-XXXX c 2025-03-13")
        #expect(IdentityNumberGuard.redacted("inget nummer") == "inget nummer")
    }
}

@Suite("Privacy guard: redacting messages")
struct IdentityNumberRedactionTests {
    @Test(
        "A number glued to other digits is redacted in a message, not refused in text",
        arguments: [
            "09:0\u{FF11}\u{FF19}\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12}0",
            "BYMONTH=319811218+9876;", "20250109T121212-1212090000", "x01912121212120y",
        ])
    func glued(text: String) {
        #expect(IdentityNumberGuard.mayContainNumber(text))
        #expect(!IdentityNumberGuard.mayContainNumber(IdentityNumberGuard.redacted(text)))
    }
}

@Suite("Privacy guard: overlapping numbers")
struct IdentityNumberOverlapTests {
    @Test("Numbers glued into each other are all masked")
    func overlapping() {
        let text = "DTSTAM119121212-12122811218-98761212\u{2013}1212P"
        #expect(!IdentityNumberGuard.mayContainNumber(IdentityNumberGuard.redacted(text)))
        #expect(!IdentityNumberGuard.redacted(text).contains("811218-9876"))
    }
}
