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
public struct LookupError: Error, Sendable, CustomStringConvertible {
    public let kind: String
    public let ids: [String]
    public let known: [String]

    public init(kind: String, ids: [String], known: [String]) {
        self.kind = kind
        self.ids = ids
        self.known = known
    }

    public var description: String {
        ids.map { id in
            let close = known.filter { $0.hasPrefix(String(id.prefix(3))) || $0.contains(id) || id.contains($0) }.prefix(5)
            let hint = close.isEmpty ? "" : " (did you mean \(close.map { "\"\($0)\"" }.joined(separator: ", "))?)"
            return "unknown \(kind) \"\(id)\"\(hint); `samverkan structures` lists them"
        }.joined(separator: "\n")
    }
}
