/// Markdown output that is safe to render as HTML: `&`, `<` and `>` become entities, so a
/// stored `<script>` or `<img onerror=…>` shows as text in any Markdown viewer instead of
/// becoming markup. (Markdown renders `&lt;` as `<`, so the text reads the same.)
public enum MarkdownEscaping {
    /// The text with `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;`.
    public static func escapedHTML(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The text of ``escapedHTML(_:)`` as it was: `&lt;`, `&gt;` and `&amp;` back to `<`, `>`, `&`.
    public static func unescapedHTML(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            if let entity = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")].first(where: { rest.hasPrefix($0.0) }) {
                result += entity.1
                rest = rest.dropFirst(entity.0.count)
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
