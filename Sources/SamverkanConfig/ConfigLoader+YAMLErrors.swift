internal import Yams

extension ConfigLoader {
    /// One problem for a YAML syntax error, at its position: libyaml's mark, the duplicate
    /// key itself (not the first use of it, and never the whole file as context), or the
    /// position of a control character.
    static func yamlProblem(_ error: any Error, file: String) -> ConfigProblem {
        guard let yamlError = error as? YamlError else {
            return ConfigProblem(file: file, line: 0, column: 0, code: "config.not-yaml", values: ["detail": "\(error)"])
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return ConfigProblem(
                file: file, line: mark.line, column: mark.column, code: "config.yaml-syntax",
                values: ["detail": problem, "context": context?.text ?? "", "contextline": context.map { "\($0.mark.line)" } ?? ""])
        case .reader(let problem, let offset, let value, let yaml):
            let (line, column) = offset.map { position(ofCharacter: $0, in: yaml) } ?? (0, 0)
            let character = value > 0 ? " (U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)))" : ""
            return ConfigProblem(
                file: file, line: line, column: column, code: "config.yaml-character", values: ["detail": problem + character])
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let (line, column) = duplicatePosition(of: key, firstAt: context.mark, in: context.text)
            return ConfigProblem(
                file: file, line: line, column: column, code: "config.duplicate-key", values: ["key": key, "line": "\(context.mark.line)"])
        default:
            return ConfigProblem(file: file, line: 0, column: 0, code: "config.not-yaml", values: ["detail": "\(yamlError)"])
        }
    }

    /// The 1-based line and column of the character at `offset` (in characters).
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Where a key is given a second time in the block mapping whose first use of it is at
    /// `first`: the next line at the same column that starts with the key, before the mapping
    /// ends (a line indented less). The first use when it cannot be found (a flow mapping).
    static func duplicatePosition(of key: String, firstAt first: Mark, in text: String) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return (first.line, first.column) }
        for index in first.line..<lines.count {
            let line = Array(lines[index])
            guard let start = line.firstIndex(where: { $0 != " " }), line[start] != "#" else { continue }
            if start + 1 < first.column { break }
            guard start + 1 == first.column else { continue }
            let rest = String(line[start...])
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).first == ":" { return (index + 1, first.column) }
            }
        }
        return (first.line, first.column)
    }
}

extension String {
    /// The text with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
