/// A request head as it came off the wire, read just far enough for ``FeedWireFastPath``: where
/// it ends, how long its body is, its method and target, and the few fields a feed's 304 depends
/// on. The reading is strict on purpose: anything it does not vouch for — a method outside the
/// common ones, another HTTP version, odd bytes in the target or a field, `Transfer-Encoding`,
/// `Upgrade`, `Expect`, a `Connection` other than `keep-alive` — is ``Reading/foreign``, and the
/// HTTP decoder gets the connection's bytes from there on, as it would have without this reader.
struct WireRequest: Equatable {
    enum Method: Equatable {
        case get, head, other
    }

    /// What the bytes at the start of a request hold.
    enum Reading: Equatable {
        /// Not a whole head yet: wait for more bytes.
        case incomplete
        /// Bytes this reader does not vouch for.
        case foreign
        case request(WireRequest)
    }

    var method: Method
    /// Where the request target is in the bytes read.
    var target: Range<Int>
    /// The length of the head, its empty last line included.
    var headLength: Int
    /// `Content-Length`, nil when the request gives none (and so has no body).
    var contentLength: Int?
    var ifNoneMatch: Range<Int>?
    var ifModifiedSince: Range<Int>?
    var acceptEncoding: Range<Int>?
    /// Whether the request has a `Connection` field (`keep-alive`; any other is foreign).
    var hasConnection = false
    /// Whether one of the fields above came more than once (the HTTP codec would join them).
    var repeated = false

    /// The longest head read here; a longer one is the decoder's (its own limits are far above).
    static let maximumHead = 8192
    /// The most fields read here.
    static let maximumFields = 64
    /// The methods whose requests are framed here besides GET and HEAD (all known to the HTTP decoder).
    static let otherMethods: [StaticString] = ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]

    /// Reads the request at the start of `bytes`.
    static func read(_ bytes: UnsafeRawBufferPointer) -> Reading {
        guard let first = bytes.first else { return .incomplete }
        guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return .foreign }
        var lines = LineReader(bytes: bytes)
        guard let requestLine = lines.next() else { return lines.refused ? .foreign : .incomplete }
        guard var request = requestLineParts(bytes, requestLine) else { return .foreign }
        var fields = 0
        while true {
            guard let line = lines.next() else { return lines.refused ? .foreign : .incomplete }
            if line.isEmpty { break }
            fields += 1
            guard fields <= maximumFields, request.read(field: line, in: bytes) else { return .foreign }
        }
        request.headLength = lines.offset
        return .request(request)
    }

    /// The method, target and version of the request line; nil unless it is
    /// `<known method> <target> HTTP/1.1`.
    static func requestLineParts(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) -> WireRequest? {
        guard let firstSpace = bytes[line].firstIndex(of: UInt8(ascii: " ")) else { return nil }
        let method = bytes[line.lowerBound..<firstSpace]
        let kind: Method
        if equals(method, "GET") {
            kind = .get
        } else if equals(method, "HEAD") {
            kind = .head
        } else if otherMethods.contains(where: { equals(method, $0) }) {
            kind = .other
        } else {
            return nil
        }
        let targetStart = firstSpace + 1
        guard let secondSpace = bytes[targetStart..<line.upperBound].firstIndex(of: UInt8(ascii: " ")),
            secondSpace > targetStart, bytes[targetStart] == UInt8(ascii: "/"),
            bytes[targetStart..<secondSpace].allSatisfy(isTargetByte),
            equals(bytes[(secondSpace + 1)..<line.upperBound], "HTTP/1.1")
        else { return nil }
        return WireRequest(method: kind, target: targetStart..<secondSpace, headLength: 0)
    }

    /// Takes in one field line; false when it is foreign.
    mutating func read(field line: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")), colon > line.lowerBound,
            bytes[line.lowerBound..<colon].allSatisfy(Self.isTokenByte)
        else { return false }
        var start = colon + 1
        var end = line.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard bytes[start..<end].allSatisfy(Self.isValueByte) else { return false }
        let name = bytes[line.lowerBound..<colon]
        let value = start..<end
        if Self.equalsIgnoringCase(name, "if-none-match") {
            repeated = repeated || ifNoneMatch != nil
            ifNoneMatch = value
        } else if Self.equalsIgnoringCase(name, "if-modified-since") {
            repeated = repeated || ifModifiedSince != nil
            ifModifiedSince = value
        } else if Self.equalsIgnoringCase(name, "accept-encoding") {
            repeated = repeated || acceptEncoding != nil
            acceptEncoding = value
        } else if Self.equalsIgnoringCase(name, "content-length") {
            guard contentLength == nil, !value.isEmpty, value.count <= 9,
                bytes[value].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return false }
            contentLength = bytes[value].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        } else if Self.equalsIgnoringCase(name, "connection") {
            guard Self.equalsIgnoringCase(bytes[value], "keep-alive") else { return false }
            hasConnection = true
        } else if Self.equalsIgnoringCase(name, "transfer-encoding") || Self.equalsIgnoringCase(name, "upgrade")
            || Self.equalsIgnoringCase(name, "expect")
        {
            return false
        }
        return true
    }

    /// The lines of a head, each without its CRLF; a bare CR or LF ends the reading.
    struct LineReader {
        let bytes: UnsafeRawBufferPointer
        /// Where the next line starts.
        var offset = 0
        /// Whether the head ran past ``WireRequest/maximumHead``, or a line ended in a bare CR or LF.
        var refused = false

        mutating func next() -> Range<Int>? {
            let limit = min(bytes.count, WireRequest.maximumHead)
            var index = offset
            while index < limit {
                let byte = bytes[index]
                if byte == 0x0A {
                    refused = true
                    return nil
                }
                if byte == 0x0D {
                    guard index + 1 < bytes.count else { return nil }
                    guard bytes[index + 1] == 0x0A else {
                        refused = true
                        return nil
                    }
                    defer { offset = index + 2 }
                    return offset..<index
                }
                index += 1
            }
            refused = bytes.count >= WireRequest.maximumHead
            return nil
        }
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A,  // digits, letters
            0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E...0x60, 0x7C, 0x7E:  // ! #$%&' * + - . ^_` | ~
            return true
        default:
            return false
        }
    }

    /// Visible ASCII, space and tab (no obs-text, no control bytes).
    static func isValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte < 0x7F)
    }

    /// RFC 3986 characters of a path and query (`#`, quotes and brackets are the decoder's).
    static func isTargetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A,  // digits, letters
            0x21, 0x24...0x2F, 0x3A, 0x3B, 0x3D, 0x3F, 0x40, 0x5F, 0x7E:  // ! $%&'()*+,-./ : ; = ? @ _ ~
            return true
        default:
            return false
        }
    }

    /// Whether bytes are exactly an ASCII word.
    static func equals(_ bytes: Slice<UnsafeRawBufferPointer>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { letters in zip(bytes, letters).allSatisfy { $0 == $1 } }
    }

    /// Whether bytes spell a lowercase ASCII word, in any case.
    static func equalsIgnoringCase(_ bytes: Slice<UnsafeRawBufferPointer>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        // `| 0x20` lowercases a letter and gives no other byte a letter's value.
        return word.withUTF8Buffer { lower in zip(bytes, lower).allSatisfy { $0 | 0x20 == $1 || $0 == $1 } }
    }
}
