public import SamverkanDomain

/// One problem in a configuration file, with the place it was found.
///
/// Its words are in `Templates/<lang>/errors.txt` under its ``code`` (`config.*`), filled with its
/// ``values``; a value named `what` is itself a code (`config.what-*`, the words naming the part of
/// the file), filled with the same values. ``rendered(_:)`` puts them together.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file as the user named it.
    public let file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based column; 0 when the problem concerns the whole file.
    public let column: Int
    /// The message's code in `errors.txt`, e.g. `config.missing-key`.
    public let code: String
    /// The values of the message's placeholders.
    public let values: [String: String]

    public init(file: String, line: Int, column: Int, code: String, values: [String: String] = [:]) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.values = values
    }

    /// `FILE:LINE:COLUMN: message` (or `FILE: message` for the whole file), as compilers print,
    /// the message made by `text` (a code and its values to words, from `errors.txt`).
    public func rendered(_ text: (String, [String: String]) -> String) -> String {
        let message = message(text)
        return line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    /// The message alone, made by `text` (see ``rendered(_:)``).
    public func message(_ text: (String, [String: String]) -> String) -> String {
        var filled = values
        if let what = values["what"], !what.isEmpty { filled["what"] = text(what, values) }
        return text(code, filled)
    }

    /// The place, the code and the values (the words are in `errors.txt`, see ``rendered(_:)``).
    public var description: String {
        rendered { code, values in ([code] + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    public static func < (lhs: ConfigProblem, rhs: ConfigProblem) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.code, lhs.values.sorted { $0.key < $1.key }.description)
            < (rhs.file, rhs.line, rhs.column, rhs.code, rhs.values.sorted { $0.key < $1.key }.description)
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
