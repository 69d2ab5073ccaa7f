public import Foundation
public import SamverkanDomain
internal import Yams

/// Reads a region's YAML configuration into a checked ``RegionConfiguration``.
///
/// Every problem in the file is collected and reported at once, each with its line and column;
/// a file that is not YAML, is empty, or is not UTF-8 gets one clear message.
public enum ConfigLoader {
    /// Reads and checks a configuration file.
    /// - Parameter path: the file, as the user named it (used in messages).
    /// - Throws: ``ConfigError`` with every problem found.
    public static func load(path: String) throws(ConfigError) -> RegionConfiguration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(problems: [
                ConfigProblem(file: path, line: 0, column: 0, code: "config.no-such-file")
            ])
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(problems: [
                ConfigProblem(file: path, line: 0, column: 0, code: isDirectory.boolValue ? "config.is-folder" : "config.unreadable")
            ])
        }
        return try parse(data: data, file: path)
    }

    /// Checks configuration bytes.
    /// - Parameters:
    ///   - data: the file's bytes; they must be UTF-8.
    ///   - file: the name used in messages.
    public static func parse(data: Data, file: String) throws(ConfigError) -> RegionConfiguration {
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidUTF8Line(data)
            throw ConfigError(problems: [
                ConfigProblem(file: file, line: line, column: line > 0 ? 1 : 0, code: "config.not-utf8")
            ])
        }
        return try parse(text: text, file: file)
    }

    /// Checks configuration text.
    public static func parse(text: String, file: String) throws(ConfigError) -> RegionConfiguration {
        let stripped = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let node: Node?
        do {
            node = try Yams.compose(yaml: stripped)
        } catch {
            throw ConfigError(problems: [yamlProblem(error, file: file)])
        }
        guard let node else {
            throw ConfigError(problems: [
                ConfigProblem(file: file, line: 0, column: 0, code: "config.empty-file")
            ])
        }
        let parser = ConfigParser(file: file)
        let configuration = parser.parseDocument(node)
        guard parser.diagnostics.isEmpty, let configuration else {
            throw ConfigError(problems: parser.diagnostics.problems)
        }
        return configuration
    }

    /// The line of the first byte sequence that is not UTF-8 (1-based), or 0 if it cannot be found.
    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return 0
    }
}
