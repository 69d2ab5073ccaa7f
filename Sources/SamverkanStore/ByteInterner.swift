import Foundation

/// The distinct texts of a column read row by row, each numbered and kept once.
///
/// A report reads the same few texts (structure ids, lists of present organisations and covered
/// items) on thousands of rows. Looking a text up here costs a hash of its UTF-8 bytes and a
/// comparison; a `String` key is hashed with Unicode normalisation for non-ASCII ids (such as
/// `återinskrivningar`), which cost a national report most of its reading time. Texts are told
/// apart byte by byte, as SQLite stores them.
struct ByteInterner {
    /// The texts, by number (in the order first seen).
    private(set) var strings: [String] = []
    /// The bytes of each text, for comparing.
    private var bytes: [[UInt8]] = []
    private var hashes: [Int] = []
    /// Open addressing: a text's number + 1, 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 64)

    var count: Int { strings.count }

    /// The number of a text, numbering it when new.
    mutating func number(of text: String) -> Int {
        var bytes = text
        return bytes.withUTF8 { number(of: UnsafeRawBufferPointer($0), text) }
    }

    /// The number of a text given as UTF-8 bytes, numbering it when new.
    mutating func number(of text: UnsafeRawBufferPointer) -> Int { number(of: text, nil) }

    /// The number of the bytes `text`, numbering them when new (as `string` when given).
    private mutating func number(of text: UnsafeRawBufferPointer, _ string: String?) -> Int {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if hashes[number] == hash, Self.equal(bytes[number], text) { return number }
            slot = (slot + 1) & mask
        }
        let number = strings.count
        strings.append(string ?? String(decoding: text, as: UTF8.self))
        bytes.append(Array(text))
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if strings.count * 2 > slots.count { grow() }
        return number
    }

    /// A hash of the bytes for the slots, eight at a time, with a final mix so the low bits the
    /// slots use depend on every byte. Texts here are the database's own (a few thousand distinct
    /// ids and lists), hashed once per row: `Hasher`'s seeding and SipHash rounds cost more than
    /// the lookup itself, and protection from chosen collisions buys nothing.
    @inline(__always)
    static func hash(_ text: UnsafeRawBufferPointer) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: text.count) &* multiplier
        var offset = 0
        while offset + 8 <= text.count {
            hash = (hash ^ text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < text.count {
            tail |= UInt64(text[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 32
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash)
    }

    private static func equal(_ known: [UInt8], _ text: UnsafeRawBufferPointer) -> Bool {
        guard known.count == text.count else { return false }
        guard let base = text.baseAddress else { return true }
        return known.withUnsafeBytes { memcmp($0.baseAddress!, base, text.count) == 0 }
    }

    /// Doubles the slots and places every text again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
