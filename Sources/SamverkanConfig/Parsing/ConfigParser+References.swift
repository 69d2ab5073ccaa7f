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
            let whereTo: String
            switch reference.target {
            case .organisation:
                candidates = organisationIDs
                whereTo = "add it under `region.units`, `municipalities` or `organisations`"
            case .person:
                candidates = personIDs
                whereTo = "add it under `people`"
            case .municipality:
                candidates = municipalityIDs
                whereTo = "add it under `municipalities`"
            case .careCentre:
                candidates = centreIDs
                whereTo = "add it under a municipality's `care-centres`"
            }
            if !candidates.contains(reference.id) {
                diagnostics.report(
                    "unknown \(reference.target.rawValue) \"\(reference.id)\"\(Suggestion.hint(for: reference.id, in: candidates)); \(whereTo)",
                    at: reference.node)
            }
        }
    }
}
