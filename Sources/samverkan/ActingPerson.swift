import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering

/// `--as PERSON` (or `SAMVERKAN_AS`): the configured person a command's writes are recorded as
/// done by in the audit log. Matched as `minutes approve --by` matches: by id or name (case and
/// spacing ignored), and also by e-mail address.
struct ActingPerson: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            HelpWords.text("global.as") + " " + HelpWords.text("global.as.more"),
            valueName: HelpWords.value("person")))
    var person: String?

    /// What was given for this run (``text(option:)`` of `--as`).
    var text: String? { Self.text(option: person) }

    /// The environment variable read when `--as` is not given.
    static let environmentKey = "SAMVERKAN_AS"

    /// The text given: `--as`, else `SAMVERKAN_AS`; nil when neither is (or is empty).
    static func text(option: String?) -> String? {
        let text = option ?? ProcessInfo.processInfo.environment[environmentKey]
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }

    /// The id of the configured person `text` names.
    /// - Throws: `ValidationError` (exit 64) `usage.as-unknown(-close)` naming the closest
    ///   configured names; ``CLIError`` `minutes.privacy` for an identity number, never echoed.
    static func id(_ text: String, in configuration: RegionConfiguration, phrases: Phrasebook) throws -> String {
        if IdentityNumberGuard.containsNumber(text) { throw CLIError("minutes.privacy", ["option": "--as"]) }
        let wanted = text.trimmingCharacters(in: .whitespaces)
        if let person = configuration.findPerson(wanted)
            ?? configuration.people.first(where: { $0.email?.lowercased() == wanted.lowercased() })
        {
            return person.id
        }
        let close = RegionConfiguration.closest(to: wanted, among: configuration.people)
        if close.isEmpty { throw ValidationError.localized("usage.as-unknown", ["name": wanted]) }
        throw ValidationError.localized(
            "usage.as-unknown-close", ["name": wanted, "close": phrases.alternatives(close.map { "\"\($0)\"" })])
    }
}
