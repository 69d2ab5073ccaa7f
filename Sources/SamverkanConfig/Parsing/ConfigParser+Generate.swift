import Foundation
import SamverkanDomain
internal import Yams

extension ConfigParser {
    /// `generate:` — one single-level structure per care centre and/or one group-level structure
    /// per municipality, with shared fields and per-id overrides.
    func parseGenerate(_ node: Node) {
        guard let reader = MappingReader(node, what: "config.what-generate", diagnostics: diagnostics) else { return }
        if let single = reader.value("single") { generate(single, kind: .single) }
        if let group = reader.value("group") { generate(group, kind: .group) }
        reader.finish()
    }

    static let generatorKeys = ["municipalities", "exclude", "id", "name", "overrides"]

    private func generate(_ node: Node, kind: StructureKind) {
        let what = kind == .single ? "config.what-generate-single" : "config.what-generate-group"
        guard let reader = MappingReader(node, what: what, diagnostics: diagnostics) else { return }
        // Which municipalities: `all` (the default) or a list.
        var chosen = municipalities.map(\.id)
        if let list = reader.strings("municipalities"), !(list.count == 1 && list[0].0 == "all") {
            chosen = []
            for (id, node) in list {
                if municipalities.contains(where: { $0.id == id }) {
                    chosen.append(id)
                } else {
                    diagnostics.report(
                        "config.generate-unknown-municipality",
                        reader.context(["id": id, "suggestion": Suggestion.closest(to: id, in: municipalities.map(\.id)) ?? ""]), at: node)
                }
            }
        }
        let excluded = Set((reader.strings("exclude") ?? []).map(\.0))
        let idPattern = reader.string("id") ?? (kind == .single ? "single-{care-centre}" : "group-{municipality}")
        let namePattern =
            reader.string("name") ?? (kind == .single ? "{care-centre-name} – {home-health-care-name}" : "{municipality-name}")
        var overrides: [String: (StructureFields, Node)] = [:]
        if let overridesNode = reader.value("overrides"), case .mapping(let mapping) = overridesNode {
            for (key, value) in mapping {
                let id = key.string ?? ""
                let fields = parseFields(value, what: "config.what-override", scope: .generator, whatID: id)
                overrides[id] = (fields, key)
            }
        } else if let overridesNode = reader.value("overrides") {
            diagnostics.report(kind == .single ? "config.overrides-single" : "config.overrides-group", at: overridesNode)
        }
        let shared = parseFields(node, what: what, scope: .generator, extraKeys: Self.generatorKeys, reader: reader)
        for key in FieldScope.structureOnly where reader.has(key) && !Self.generatorKeys.contains(key) {
            diagnostics.report("config.derived-key", reader.context(["key": key]), at: reader.keyNode(key))
        }
        reader.finish(known: FieldScope.structureOnly)
        var used: Set<String> = []
        for municipalityID in chosen where !excluded.contains(municipalityID) {
            guard let municipality = organisations.first(where: { $0.id == municipalityID }) else { continue }
            let hsv = homeHealthCare[municipalityID].flatMap { id in organisations.first { $0.id == id } }
            let units = kind == .single ? (careCentres[municipalityID] ?? []) : [municipality]
            for unit in units where !excluded.contains(unit.id) {
                var fields = defaults.overlaid(by: shared)
                fields.kind = kind
                fields.municipality = municipalityID
                if kind == .single { fields.careCentre = unit.id }
                let values = [
                    "municipality": municipalityID, "municipality-name": municipality.name,
                    "care-centre": unit.id, "care-centre-name": unit.name,
                    "home-health-care": hsv?.id ?? "", "home-health-care-name": hsv?.name ?? "",
                ]
                fields.name = Self.fill(namePattern, values)
                if let (override, _) = overrides[unit.id] {
                    fields = fields.overlaid(by: override)
                    used.insert(unit.id)
                }
                build(id: Self.fill(idPattern, values), idNode: reader.value("id") ?? node, fields: fields, generated: true)
            }
        }
        for (id, (_, keyNode)) in overrides where !used.contains(id) {
            let candidates = kind == .single ? careCentres.values.flatMap { $0.map(\.id) } : municipalities.map(\.id)
            diagnostics.report(
                kind == .single ? "config.override-no-centre" : "config.override-no-municipality",
                ["id": id, "suggestion": Suggestion.closest(to: id, in: candidates) ?? ""],
                at: keyNode)
        }
    }

    var municipalities: [Organisation] { organisations.filter { $0.kind == .municipality } }

    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        var result = pattern
        // Longest names first, so {care-centre-name} is not read as {care-centre} + "-name}".
        for (key, value) in values.sorted(by: { $0.key.count > $1.key.count }) {
            result = result.replacingOccurrences(of: "{\(key)}", with: value)
        }
        return result
    }
}
