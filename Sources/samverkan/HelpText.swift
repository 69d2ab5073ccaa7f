/// The help texts as the terminal shows them.
///
/// A help discussion is written in the source wrapped at about 100 columns, and the argument parser
/// wraps it again at the terminal's width: a line break kept from the source would cut a
/// sentence in the middle of the terminal's line. ``reflowed(_:)`` joins the lines of each
/// paragraph, so the parser alone decides where a line ends.
enum HelpText {
    /// The text with the lines of each paragraph joined by a space.
    ///
    /// Blank lines separate paragraphs and stay. A line that starts with a space (an indented
    /// example) or with `- ` (a list item), and the line after one that ends with `:` (a heading
    /// such as `Examples:`), begin a line of their own; so does the line after an indented one.
    static func reflowed(_ text: String) -> String {
        var lines: [String] = []
        var joinable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let own = line.isEmpty || line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("- ")
            if joinable, !own, let last = lines.popLast() {
                lines.append(last + " " + line)
            } else {
                lines.append(String(line))
            }
            joinable = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("\t") && !line.hasSuffix(":")
        }
        return lines.joined(separator: "\n")
    }
}
