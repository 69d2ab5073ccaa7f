/// A seeded, deterministic mutator of byte strings: the same seed gives the same inputs, so a
/// failure found by `make test` is found again.
///
/// Besides byte flips, insertions, deletions, duplications and splices it plants the tokens
/// hostile input is made of: identity numbers in every disguise (``plantedNumbers``), comment
/// markers, line ends of every kind, control characters and invisible characters.
public struct FuzzMutator: Sendable {
    /// SplitMix64: small, fast, and the same on every platform.
    public struct Random: RandomNumberGenerator, Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Skatteverket's test numbers, written as people (or an attacker) might: every one is a
    /// valid identity or coordination number that must never be stored or echoed.
    public static let plantedNumbers: [String] = [
        "19121212-1212", "121212-1212", "811218-9876", "8112189876", "19811218+9876", "701063-2391",
        "19121212 1212", "121212\u{2013}1212", "121212\u{00A0}1212", "1912\u{200B}1212-1212", "19121212\u{00AD}1212",
        "\u{FF11}\u{FF19}\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12}",
        "1912<!-- -->1212-1212", "\u{FEFF}811218\u{200D}-9876", "19 121212-1212",
    ]

    /// Pieces of the formats and of hostile text.
    static let tokens: [String] = [
        "<!--", "-->", "<!-- x -->", "\r\n", "\r", "\n", "\0", "\u{1B}[2J", "\u{7}", "\u{200B}", "\u{2028}", "\u{85}",
        "\t", " ", "|", ": ", "## Beslut\n", "## Närvaro\n", "## Övriga punkter\n### ", "- [x] ", "- [ ] ", "- ",
        "| ansvarig: ", "| klart: 2025-04-30", "| ersättare: ", "| status: klar", "§ 1 ", "Datum: ", "Tid: ",
        "Plats: ", "\"", "'", "{", "}", "[", "]", ",", "\\u0000", "\\u0031", "null", "-1", "99999999999999999999",
        "BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "RRULE:FREQ=DAILY;COUNT=1000\r\n", "DTSTART:20250313T090000Z\r\n",
        "&a ", "*a", "!!binary ", "? ", "---\n", "...\n", "%YAML 1.2\n", "å", "\u{301}", "\u{FFFD}", "😀",
    ]

    public var random: Random

    public init(seed: UInt64) { random = Random(seed: seed) }

    /// A mutated copy of an input, possibly spliced with another.
    public mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            bytes = step(bytes, other: other)
        }
        return bytes
    }

    mutating func step(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0 where !bytes.isEmpty:
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case 1:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        case 2 where !bytes.isEmpty:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &random))
            bytes.removeSubrange(start..<end)
        case 3 where !bytes.isEmpty:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...256, using: &random))
            bytes.insert(contentsOf: bytes[start..<end], at: position)
        case 4 where !other.isEmpty:
            let start = Int.random(in: 0..<other.count, using: &random)
            let end = min(other.count, start + Int.random(in: 1...512, using: &random))
            bytes.insert(contentsOf: other[start..<end], at: position)
        case 5, 6:
            let token = Self.plantedNumbers.randomElement(using: &random)!
            bytes.insert(contentsOf: Array(token.utf8), at: lineSafePosition(bytes, position))
        default:
            bytes.insert(contentsOf: Array(Self.tokens.randomElement(using: &random)!.utf8), at: position)
        }
        return bytes.count > 200_000 ? Array(bytes.prefix(200_000)) : bytes
    }

    /// A position at a character boundary (not inside a multi-byte UTF-8 sequence).
    func lineSafePosition(_ bytes: [UInt8], _ position: Int) -> Int {
        var index = position
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
