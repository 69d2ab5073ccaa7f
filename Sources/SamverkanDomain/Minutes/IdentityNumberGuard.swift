import SamverkanTime

/// Finds Swedish personal identity numbers (*personnummer*) and coordination numbers
/// (*samordningsnummer*) in text, so minutes never hold patient data.
///
/// A match is a run of digits, not touching other digits, written `YYMMDD-NNNN`, `YYMMDD+NNNN`,
/// `YYMMDDNNNN`, `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`, whose date exists (for a coordination number
/// the day plus 60) and whose last digit is the Luhn check digit of the nine before it.
/// Only line numbers are reported: the number itself is never repeated in a message.
public enum IdentityNumberGuard {
    /// The 1-based numbers of the lines that hold an identity or coordination number.
    public static func lines(in text: String) -> [Int] {
        var result: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where containsNumber(line) {
            result.append(index + 1)
        }
        return result
    }

    /// Whether a piece of text holds an identity or coordination number.
    public static func containsNumber(_ text: some StringProtocol) -> Bool {
        let characters = Array(text.unicodeScalars)
        var index = 0
        while index < characters.count {
            guard isDigit(characters[index]), index == 0 || !isDigit(characters[index - 1]) else {
                index += 1
                continue
            }
            // A candidate starts here: digits, then optionally one separator, then digits.
            var end = index
            while end < characters.count, isDigit(characters[end]) { end += 1 }
            var digits = characters[index..<end].map { Int($0.value - 48) }
            if end < characters.count, characters[end] == "-" || characters[end] == "+",
               digits.count == 6 || digits.count == 8 {
                var after = end + 1
                while after < characters.count, isDigit(characters[after]) { after += 1 }
                if after - end - 1 == 4 {
                    digits += characters[(end + 1)..<after].map { Int($0.value - 48) }
                    end = after
                }
            }
            if isIdentityNumber(digits) { return true }
            index = end
        }
        return false
    }

    /// Whether 10 or 12 digits form a valid identity or coordination number.
    public static func isIdentityNumber(_ digits: [Int]) -> Bool {
        guard digits.count == 10 || digits.count == 12 else { return false }
        let ten = Array(digits.suffix(10))
        let month = ten[2] * 10 + ten[3]
        var day = ten[4] * 10 + ten[5]
        if day > 60 { day -= 60 }  // coordination number
        guard (1...12).contains(month), day >= 1 else { return false }
        // With a century the date must exist exactly; without one, allow any leap year.
        let year = digits.count == 12 ? digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3] : 2000
        guard year >= 1800, day <= LocalDate.daysIn(month: month, year: year) else { return false }
        return luhnDigit(ten.prefix(9)) == ten[9]
    }

    /// The Luhn check digit of nine digits (weights 2, 1, 2, …).
    static func luhnDigit(_ digits: ArraySlice<Int>) -> Int {
        var sum = 0
        for (offset, digit) in digits.enumerated() {
            let product = digit * (offset % 2 == 0 ? 2 : 1)
            sum += product / 10 + product % 10
        }
        return (10 - sum % 10) % 10
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
