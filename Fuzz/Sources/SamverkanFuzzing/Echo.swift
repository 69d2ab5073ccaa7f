import Foundation
import SamverkanDomain
import SamverkanRendering

/// The echo check: a message, as the CLI prints it (redacted by ``IdentityNumberGuard``), may hold
/// neither a planted identity number, checked literally, nor any number the guard finds.
enum Echo {
    /// The first message that repeats a number, as a finding.
    static func check(_ messages: [String], surface: String) -> FuzzFinding? {
        let printed = messages.map { IdentityNumberGuard.redacted($0) }
        if let planted = planted(in: printed) { return FuzzFinding(.echoedNumber, "\(surface): planted number #\(planted) in a message") }
        if printed.contains(where: { IdentityNumberGuard.containsNumber($0) }) {
            return FuzzFinding(.echoedNumber, "\(surface): a message holds an identity number")
        }
        return nil
    }

    /// The index of the first planted number found literally in any of the texts (the one split by
    /// a comment only counts where comments are not removed: it is no number until they are).
    /// - Parameter bounded: count only an occurrence that touches no other digit (stored text is
    ///   checked strictly, so `919121212-12125` is no number there; in a message it is).
    static func planted(in texts: [String], bounded: Bool = false) -> Int? {
        for (index, number) in FuzzMutator.plantedNumbers.enumerated()
        where !number.contains("<") && texts.contains(where: { contains($0, number, bounded: bounded) }) {
            return index
        }
        return nil
    }

    /// `errors.txt` in Swedish, loaded once.
    static let messages = ErrorMessages.load(language: "sv")

    static func contains(_ text: String, _ number: String, bounded: Bool) -> Bool {
        guard bounded else { return text.contains(number) }
        var from = text.startIndex
        while let range = text[from...].range(of: number) {
            let before = text[..<range.lowerBound].unicodeScalars.last(where: { !isInvisible($0) })
            let after = text[range.upperBound...].unicodeScalars.first(where: { !isInvisible($0) })
            if before.map({ $0.properties.numericType == nil }) ?? true, after.map({ $0.properties.numericType == nil }) ?? true {
                return true
            }
            from = range.upperBound
        }
        return false
    }

    /// What the guard skips when it reads digits: format characters and combining marks.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        [.format, .nonspacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
    }

    /// The Swedish message of an error, as `Fel:` prints it.
    static func message(_ error: any Error) -> String {
        if let error = error as? any SamverkanError { return messages.message(for: error) }
        return String(describing: error)
    }
}
