public import Foundation

/// The words users read — calendar titles, frequencies in words, minutes, reports — per language.
///
/// Each language is a folder (`sv/`, `en/`) of plain files that can be edited without touching
/// code: `phrases.yaml`-style `key: text` lines in `phrases.txt`, and whole-document templates.
public enum Templates {
    /// The languages that ship. Swedish is the default.
    public static let languages = ["sv", "en"]

    /// The folder of one language's templates.
    /// - Throws: ``TemplateError`` when the language does not exist.
    public static func directory(language: String) throws -> URL {
        guard languages.contains(language) else {
            throw TemplateError("unknown language \"\(language)\"; use one of: \(languages.joined(separator: ", "))")
        }
        guard let url = Bundle.module.url(forResource: language, withExtension: nil) else {
            throw TemplateError("the templates for \"\(language)\" are missing from the installation")
        }
        return url
    }

    /// The text of a template file, e.g. `phrases.txt`.
    public static func text(_ name: String, language: String) throws -> String {
        let url = try directory(language: language).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw TemplateError("the template \(language)/\(name) is missing or not UTF-8")
        }
        return text
    }

    /// The `key: text` phrases of a language, from `phrases.txt` (lines starting with `#` are comments).
    public static func phrases(language: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try text("phrases.txt", language: language).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            result[key] = value
        }
        return result
    }
}

/// A template that is missing or a language that does not exist.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
