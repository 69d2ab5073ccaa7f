import SamverkanTemplates

/// The templates of one language, from `Templates/<lang>/`, compiled by the one template engine.
///
/// Every text, e-mail, Markdown and HTML file there is a mustache template; the format (and with
/// it whether values are HTML-escaped) follows the file's extension (``TemplateFormat``). Load
/// a template once and keep the ``TextTemplate``: it is compiled when it is loaded.
///
/// ```swift
/// let library = try TemplateLibrary(language: "sv")
/// let invitation = try library.template("invitation.txt")
/// let text = invitation.render(["name": "RUG", "video": ""])
/// ```
public struct TemplateLibrary: Sendable {
    /// The language code, e.g. `sv`.
    public let language: String

    /// The templates of a language.
    /// - Throws: ``TemplateError`` naming the language when it does not exist or its templates
    ///   are missing from the installation, and what to do about it.
    public init(language: String) throws {
        _ = try Templates.directory(language: language)
        self.language = language
    }

    /// A template file, compiled, e.g. `invitation.txt`, `minutes.md`, `minutes.html`.
    /// - Throws: ``TemplateError`` when the file is missing (naming the file and language) or has
    ///   a syntax error (naming the file, line and column).
    public func template(_ fileName: String) throws -> TextTemplate {
        try TextTemplate(try source(fileName), name: "\(language)/\(fileName)", format: TemplateFormat(fileName: fileName))
    }

    /// The text of a template file as it is, not compiled (for files with a part of their own,
    /// like the words before `<!DOCTYPE html>` in `compliance.html`).
    public func source(_ fileName: String) throws -> String {
        try Templates.text(fileName, language: language)
    }

    /// The short phrases of the language (`phrases.txt`), each compiled once.
    /// - Throws: ``TemplateError`` when the file is missing or a phrase has a syntax error
    ///   (naming the key).
    public func phrasebook() throws -> Phrasebook {
        try Phrasebook(checking: try Templates.phrases(language: language), language: language, file: "phrases.txt")
    }
}
