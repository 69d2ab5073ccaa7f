/// The layout of the JSON every listing and report writes, done here rather than by
/// `JSONEncoder`'s `.prettyPrinted`, so the text never depends on Foundation's whitespace:
/// two spaces of indentation a level, `"key" : value`, one member or element a line, and empty
/// arrays and objects as `[]` and `{}`.
///
/// It reads JSON text token by token (whitespace between tokens is skipped, strings, numbers
/// and literals are copied as they are) and appends the laid-out bytes to ``bytes``.
struct JSONLayout {
    /// The laid-out text so far.
    var bytes: [UInt8] = []

    /// Where a member of the top-level object is to be filled by the caller (see ``append(_:depth:slot:fill:)``).
    struct Slot {
        /// The member's name, as the encoder writes it between quotes (JSON-escaped).
        let key: [UInt8]
    }

    /// Lays out one JSON value, written at nesting depth `depth` (its first line is not indented:
    /// the caller has placed it). With a `slot`, the top-level object's member of that name must be
    /// an empty array; `fill` writes its value instead, at the member's depth, and is called
    /// exactly once.
    /// - Throws: ``ReportJSONError`` when the text is no JSON this writer understands, or the slot
    ///   is missing or not an empty array.
    mutating func append(
        _ json: some Collection<UInt8>, depth: Int, slot: Slot? = nil,
        fill: (inout JSONLayout, Int) throws -> Void = { _, _ in }
    ) throws {
        var input = json.makeIterator()
        var pending: UInt8? = nil
        func next() -> UInt8? {
            if let byte = pending {
                pending = nil
                return byte
            }
            return input.next()
        }
        func nextToken() -> UInt8? {
            while let byte = next() {
                if byte != space && byte != newline && byte != tab && byte != carriageReturn { return byte }
            }
            return nil
        }
        var level = depth
        // The containers open, innermost last: true for an object.
        var objects: [Bool] = []
        var key: [UInt8] = []
        var filled = false
        while let byte = nextToken() {
            switch byte {
            case openBrace, openBracket:
                let close = byte == openBrace ? closeBrace : closeBracket
                let following = nextToken()
                if following == close {
                    bytes.append(byte)
                    bytes.append(close)
                    continue
                }
                pending = following
                bytes.append(byte)
                objects.append(byte == openBrace)
                level += 1
                newLine(level)
            case closeBrace, closeBracket:
                guard objects.popLast() == (byte == closeBrace) else { throw ReportJSONError("unbalanced JSON") }
                level -= 1
                newLine(level)
                bytes.append(byte)
            case comma:
                bytes.append(comma)
                newLine(level)
            case colon:
                bytes.append(contentsOf: [space, colon, space])
                if let slot, objects == [true], key == slot.key {
                    guard nextToken() == openBracket, nextToken() == closeBracket else {
                        throw ReportJSONError("the member \"\(String(decoding: slot.key, as: UTF8.self))\" to fill is no empty array")
                    }
                    try fill(&self, level)
                    filled = true
                }
            case quote:
                bytes.append(quote)
                key.removeAll(keepingCapacity: true)
                var escaped = false
                while true {
                    guard let character = next() else { throw ReportJSONError("unterminated string") }
                    bytes.append(character)
                    if !escaped && character == quote { break }
                    escaped = !escaped && character == backslash
                    key.append(character)
                }
            default:
                // A number, true, false or null: up to the next structural byte or whitespace.
                bytes.append(byte)
                while let character = next() {
                    if structural.contains(character) {
                        pending = character
                        break
                    }
                    bytes.append(character)
                }
            }
        }
        guard objects.isEmpty else { throw ReportJSONError("unbalanced JSON") }
        if let slot, !filled {
            throw ReportJSONError("the object has no member \"\(String(decoding: slot.key, as: UTF8.self))\" to fill")
        }
    }

    /// Starts a new line indented for `depth`.
    mutating func newLine(_ depth: Int) {
        bytes.append(newline)
        bytes.append(contentsOf: repeatElement(space, count: 2 * depth))
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }
}

private let space = UInt8(ascii: " ")
private let newline = UInt8(ascii: "\n")
private let tab = UInt8(ascii: "\t")
private let carriageReturn = UInt8(ascii: "\r")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let comma = UInt8(ascii: ",")
private let colon = UInt8(ascii: ":")
private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let structural: Set<UInt8> = [space, newline, tab, carriageReturn, openBrace, closeBrace, openBracket, closeBracket, comma, colon]

/// JSON text this writer cannot lay out (a mistake in the program, never in the user's data).
struct ReportJSONError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
