import Foundation

/// The JSON every listing and report writes: pretty-printed, keys sorted (stable between runs),
/// slashes unescaped, ending in a newline.
enum ReportJSON {
    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
    }

    /// The same text as ``text(_:)`` of an object with a long array member, written one element
    /// at a time into one reserved string: the encoder's tree of every element never exists at once,
    /// which at ten years of national data saves more memory than the text takes.
    /// - Parameters:
    ///   - header: the object with `key` encoded as an empty array.
    ///   - key: the array member to fill.
    ///   - elements: its elements (a lazy collection keeps only one converted at a time).
    static func text<Element: Encodable>(_ header: some Encodable, filling key: String,
                                         with elements: some Collection<Element>) throws -> String {
        let encoder = encoder()
        let head = try text(header)
        let name = String(decoding: try encoder.encode(key), as: UTF8.self)
        guard !elements.isEmpty else { return head }
        guard let slot = head.range(of: "\n  \(name) : [\n\n  ]") else {
            throw EncodingError.invalidValue(key, EncodingError.Context(
                codingPath: [], debugDescription: "the JSON encoder wrote the empty member \(name) in an unexpected form"))
        }
        var result = String(head[..<slot.lowerBound])
        result += "\n  \(name) : [\n"
        var line: [UInt8] = []
        for (index, element) in elements.enumerated() {
            let encoded = try encoder.encode(element)
            if index == 0 {
                // Every element about the size of the first indented (four bytes a line), plus a
                // tenth: one allocation.
                let indented = encoded.count + 4 * (encoded.count { $0 == UInt8(ascii: "\n") } + 1) + 2
                result.reserveCapacity(head.utf8.count + (indented + indented / 10) * elements.count)
            }
            if index > 0 { result += ",\n" }
            line.removeAll(keepingCapacity: true)
            indent(encoded, into: &line)
            result += String(decoding: line, as: UTF8.self)
        }
        result += "\n  ]"
        result += head[slot.upperBound...]
        return result
    }

    /// Appends pretty-printed JSON with four more spaces before each non-empty line.
    private static func indent(_ encoded: Data, into bytes: inout [UInt8]) {
        var lineStart = true
        for byte in encoded {
            if lineStart && byte != UInt8(ascii: "\n") { for _ in 0..<4 { bytes.append(UInt8(ascii: " ")) } }
            bytes.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
