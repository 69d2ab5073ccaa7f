public import SamverkanDomain

/// One problem in a configuration file, with the place it was found.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file as the user named it.
    public let file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based column; 0 when the problem concerns the whole file.
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message` (or `FILE: message` for the whole file), as compilers print.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    public static func < (lhs: ConfigProblem, rhs: ConfigProblem) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// A configuration that could not be used, with every problem found in it.
///
/// `config.invalid` / `config.invalid-one` (problems found; `{count}` and `{file}`) is printed after its problems, one
/// `FILE:LINE:COLUMN: message` line each; `config.missing` and `config.missing-shipped` (no
/// configuration given; `{file}` and `{shipped}`) have no problems of their own.
public struct ConfigError: SamverkanError, CustomStringConvertible {
    /// Every problem, in file order.
    public let problems: [ConfigProblem]
    public let code: String
    public let values: [String: String]

    /// Problems found in a configuration file.
    public init(problems: [ConfigProblem]) {
        self.problems = problems.sorted()
        code = problems.count == 1 ? "config.invalid-one" : "config.invalid"
        values = ["count": String(problems.count), "file": problems.first?.file ?? ""]
    }

    /// No configuration given, and none in the usual place; `shipped` lists those that ship.
    public static func missing(file: String, shipped: [String]) -> ConfigError {
        ConfigError(
            code: shipped.isEmpty ? "config.missing" : "config.missing-shipped",
            values: ["file": file, "shipped": shipped.joined(separator: ", ")])
    }

    private init(code: String, values: [String: String]) {
        problems = []
        self.code = code
        self.values = values
    }

    public var description: String { problems.isEmpty ? debugSummary : problems.map(\.description).joined(separator: "\n") }
}
