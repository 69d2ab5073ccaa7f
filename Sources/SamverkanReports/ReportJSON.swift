import Foundation

/// The JSON every listing and report writes: pretty-printed, keys sorted (stable between runs),
/// slashes unescaped, ending in a newline.
enum ReportJSON {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
