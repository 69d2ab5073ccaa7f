public import SamverkanTime

extension RegionConfiguration {
    /// The calendar `UID` of a structure's series: derived from its stable id and the region's,
    /// so it is identical in every export, invitation and update.
    ///
    /// A structure that meets on explicit dates has no rule: each dated meeting is its own event,
    /// with a UID from the structure and the planned date.
    public func calendarUID(of structure: CollaborationStructure, plannedDate: LocalDate? = nil) -> String {
        if case .dates = structure.frequency, let plannedDate {
            let compact = plannedDate.iso.filter { $0 != "-" }
            return "\(structure.id)-\(compact).\(region.id)@samverkan"
        }
        return "\(structure.id).\(region.id)@samverkan"
    }

    /// The calendar `UID` of an extra meeting (outside the decided frequency): its own event,
    /// derived from the structure and its date.
    public func calendarUID(ofExtraMeetingOf structure: CollaborationStructure, on date: LocalDate) -> String {
        "\(structure.id)-extra-\(date.iso.filter { $0 != "-" }).\(region.id)@samverkan"
    }

    /// Structures by id, reporting every unknown id with the closest known one.
    /// - Throws: ``LookupError`` naming the unknown ids.
    public func structures(withIDs ids: [String]) throws(LookupError) -> [CollaborationStructure] {
        var found: [CollaborationStructure] = []
        var unknown: [String] = []
        for id in ids {
            if let structure = structure(id) { found.append(structure) } else { unknown.append(id) }
        }
        guard unknown.isEmpty else {
            throw LookupError(kind: "structure", ids: unknown, known: structures.map(\.id))
        }
        return found
    }
}

/// An id given on the command line that the configuration does not have.
///
/// Its code is `lookup.unknown-<kind>`, or `lookup.unknown-<kind>-close` when some known ids look
/// like the unknown ones (`{close}` names them).
public struct LookupError: SamverkanError, Equatable {
    /// What was looked up: `structure` or `organisation`.
    public let kind: String
    /// The ids not found.
    public let ids: [String]
    /// Every id of that kind.
    public let known: [String]

    public init(kind: String, ids: [String], known: [String]) {
        self.kind = kind
        self.ids = ids
        self.known = known
    }

    /// Known ids that look like an unknown one (same start, or one contains the other), at most five.
    public var close: [String] {
        let matches = known.filter { known in
            ids.contains { id in known.hasPrefix(String(id.prefix(3))) || known.contains(id) || id.contains(known) }
        }
        return Array(matches.prefix(5))
    }

    public var code: String { close.isEmpty ? "lookup.unknown-\(kind)" : "lookup.unknown-\(kind)-close" }

    public var values: [String: String] {
        func quoted(_ list: [String]) -> String { list.map { "\"\($0)\"" }.joined(separator: ", ") }
        return ["ids": quoted(ids), "close": quoted(close)]
    }
}
