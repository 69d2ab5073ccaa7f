import SamverkanTime

/// Finds Swedish personal identity numbers (*personnummer*) and coordination numbers
/// (*samordningsnummer*) in text, so minutes never hold patient data.
///
/// The text is read as it will be shown: every decimal digit counts whatever its script or width
/// (full-width `１`, as NFKC would fold it), invisible characters (zero-width space and joiner,
/// soft hyphen, byte order mark, any Unicode format character) are skipped, and any dash, plus
/// sign or white space (also a no-break space or a line break) separates digit groups.
///
/// A match is a run of digit groups written `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYMMDDNNNN`,
/// `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`, or split further into even groups ending in the four last
/// digits (`19 121212 1212`), whose date exists (for a coordination number the day plus 60) and
/// whose last digit is the Luhn check digit of the nine before it. Dates, telephone numbers and
/// diary numbers do not match. Only line numbers are reported, and ``redacted(_:mask:)`` replaces
/// a number: it is never repeated in a message.
public enum IdentityNumberGuard {
    /// What replaces a number in a message.
    public static let mask = "ÅÅÅÅMMDD-XXXX"

    /// The 1-based numbers of the lines that hold an identity or coordination number.
    public static func lines(in text: String) -> [Int] {
        var result: [Int] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        where containsNumber(line) {
            result.append(index + 1)
        }
        return result
    }

    /// Whether a piece of text holds an identity or coordination number.
    public static func containsNumber(_ text: some StringProtocol) -> Bool {
        !matches(in: Array(String(text).unicodeScalars), loose: false, firstOnly: true).isEmpty
    }

    /// Whether a piece of text may hold one, also glued to other digits (`09:019121212-12120`):
    /// for messages, where quoting a value costs nothing and repeating a number is never allowed.
    public static func mayContainNumber(_ text: some StringProtocol) -> Bool {
        !matches(in: Array(String(text).unicodeScalars), loose: true, firstOnly: true).isEmpty
    }

    /// A message with every identity or coordination number, also one glued to other digits,
    /// replaced by `mask`.
    public static func redacted(_ text: String, mask: String = Self.mask) -> String {
        let scalars = Array(text.unicodeScalars)
        let found = matches(in: scalars, loose: true, firstOnly: false)
        guard !found.isEmpty else { return text }
        var result = String.UnicodeScalarView()
        var position = 0
        // Numbers may overlap (digits glued together): mask what is left of each.
        for range in found where range.upperBound > position {
            let start = max(range.lowerBound, position)
            result.append(contentsOf: scalars[position..<start])
            result.append(contentsOf: mask.unicodeScalars)
            position = range.upperBound
        }
        result.append(contentsOf: scalars[position...])
        return String(result)
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

    // MARK: - Scanning

    /// A run of digits (invisible characters inside it skipped), with where each digit stands.
    struct Group {
        var digits: [Int] = []
        var positions: [Int] = []
        /// Separators between the previous group and this one; nil when something else stands between.
        var link: [Unicode.Scalar]?
    }

    /// The ranges (in unicode scalars) of every number found, in order.
    ///
    /// Strict: whole groups only. Loose: the first group may be cut at its start and the last at
    /// its end (a number glued to other digits), and one group may hold the number anywhere.
    static func matches(in scalars: [Unicode.Scalar], loose: Bool, firstOnly: Bool) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var chain: [Group] = []
        for group in groups(in: scalars) {
            if group.link == nil { chain.removeAll() }
            chain.append(group)
            found += match(endingWith: chain, loose: loose)
            if firstOnly, !found.isEmpty { return found }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The numbers read from groups of a chain that end in its last group: strict, the first;
    /// loose, every one (they may overlap).
    static func match(endingWith chain: [Group], loose: Bool) -> [Range<Int>] {
        let last = chain[chain.count - 1]
        var found: [Range<Int>] = []
        // One group: all of it, or (loose) any 10 or 12 digits in it.
        for length in [12, 10] where last.digits.count >= length {
            let starts = loose ? Array(0...(last.digits.count - length)) : (last.digits.count == length ? [0] : [])
            for start in starts where isIdentityNumber(Array(last.digits[start..<(start + length)])) {
                found.append(last.positions[start]..<(last.positions[start + length - 1] + 1))
                if !loose { return found }
            }
        }
        if let range = matchAcross(chain, loose: loose) { found.append(range) }
        return found
    }

    /// A number across several groups ending in the four last digits (loose: the first four of
    /// the last group, and any end of the first).
    static func matchAcross(_ chain: [Group], loose: Bool) -> Range<Int>? {
        let last = chain[chain.count - 1]
        guard chain.count > 1, last.digits.count == 4 || (loose && last.digits.count > 4) else { return nil }
        var middle: [Int] = []
        for first in stride(from: chain.count - 2, through: max(0, chain.count - 6), by: -1) {
            let group = chain[first]
            let window = chain[first...]
            for total in [12, 10] {
                let wanted = total - 4 - middle.count
                if wanted == group.digits.count, acceptable(window) || loose,
                    isIdentityNumber(group.digits + middle + last.digits.prefix(4))
                {
                    return group.positions[0]..<(last.positions[3] + 1)
                }
                if loose, wanted > 0, wanted < group.digits.count,
                    isIdentityNumber(Array(group.digits.suffix(wanted)) + middle + last.digits.prefix(4))
                {
                    return group.positions[group.digits.count - wanted]..<(last.positions[3] + 1)
                }
            }
            middle = group.digits + middle
            if middle.count > 8 || group.digits.count % 2 != 0 { break }
        }
        return nil
    }

    /// Whether groups may be read as one number: one group, or even groups ending in four digits,
    /// but not an ISO date followed by a four-digit number (`2025-03-13 1430`).
    static func acceptable(_ window: ArraySlice<Group>) -> Bool {
        guard window.count > 1 else { return true }
        guard window.last!.digits.count == 4, window.allSatisfy({ $0.digits.count % 2 == 0 }) else { return false }
        let lengths = window.map(\.digits.count)
        if lengths == [4, 2, 2, 4] {
            let links = window.dropFirst().map { $0.link ?? [] }
            if links[0] == ["-"], links[1] == ["-"] { return false }
        }
        return true
    }

    /// The digit groups of a text, each linked to the one before when only separators stand between.
    static func groups(in scalars: [Unicode.Scalar]) -> [Group] {
        var result: [Group] = []
        var current: Group?
        var between: [Unicode.Scalar]? = nil
        for index in scalars.indices {
            let scalar = scalars[index]
            if let digit = digitValue(scalar) {
                if current == nil { current = Group(link: between) }
                current!.digits.append(digit)
                current!.positions.append(index)
            } else if isInvisible(scalar) {
                continue
            } else {
                if let group = current {
                    result.append(group)
                    current = nil
                    between = []
                }
                if isSeparator(scalar), var run = between, run.count < 3 {
                    run.append(scalar == "+" ? "+" : (scalar.properties.isWhitespace ? " " : "-"))
                    between = run
                } else {
                    between = nil
                }
            }
        }
        if let group = current { result.append(group) }
        return result
    }

    /// 0–9 for a decimal digit in any script or width, superscripts and circled digits included.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        if ("0"..."9").contains(scalar) { return Int(scalar.value - 48) }
        if scalar.isASCII { return nil }
        guard scalar.value > 0x7F, let type = scalar.properties.numericType, type == .decimal || type == .digit,
            let value = scalar.properties.numericValue, value >= 0, value <= 9, value == value.rounded()
        else { return nil }
        return Int(value)
    }

    /// Characters nobody sees: format characters (zero-width space and joiner, soft hyphen, BOM),
    /// combining marks and variation selectors.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200B || scalar.value == 0x034F
        }
    }

    /// Dashes, plus signs and white space (also no-break spaces and line breaks).
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "-" || scalar == "+" || ("\t"..."\r").contains(scalar) }
        if scalar == "+" || scalar == "-" || scalar.properties.isWhitespace { return true }
        switch scalar.value {
        case 0x2212, 0xFE62, 0xFF0B, 0x2796, 0x2795, 0x00B7, 0x2027: return true
        default: return scalar.properties.generalCategory == .dashPunctuation
        }
    }
}
