import Mustache
import SamverkanTemplates

/// One template from `Templates/`, compiled once by the one template engine (mustache).
///
/// `{{name}}` inserts a value, `{{#name}}…{{/name}}` shows its text only when the value is there
/// (not missing, not empty), `{{^name}}…{{/name}}` only when it is not. Rendering is one pass: a
/// value that itself contains `{x}` or `{{x}}` is inserted as it is and never expanded again.
///
/// Whether inserted text is escaped depends on the ``TemplateFormat``: an HTML template escapes
/// every `{{value}}` (`{{{value}}}` inserts HTML the program produced itself); text and Markdown
/// templates insert values unchanged.
public struct TextTemplate: Sendable {
    /// Where the template comes from, e.g. `sv/invitation.txt`, for error messages.
    public let name: String
    /// How inserted values are written.
    public let format: TemplateFormat
    /// The template's own text.
    public let text: String
    private let compiled: MustacheTemplate

    /// Compiles a template.
    /// - Parameters:
    ///   - text: the template, in mustache syntax.
    ///   - name: where it comes from (`sv/invitation.txt`), named in errors.
    ///   - format: how values are inserted; text unless the template is HTML.
    /// - Throws: ``TemplateError`` naming the template, the line and the column of a syntax error.
    public init(_ text: String, name: String = "template", format: TemplateFormat = .text) throws {
        self.name = name
        self.format = format
        self.text = text
        do {
            compiled = try MustacheTemplate(string: format.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = error.context.columnNumber - (line == 1 ? format.pragma.count : 0)
            throw TemplateError(
                "template.syntax",
                [
                    "name": name, "line": String(line), "column": String(max(column, 1)),
                    "problem": Self.explain(error.error), "text": error.context.line.trimmed,
                ])
        } catch {
            throw TemplateError("template.unreadable", ["name": name])
        }
    }

    /// The text with the values filled in. An empty value counts as missing, so
    /// `{{#video}}Video: {{video}}{{/video}}` leaves no dangling label.
    public func render(_ values: [String: String]) -> String {
        trimmed(compiled.render(Values(values)))
    }

    /// The text rendered from any mustache context: a dictionary of strings, booleans, nested
    /// dictionaries and arrays (sections repeat once per element). Unlike ``render(_:)``, an empty
    /// string is a value here (mustache's own rule); leave a key out to make a section false.
    public func render(context: [String: Any]) -> String {
        trimmed(compiled.render(context))
    }

    /// A phrase: the rendered text as it is (phrases are one line).
    func renderPhrase(_ values: [String: String]) -> String { compiled.render(Values(values)) }

    /// A text template's text ends at its last line; other formats are kept as rendered.
    private func trimmed(_ rendered: String) -> String {
        guard format == .text else { return rendered }
        var end = rendered.endIndex
        while end > rendered.startIndex, rendered[rendered.index(before: end)] == "\n" { end = rendered.index(before: end) }
        return String(rendered[..<end])
    }

    /// Text values as mustache sees them: an empty value is false in a section, like a missing one.
    /// (Handing mustache ready-made text also spares it a `String(describing:)` per value.)
    private struct Values: MustacheParent {
        let values: [String: String]
        init(_ values: [String: String]) { self.values = values }
        func child(named name: String) -> Any? { values[name].map(Value.init) }
    }

    private struct Value: MustacheCustomRenderable {
        let renderText: String
        var isNull: Bool { renderText.isEmpty }
    }

    private static func explain(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a {{/…}} closes a different section than the last {{#…}}"
        case .unfinishedName: "a {{ without a closing }}, or a name with characters other than a–z, 0–9, - and _"
        case .expectedSectionEnd: "a {{#…}} or {{^…}} section is never closed with {{/…}}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "an unknown {{%…}} setting"
        default: "\(error)"
        }
    }
}

/// How a template's inserted values are written: the content type of the mustache template.
public enum TemplateFormat: Sendable, Hashable {
    /// Plain text (e-mails, calendar descriptions, phrases): values as they are; the text ends at
    /// its last line (blank lines at the end of the file are left out).
    case text
    /// Markdown (minutes): values as they are; the text is kept exactly, up to the last newline.
    case markdown
    /// HTML: every `{{value}}` is HTML-escaped; `{{{value}}}` is only for HTML the program made.
    case html

    /// The format of a file in `Templates/`, by its extension.
    public init(fileName: String) {
        if fileName.hasSuffix(".html") {
            self = .html
        } else if fileName.hasSuffix(".md") {
            self = .markdown
        } else {
            self = .text
        }
    }

    /// The mustache pragma choosing the content type (mustache escapes for HTML by default).
    var pragma: String { self == .html ? "" : "{{%CONTENT_TYPE: TEXT}}" }
}
