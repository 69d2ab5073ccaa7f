import SamverkanDomain
internal import Yams

extension ConfigParser {
    func parseRegion(_ node: Node) -> Organisation? {
        guard let reader = MappingReader(node, what: "config.what-region", diagnostics: diagnostics) else { return nil }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        let email = reader.string("email")
        if let email, !Self.isValidEmail(email) {
            diagnostics.report("config.not-an-email", ["key": "email", "value": email], at: reader.value("email"))
        }
        reader.list("units")?.forEach { parseUnit($0, kind: .regionUnit, municipality: nil) }
        reader.finish()
        guard let id, let name, define(id, namespace: "organisation", at: reader.value("id")) else { return nil }
        var region = Organisation(id: id, name: name, kind: .region)
        region.email = email
        organisations.insert(region, at: 0)
        return region
    }

    func parseMunicipality(_ node: Node) {
        guard let reader = MappingReader(node, what: "config.what-municipality", diagnostics: diagnostics) else { return }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        guard let id, let name, define(id, namespace: "organisation", at: reader.value("id")) else {
            reader.finish(known: ["home-health-care", "care-centres", "units"])
            return
        }
        organisations.append(Organisation(id: id, name: name, kind: .municipality))
        // Home health care: `home-health-care: {id, name}`, or a default unit.
        var hsvID = "\(id)-hemsjukvard"
        var hsvName = "Hemsjukvården \(name)"
        if let hsvNode = reader.value("home-health-care"),
            let hsv = MappingReader(hsvNode, what: "config.what-home-health-care", diagnostics: diagnostics)
        {
            hsvID = hsv.string("id") ?? hsvID
            hsvName = hsv.string("name") ?? hsvName
            hsv.finish()
        }
        if define(hsvID, namespace: "organisation", at: reader.value("home-health-care") ?? reader.value("id")) {
            organisations.append(Organisation(id: hsvID, name: hsvName, kind: .homeHealthCare, municipality: id))
            homeHealthCare[id] = hsvID
        }
        reader.list("care-centres")?.forEach { parseCareCentre($0, municipality: id) }
        reader.list("units")?.forEach { parseUnit($0, kind: .municipalUnit, municipality: id) }
        reader.finish()
    }

    func parseCareCentre(_ node: Node, municipality: String) {
        guard let reader = MappingReader(node, what: "config.what-care-centre", diagnostics: diagnostics) else { return }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        var op = Operator.regional
        switch reader.string("operator")?.lowercased() {
        case nil, "region", "regional", "regionen": op = .regional
        case "private", "privat": op = .privateProvider(reader.string("provider"))
        case let other?:
            diagnostics.report(
                "config.operator", ["value": other, "suggestion": Suggestion.closest(to: other, in: ["region", "private"]) ?? ""],
                at: reader.value("operator"))
        }
        _ = reader.string("provider")
        let illustrative = reader.bool("illustrative") ?? false
        reader.finish()
        guard let id, let name, define(id, namespace: "organisation", at: reader.value("id")) else { return }
        var centre = Organisation(id: id, name: name, kind: .careCentre, municipality: municipality, operator: op)
        centre.illustrative = illustrative
        organisations.append(centre)
        careCentres[municipality, default: []].append(centre)
    }

    func parseUnit(_ node: Node, kind: OrganisationKind, municipality: String?) {
        guard let reader = MappingReader(node, what: "config.what-unit", diagnostics: diagnostics) else { return }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        reader.finish()
        guard let id, let name, define(id, namespace: "organisation", at: reader.value("id")) else { return }
        organisations.append(Organisation(id: id, name: name, kind: kind, municipality: municipality))
    }

    /// `organisations:` entries: other parties with an explicit kind.
    func parseOrganisation(_ node: Node) {
        guard let reader = MappingReader(node, what: "config.what-organisation", diagnostics: diagnostics) else { return }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        var kind = OrganisationKind.other
        if let text = reader.string("kind") {
            if let parsed = OrganisationKind(rawValue: text) {
                kind = parsed
            } else {
                diagnostics.report(
                    "config.organisation-kind",
                    ["value": text, "suggestion": Suggestion.closest(to: text, in: OrganisationKind.allCases.map(\.rawValue)) ?? ""],
                    at: reader.value("kind"))
            }
        }
        let municipality = reader.string("municipality")
        if let municipality { refer(municipality, to: .municipality, at: reader.value("municipality")) }
        reader.finish()
        guard let id, let name, define(id, namespace: "organisation", at: reader.value("id")) else { return }
        organisations.append(Organisation(id: id, name: name, kind: kind, municipality: municipality))
    }

    func parsePerson(_ node: Node) {
        guard let reader = MappingReader(node, what: "config.what-person", diagnostics: diagnostics) else { return }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        let role = reader.string("role")
        let organisation = reader.string("organisation", required: true)
        if let organisation { refer(organisation, to: .organisation, at: reader.value("organisation")) }
        let email = reader.string("email")
        if let email, !Self.isValidEmail(email) {
            diagnostics.report("config.not-an-email", ["key": "email", "value": email], at: reader.value("email"))
        }
        reader.finish()
        guard let id, let name, let organisation, define(id, namespace: "person", at: reader.value("id")) else { return }
        people.append(Person(id: id, name: name, role: role, organisation: organisation, email: email))
    }

    /// A pragmatic check: one `@`, a non-empty local part, a dotted domain, no spaces.
    static func isValidEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }) else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".")
    }
}
