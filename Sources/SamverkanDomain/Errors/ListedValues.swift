/// An error whose message lists things that each need words of their own (a date marked
/// "inställt"): the parts of such a placeholder are codes of `errors.txt` with their values,
/// rendered in the message's language and joined with ", ".
public protocol ListedValues: SamverkanError {
    /// The parts of each listed placeholder, in order; ``SamverkanError/values`` keeps a plain
    /// text of the same placeholder for logs.
    var listedValues: [String: [ErrorPart]] { get }
}

/// One part of a listed placeholder: a code of `errors.txt` and its values.
public struct ErrorPart: Sendable, Hashable {
    public let code: String
    public let values: [String: String]

    public init(_ code: String, _ values: [String: String]) {
        self.code = code
        self.values = values
    }
}
