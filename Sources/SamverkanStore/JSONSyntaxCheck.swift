import Foundation

/// Finds the first syntax error in JSON text with its line and column, which Foundation's
/// decoder does not say ("The given data was not valid JSON.").
///
/// Iterative (an explicit stack, no recursion), so deeply nested input cannot overflow the
/// stack; linear in the input.
enum JSONSyntaxCheck {
    /// Where the text is wrong and what was expected there (an `archive.json-*` code).
    struct Failure: Equatable {
        var line: Int
        var column: Int
        /// `value`, `key`, `colon`, `comma-or-end`, `string-end` or `end`.
        var expected: String

        /// The error code of the message.
        var code: String {
            switch expected {
            case "key": "archive.json-key"  // error code
            case "colon": "archive.json-colon"  // error code
            case "comma-or-end": "archive.json-comma-or-end"  // error code
            case "string-end": "archive.json-string-end"  // error code
            case "end": "archive.json-end"  // error code
            default: "archive.json-value"  // error code
            }
        }
    }

    /// The first error, or nil when the text is well-formed JSON (one value, then only whitespace).
    static func firstError(in data: Data) -> Failure? {
        let bytes = [UInt8](data)
        var index = 0
        var line = 1
        var lineStart = 0
        func failure(_ expected: String) -> Failure {
            // Columns count characters (UTF-8 continuation bytes are not characters).
            let column = bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
            return Failure(line: line, column: column, expected: expected)
        }
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                if bytes[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        /// Reads a string at `index` (a `"`); false (at the opening `"`) when it does not end.
        func string() -> Bool {
            var end = index + 1
            while end < bytes.count {
                switch bytes[end] {
                case 0x22:
                    index = end + 1
                    return true
                case 0x5C: end += 2
                case 0x00..<0x20: return false
                default: end += 1
                }
            }
            return false
        }
        /// Reads a literal or number at `index`; false when there is none.
        func scalar() -> Bool {
            for word in ["true", "false", "null"] where bytes[index...].starts(with: Array(word.utf8)) {
                index += word.utf8.count
                return true
            }
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            return index > start && Double(String(decoding: bytes[start..<index], as: UTF8.self)) != nil
        }
        /// Reads `"key":` inside an object; the error when there is none.
        func key() -> Failure? {
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22 else { return failure("key") }
            guard string() else { return failure("string-end") }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return failure("colon") }
            index += 1
            return nil
        }
        // The containers open at `index`: `{` or `[`.
        var stack: [UInt8] = []
        var expectValue = true
        while true {
            skipSpace()
            if expectValue {
                guard index < bytes.count else { return failure("value") }
                switch bytes[index] {
                case 0x7B, 0x5B:
                    stack.append(bytes[index])
                    index += 1
                    skipSpace()
                    if index < bytes.count, bytes[index] == (stack.last == 0x7B ? 0x7D : 0x5D) {
                        index += 1
                        stack.removeLast()
                        expectValue = false
                        continue
                    }
                    if stack.last == 0x7B {
                        guard let error = key() else { continue }
                        return error
                    }
                    continue
                case 0x22:
                    guard string() else { return failure("string-end") }
                default:
                    let start = index
                    guard scalar() else {
                        index = start
                        return failure("value")
                    }
                }
                expectValue = false
                continue
            }
            guard let open = stack.last else {
                return index < bytes.count ? failure("end") : nil
            }
            guard index < bytes.count else { return failure("comma-or-end") }
            let close: UInt8 = open == 0x7B ? 0x7D : 0x5D
            if bytes[index] == close {
                index += 1
                stack.removeLast()
                continue
            }
            guard bytes[index] == 0x2C else { return failure("comma-or-end") }
            index += 1
            expectValue = true
            if open == 0x7B, let error = key() { return error }
        }
    }
}
