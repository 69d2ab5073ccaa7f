import Foundation
public import SamverkanDomain

/// The register digests of the structures last checked, kept per open database: a command that
/// checks the register twice (bring it up to date, then read it with the history) describes each
/// structure once. An entry is reused only for an equal structure of the same region (`==`
/// compares every field, without the reflection describing costs).
public final class RegisterDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: (structure: CollaborationStructure, region: String, digest: String)] = [:]
    /// Distinct lists of holiday periods and breaks, described (``RegisterDigest/describe(_:)``).
    private var holidayTexts: [[HolidayPeriod]: String] = [:]
    private var breakTexts: [[Break]: String] = [:]

    /// An empty cache.
    public init() {}

    /// The digest of every structure of a configuration, in configuration order.
    public func digests(_ configuration: RegionConfiguration) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let region = configuration.region.id
        return configuration.structures.map { structure in
            if let entry = known[structure.id], entry.region == region, entry.structure == structure { return entry.digest }
            let digest = RegisterDigest(
                structure, region: region, holidayPeriods: text(of: structure.holidayPeriods, in: &holidayTexts),
                breaks: text(of: structure.breaks, in: &breakTexts)
            ).text
            known[structure.id] = (structure, region, digest)
            return digest
        }
    }

    /// A list described, from `texts` when it was described before.
    private func text<Element: Hashable>(of list: [Element], in texts: inout [[Element]: String]) -> String {
        if let text = texts[list] { return text }
        let text = RegisterDigest.describe(list)
        texts[list] = text
        return text
    }
}
