import Crypto

/// SHA-256 for the content hash of approved minutes, the approval chain and feed tokens:
/// swift-crypto's implementation, with the hex spelling the stored hashes use.
///
/// Package-internal on purpose: callers use ``Minutes/approvalDigest(by:date:)``; this only spells
/// a digest as the 64 lowercase hex digits that every stored hash already has.
package enum SHA256 {
    /// The digest of UTF-8 text as 64 lowercase hex digits.
    package static func hex(_ text: String) -> String {
        hex(bytes: digest(Array(text.utf8)))
    }

    /// The 32-byte digest of bytes.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: message))
    }

    /// Bytes as lowercase hex digits, two a byte.
    private static func hex(bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
