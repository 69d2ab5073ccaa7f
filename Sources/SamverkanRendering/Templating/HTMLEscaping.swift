import Mustache

/// The one HTML escaper of the code base: mustache's, the same that escapes `{{value}}` in HTML
/// templates. For the pieces of HTML the program builds itself (table rows, SVG) before they go
/// into a template as `{{{value}}}`.
public enum HTMLEscaping {
    /// `{{.}}` in an HTML template: the text with `&`, `<`, `>`, `"` and `'` written as entities.
    private static let escaper: MustacheTemplate = {
        do { return try MustacheTemplate(string: "{{.}}") } catch { preconditionFailure("{{.}} is a valid template: \(error)") }
    }()

    /// Text safe in HTML and XML content and attribute values (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`).
    public static func escaped(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else { return text }
        return escaper.render(text)
    }
}
