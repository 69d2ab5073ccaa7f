import Foundation

/// Generated inputs that keep a format's structure and put hostile text where people type:
/// a line in a draft section, a name or place in the configuration, a text in an import.
/// Mutations alone mostly break the structure; these reach the checks behind it.
struct FuzzGenerator {
    static let words = ["RUG", "ställer", "sig", "bakom", "rutinen", "Ärende", "ö", "a|b", "§ 2", "#1", "(roll)", ":", "x"]
    static let linePrefixes = [
        "- ", "- [x] ", "- [ ] ", "  ", "### ", "Plats: ", "Justerare: ", "- #1 | status: klar | kommentar: ",
        "- [x] Socialchef Halmstad | ersättare: ", "- Åtgärd | ansvarig: socialchef-halmstad | klart: 2025-04-30 ",
        "- Sprida | ansvarig: ", "- Sprida | ansvarig: socialchef-halmstad | klart: ", "Tid: ", "Datum: ",
        "- #2 | status: klar | kommentar: ",
        "- #3 Sprida rutinen 3 (ansvarig: Socialchef Halmstad, struken i rättelse #9 av #7) | kommentar: ",
        "- §1 ", "- #1 ",
    ]
    static let sections = [
        "## Närvaro\n", "## Stående punkter\n", "## Uppföljning av åtgärder\n", "## Övriga punkter\n", "## Beslut\n", "## Nya åtgärder\n",
        "Plats:",
    ]

    /// Hostile free text: words, format tokens, planted numbers and random characters of any plane.
    static func text(_ random: inout FuzzMutator.Random) -> String {
        var result = ""
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: result += words.randomElement(using: &random)!
            case 1: result += FuzzMutator.tokens.randomElement(using: &random)!
            case 2: result += FuzzMutator.plantedNumbers.randomElement(using: &random)!
            case 3:
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x2FF, 0x2000...0x206F, 0xFE00...0xFFFF, 0x1F300...0x1F6FF]
                let range = ranges.randomElement(using: &random)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { result.unicodeScalars.append(scalar) }
            default: result += " "
            }
        }
        return result
    }

    /// A draft: the base draft with one hostile line in one section.
    static func draft(base: String, _ random: inout FuzzMutator.Random) -> [UInt8] {
        let line = linePrefixes.randomElement(using: &random)! + text(&random)
        let section = sections.randomElement(using: &random)!
        guard let range = base.range(of: section) else { return Array(base.utf8) }
        let insert = section.hasSuffix("\n") ? section + line + "\n" : line + "\n" + section
        return Array(base.replacingCharacters(in: range, with: insert).utf8)
    }

    /// A configuration: the seed with a place or a name replaced by hostile text (YAML escapes).
    static func config(seed: [UInt8], _ random: inout FuzzMutator.Random) -> [UInt8] {
        let yaml = String(decoding: seed, as: UTF8.self)
        let quoted = String(decoding: (try? JSONEncoder().encode(text(&random))) ?? Data("\"\"".utf8), as: UTF8.self)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let candidates = lines.indices.filter {
            lines[$0].contains("name: ") || lines[$0].contains("place: ") || lines[$0].contains("title: ")
        }
        guard let index = candidates.randomElement(using: &random), let colon = lines[index].firstIndex(of: ":") else { return seed }
        var changed = lines.map(String.init)
        changed[index] = String(lines[index][...colon]) + " " + quoted
        return Array(changed.joined(separator: "\n").utf8)
    }
}
