/// What the compliance report groups structures by (`--by`).
public enum ComplianceDimension: String, Sendable, Codable, CaseIterable {
    /// Every structure on its own.
    case structure
    /// The municipality a structure belongs to; regional structures form their own group.
    case municipality
    /// The care centre of a single-level structure, with its operator (regional or private).
    case careCentre = "care-centre"
    /// The kind of structure (single, group, RUG, Fredagsgruppen, other).
    case kind
    /// The whole region in one group.
    case region
}

/// A group of the compliance report: its figures, summed over the structures behind it.
public struct ComplianceGroup: Sendable, Hashable {
    /// The municipality, care-centre or structure id, the kind code, or the region's id; empty for
    /// structures outside every group of the dimension (regional structures by municipality,
    /// structures without a care centre by care centre).
    public let key: String
    /// The display name; nil for the group of structures outside the dimension.
    public let name: String?
    /// `regional` or `private` for a care-centre group.
    public let careCentreOperator: String?
    public internal(set) var figures = ComplianceFigures()
    /// The structures behind the figures, in configuration order.
    public internal(set) var structureIDs: [String] = []

    init(key: String, name: String?, careCentreOperator: String? = nil) {
        self.key = key
        self.name = name
        self.careCentreOperator = careCentreOperator
    }
}
