import SamverkanDomain

extension ConfigParser {
    /// Reports every reference to an organisation, person, municipality or care centre that is
    /// not defined anywhere in the file.
    func checkReferences() {
        let organisationIDs = organisations.map(\.id)
        let personIDs = people.map(\.id)
        let municipalityIDs = municipalities.map(\.id)
        let centreIDs = careCentres.values.flatMap { $0.map(\.id) }
        for reference in references {
            let candidates: [String]
            switch reference.target {
            case .organisation:
                candidates = organisationIDs
            case .person:
                candidates = personIDs
            case .municipality:
                candidates = municipalityIDs
            case .careCentre:
                candidates = centreIDs
            }
            if !candidates.contains(reference.id) {
                diagnostics.report(
                    "config.unknown-\(reference.target.rawValue)",
                    ["id": reference.id, "suggestion": Suggestion.closest(to: reference.id, in: candidates) ?? ""],
                    at: reference.node)
            }
        }
    }
}
