public import ArgumentParser
public import SamverkanDomain
import SamverkanRendering
public import SamverkanReports
public import SamverkanTime

/// A typed value of the command line, parsed once by the argument parser.
///
/// The parser's own failure for an `ExpressibleByArgument` value (`init?(argument:)`) names only
/// the option; these types also say what is expected. Options declare them with `transform: T.parse`, so a bad value
/// is refused during parsing with `The value 'x' is invalid for '--option <name>': <why>` (exit 64).
protocol ArgumentValue: ExpressibleByArgument {
    /// The value, or an error saying what is expected.
    static func parse(_ text: String) throws(ArgumentValueError) -> Self
}

/// Why a value of the command line is not one; the parser appends its description to its message,
/// in the language of the command line (`Templates/<lang>/errors.txt`, `usage.*`).
struct ArgumentValueError: Error, CustomStringConvertible {
    let description: String

    init(_ code: String) {
        description = ErrorMessages.load(language: Language.current.rawValue).text(code)
    }
}

extension LocalDate: ExpressibleByArgument, ArgumentValue {
    static func parse(_ text: String) throws(ArgumentValueError) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw ArgumentValueError("usage.date")
        }
        return date
    }

    public init?(argument: String) { self.init(iso: argument) }

    public var defaultValueDescription: String { iso }
}

extension ReportPeriod: ExpressibleByArgument, ArgumentValue {
    static func parse(_ text: String) throws(ArgumentValueError) -> ReportPeriod {
        guard let period = ReportPeriod(parsing: text) else {
            throw ArgumentValueError("usage.period")
        }
        return period
    }

    public init?(argument: String) { self.init(parsing: argument) }

    public var defaultValueDescription: String { label }
}

extension ComplianceDimension: ExpressibleByArgument {}
