import Foundation
import SamverkanDomain

/// The secret of a subscription feed: 160 random bits as 32 lowercase base32 letters (RFC 4648
/// alphabet), URL-safe. The store keeps only its SHA-256 (``hash``).
public struct FeedToken: Sendable, Hashable {
    /// The token as it appears in `/feeds/<token>.ics`.
    public let text: String

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
    /// Letters in a token (32 × 5 = 160 bits).
    public static let length = 32

    /// A new random token from the system's cryptographic generator.
    public static func random() -> FeedToken {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt8(32)))] }
        return FeedToken(checked: String(letters))
    }

    private init(checked text: String) {
        self.text = text
    }

    /// A token read from a request path; nil unless it has exactly the shape of one.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == Self.length,
            text.utf8.allSatisfy({ (0x61...0x7a).contains($0) || (0x32...0x37).contains($0) })
        else { return nil }
        self.text = String(text)
    }

    /// SHA-256 of the token as 64 lowercase hex digits: what the store keeps.
    public var hash: String { SHA256.hex(text) }

    /// SHA-256 of any text as 64 lowercase hex digits.
    static func sha256Hex(_ text: String) -> String { SHA256.hex(text) }

    /// The first hex digits of the hash: enough to tell feeds apart in a log, useless to an attacker.
    public var logPrefix: String { String(hash.prefix(8)) }

    /// The feed's address under a base URL (`https://kalender.example.se`): `https://…/feeds/<token>.ics`.
    public func httpsURL(base: String) -> String {
        var root = base
        while root.hasSuffix("/") { root.removeLast() }
        return "\(root)/feeds/\(text).ics"
    }

    /// The same address for calendar apps: `webcal://…/feeds/<token>.ics`.
    public func webcalURL(base: String) -> String {
        let url = httpsURL(base: base)
        guard let scheme = url.range(of: "://") else { return "webcal://" + url }
        return "webcal" + url[scheme.lowerBound...]
    }
}
