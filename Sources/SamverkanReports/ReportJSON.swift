import Foundation

/// The JSON every listing and report writes: keys sorted (stable between runs), slashes
/// unescaped, laid out by ``JSONLayout`` (two spaces a level, `"key" : value`), ending in a newline.
///
/// `JSONEncoder` only turns values into compact JSON, one piece at a time; the layout and the
/// framing around the pieces are this module's own, so no text depends on how Foundation
/// pretty-prints.
enum ReportJSON {
    static func text(_ value: some Encodable) throws -> String {
        var layout = JSONLayout()
        try layout.append(try encoder().encode(value), depth: 0)
        layout.newLine(0)
        return String(decoding: layout.bytes, as: UTF8.self)
    }

    /// The same text as ``text(_:)`` of an object with a long array member, written one element
    /// at a time into one reserved string: the encoder's tree of every element never exists at
    /// once, which at ten years of national data saves more memory than the text takes.
    /// - Parameters:
    ///   - header: the object with `key` encoded as an empty array.
    ///   - key: the array member to fill.
    ///   - elements: its elements (a lazy collection keeps only one converted at a time).
    /// - Throws: ``ReportJSONError`` when `header` has no member `key` that is an empty array.
    static func text<Element: Encodable>(
        _ header: some Encodable, filling key: String,
        with elements: some Collection<Element>
    ) throws -> String {
        let encoder = encoder()
        let head = try encoder.encode(header)
        let name = try encoder.encode(key)
        var result = ""
        var layout = JSONLayout()
        /// Moves what the layout holds to the result, keeping the layout's buffer for the next piece.
        func flush(_ layout: inout JSONLayout) {
            result += String(decoding: layout.bytes, as: UTF8.self)
            layout.bytes.removeAll(keepingCapacity: true)
        }
        try layout.append(head, depth: 0, slot: JSONLayout.Slot(key: Array(name.dropFirst().dropLast()))) { layout, depth in
            layout.append(UInt8(ascii: "["))
            guard !elements.isEmpty else { return layout.append(UInt8(ascii: "]")) }
            flush(&layout)
            for (index, element) in elements.enumerated() {
                if index > 0 { layout.append(UInt8(ascii: ",")) }
                layout.newLine(depth + 1)
                try layout.append(try encoder.encode(element), depth: depth + 1)
                if index == 0 {
                    // Every element about the size of the first, plus a tenth: one allocation.
                    result.reserveCapacity(head.count + (layout.bytes.count + layout.bytes.count / 10) * elements.count)
                }
                flush(&layout)
            }
            layout.newLine(depth)
            layout.append(UInt8(ascii: "]"))
        }
        layout.newLine(0)
        flush(&layout)
        return result
    }

    /// Compact JSON with sorted keys; ``JSONLayout`` lays it out.
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
