import Foundation
import SamverkanDomain
internal import Yams

/// A reference from one part of the configuration to another, kept with its position so a
/// missing target can be reported where it was written.
struct Reference {
    enum Target: String {
        case organisation, person, municipality
        case careCentre = "care-centre"
    }
    let id: String
    let target: Target
    let node: Node?
}

/// The state of reading one configuration document: what has been defined, where, and what
/// refers to what. References are checked once everything is read, so order in the file does
/// not matter.
final class ConfigParser {
    let diagnostics: Diagnostics
    var organisations: [Organisation] = []
    var people: [Person] = []
    var structures: [CollaborationStructure] = []
    var references: [Reference] = []
    /// Where each id was first defined, per namespace, for duplicate reports.
    private var definitions: [String: [String: Mark?]] = [:]
    /// Care centres per municipality, in configuration order.
    var careCentres: [String: [Organisation]] = [:]
    /// Home health care unit per municipality.
    var homeHealthCare: [String: String] = [:]
    /// Fields every structure inherits.
    var defaults = StructureFields()
    /// The focus areas of the region's plan (`focus-areas:` at the top).
    var focusAreaDefinitions: [FocusAreaDefinition] = []

    init(file: String) { diagnostics = Diagnostics(file: file) }

    static let topLevelKeys = [
        "region", "focus-areas", "municipalities", "organisations", "people", "defaults", "structures", "generate", "mail",
    ]

    /// Reads the whole document; nil when it cannot be turned into a configuration.
    func parseDocument(_ node: Node) -> RegionConfiguration? {
        guard let root = MappingReader(node, what: "config.what-configuration", diagnostics: diagnostics) else { return nil }
        let region = root.value("region").flatMap(parseRegion)
        if region == nil, !root.has("region") { root.missing("region") }
        root.list("municipalities")?.forEach(parseMunicipality)
        root.list("organisations")?.forEach(parseOrganisation)
        root.list("people")?.forEach(parsePerson)
        root.list("focus-areas")?.forEach(parseFocusAreaDefinition)
        if let node = root.value("defaults") { defaults = parseFields(node, what: "config.what-defaults", scope: .defaults) }
        root.list("structures")?.forEach(parseStructure)
        if let node = root.value("generate") { parseGenerate(node) }
        let mail = root.value("mail").map(parseMail) ?? MailSettings()
        root.finish()
        checkReferences()
        guard let region else { return nil }
        var configuration = RegionConfiguration(
            region: region, organisations: organisations, people: people,
            structures: structures, focusAreas: focusAreaDefinitions)
        configuration.mail = mail
        return configuration
    }

    /// Records an id in a namespace, reporting a duplicate. Returns false for a duplicate or a bad id.
    @discardableResult
    func define(_ id: String, namespace: String, at node: Node?) -> Bool {
        guard Self.isValidID(id) else {
            diagnostics.report("config.bad-id", ["id": id], at: node)
            return false
        }
        if let first = definitions[namespace]?[id] {
            diagnostics.report(
                "config.duplicate-id", ["what": "config.what-id-\(namespace)", "id": id, "line": first.map { "\($0.line)" } ?? ""], at: node
            )
            return false
        }
        definitions[namespace, default: [:]][id] = node?.mark
        return true
    }

    func isDefined(_ id: String, namespace: String) -> Bool { definitions[namespace]?[id] != nil }

    func refer(_ id: String, to target: Reference.Target, at node: Node?) {
        references.append(Reference(id: id, target: target, node: node))
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !id.hasPrefix("-")
    }

    /// Turns a name into an id: `Vårdcentralen Öster` → `vardcentralen-oster`.
    static func slug(_ text: String) -> String {
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: Locale(identifier: "sv_SE"))
        var result = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}
