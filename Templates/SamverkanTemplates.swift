public import Foundation

/// The words users read — calendar titles, frequencies in words, minutes, reports — per language.
///
/// Each language is a folder (`sv/`, `en/`) of plain files that can be edited without touching
/// code: `phrases.yaml`-style `key: text` lines in `phrases.txt`, and whole-document templates.
public enum Templates {
    /// The languages that ship. Swedish is the default.
    public static let languages = ["sv", "en"]

    /// The folder of one language's templates.
    /// - Throws: ``TemplateError`` when the language does not exist or the installation lacks its templates.
    public static func directory(language: String) throws -> URL {
        try directory(language: language, in: resourceFolder)
    }

    /// The folder of one language's templates inside a resource folder (`nil`: none was found).
    static func directory(language: String, in resourceFolder: URL?) throws -> URL {
        guard languages.contains(language) else {
            throw TemplateError("template.unknown-language", ["language": language, "languages": languages.joined(separator: ", ")])
        }
        guard let bundle = resourceFolder else {
            throw TemplateError("template.bundle-missing", ["folder": "\(bundleName).resources", "program": Bundle.main.bundleURL.path])
        }
        let url = bundle.appendingPathComponent(language, isDirectory: true)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TemplateError("template.language-missing", ["language": language])
        }
        return url
    }

    /// The name SwiftPM gives this target's resource bundle.
    static let bundleName = "Samverkan_SamverkanTemplates"

    /// The folder holding `sv/`, `en/`: the resource bundle next to the program (or inside an app
    /// bundle), else the source folder of a development build. Never a crash when it is missing,
    /// unlike SwiftPM's generated `Bundle.module`.
    static let resourceFolder: URL? = {
        let fileManager = FileManager.default
        var places = [Bundle.main.bundleURL, Bundle.main.resourceURL].compactMap { $0 }
        if let program = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            places.append(program)
        }
        for place in places {
            for suffix in [".resources", ".bundle", ".bundle/Contents/Resources"] {
                let candidate = place.appendingPathComponent(bundleName + suffix, isDirectory: true)
                if fileManager.fileExists(atPath: candidate.appendingPathComponent(languages[0]).path) { return candidate }
            }
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return fileManager.fileExists(atPath: sources.appendingPathComponent(languages[0]).path) ? sources : nil
    }()

    /// The text of a template file, e.g. `phrases.txt`.
    public static func text(_ name: String, language: String) throws -> String {
        let url = try directory(language: language).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw TemplateError("template.missing", ["name": "\(language)/\(name)"])
        }
        return text
    }

    /// The `key: text` phrases of a language, from `phrases.txt` (lines starting with `#` are comments).
    public static func phrases(language: String) throws -> [String: String] {
        try entries(of: "phrases.txt", language: language)
    }

    /// The error messages of a language, from `errors.txt`: error code → text with `{name}` placeholders.
    public static func errors(language: String) throws -> [String: String] {
        try entries(of: "errors.txt", language: language)
    }

    /// The help texts of a language, from `help.txt`: key → text (a discussion may span lines).
    public static func help(language: String) throws -> [String: String] {
        try entries(of: "help.txt", language: language)
    }

    /// The `key: text` lines of a file (lines starting with `#` are comments).
    ///
    /// A text of several lines is written `key: |` followed by its lines, each indented by two
    /// spaces; blank lines among them belong to the text, and the first line not indented ends it.
    static func entries(of name: String, language: String) throws -> [String: String] {
        entries(in: try text(name, language: language))
    }

    /// The `key: text` entries of a file's text (see ``entries(of:language:)``).
    static func entries(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        var block: (key: String, lines: [Substring])?
        func close() {
            guard let open = block else { return }
            var lines = open.lines
            while lines.last?.isEmpty == true { lines.removeLast() }
            result[open.key] = lines.joined(separator: "\n")
            block = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if block != nil {
                if line.hasPrefix("  ") {
                    block?.lines.append(line.dropFirst(2))
                    continue
                }
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    block?.lines.append("")
                    continue
                }
                close()
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value == "|" {
                block = (key, [])
            } else {
                result[key] = value
            }
        }
        close()
        return result
    }
}

/// A template that is missing or a language that does not exist.
///
/// `code` is the key of its message in `errors.txt` (`template.missing`, …) and `values` fill it;
/// the rendering layer makes it a `SamverkanError` (this target depends on nothing).
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let values: [String: String]

    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    /// The code and values, for when `errors.txt` itself cannot be read.
    public var description: String {
        code + " " + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
