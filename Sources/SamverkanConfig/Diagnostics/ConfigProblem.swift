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
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file order.
    public let problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) { self.problems = problems.sorted() }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
