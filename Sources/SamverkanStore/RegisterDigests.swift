import Foundation
import SamverkanDomain

/// The register digests of the structures last checked, kept per open database: a command that
/// checks the register twice (bring it up to date, then read it with the history) describes each
/// structure once. An entry is reused only for an equal structure of the same region (`==`
/// compares every field, without the reflection describing costs).
final class RegisterDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: (structure: CollaborationStructure, region: String, digest: String)] = [:]

    /// The digest of every structure of a configuration, in configuration order.
    func digests(_ configuration: RegionConfiguration) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let region = configuration.region.id
        return configuration.structures.map { structure in
            if let entry = known[structure.id], entry.region == region, entry.structure == structure { return entry.digest }
            let digest = AppDatabase.registerHash(structure, configuration)
            known[structure.id] = (structure, region, digest)
            return digest
        }
    }
}
