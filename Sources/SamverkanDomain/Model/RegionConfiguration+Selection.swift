extension RegionConfiguration {
    /// The structures an organisation takes part in: as a member, or — for a municipality or the
    /// region — through one of its units (care centres, home health care, other units).
    public func structures(involving organisationID: String) -> [CollaborationStructure] {
        var ids: Set<String> = [organisationID]
        if let organisation = organisation(organisationID) {
            switch organisation.kind {
            case .municipality:
                ids.formUnion(organisations.filter { $0.municipality == organisationID }.map(\.id))
            case .region:
                ids.formUnion(organisations.filter { $0.principal == .region }.map(\.id))
            default: break
            }
        }
        return structures.filter { structure in
            structure.members.contains(where: ids.contains) || structure.municipality.map(ids.contains) == true
        }
    }

    /// The structures a person (by e-mail, case-insensitive) takes part in, chairs or writes minutes for.
    public func structures(forEmail email: String) -> [CollaborationStructure] {
        let wanted = email.lowercased()
        guard let person = people.first(where: { $0.email?.lowercased() == wanted }) else { return [] }
        return structures.filter { structure in
            structure.chair == person.id || structure.secretary == person.id
                || participants(of: structure).contains { $0.id == person.id }
        }
    }
}
