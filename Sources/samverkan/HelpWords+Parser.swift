import Foundation
import SamverkanRendering

extension HelpWords {
    /// The command line to parse: a leading `--lang X` moved behind the command's words
    /// (``languageAfterCommand(_:)``), and `samverkan help PATH` without its `--lang X` (or
    /// `--lang=X`), which the parser's help command would refuse although the help's language was
    /// read from it.
    static func parsedArguments(_ arguments: [String]) -> [String] {
        let arguments = languageAfterCommand(arguments)
        guard arguments.first == "help" else { return arguments }
        var kept: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.endIndex {
                index += 2
                continue
            }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
            index += 1
        }
        return kept
    }

    /// `samverkan --lang en minutes pending` as `samverkan minutes pending --lang en`: a
    /// `--lang X` (or `--lang=X`) before the command is moved behind the command's words (its
    /// subcommands and leading arguments), where the command's option takes it. Before no
    /// command at all (`samverkan --lang en --help`) it is dropped: the help's language was read
    /// from it already.
    static func languageAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            if arguments[index] == "--lang", index + 1 < arguments.endIndex {
                leading += arguments[index...(index + 1)]
                index += 2
            } else if arguments[index].hasPrefix("--lang=") {
                leading.append(arguments[index])
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        let rest = Array(arguments[index...])
        let words = rest.prefix { !$0.hasPrefix("-") }
        guard !words.isEmpty else { return rest }
        return Array(words) + leading + rest.dropFirst(words.count)
    }

    /// The argument parser's own words in a help page (`OVERVIEW:`, `USAGE:`, `OPTIONS:`,
    /// `Show help information.`, `(default: …)` …) in the help's language, from the `parser.*`
    /// keys of `help.txt`; everything else of the page is left as it is.
    ///
    /// A word is replaced where the parser put it, so the parser's line breaks stay: the
    /// replacements are no longer than the words they replace. The usage, which the parser
    /// writes on one line however long, is wrapped at `width` under its heading.
    static func translatedPage(_ page: String, width: Int = HelpWords.width) -> String {
        var lines: [String] = []
        var usageIndent: String?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let indent = usageIndent, line.hasPrefix("       ") {
                lines += wrappedUsage(indent + line.dropFirst(7), indent: indent.count, width: width)
                continue
            }
            usageIndent = nil
            let translated = translatedLine(line, usageIndent: &usageIndent)
            if let indent = usageIndent {
                lines += wrappedUsage(translated, indent: indent.count, width: width)
            } else {
                lines.append(translated)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The terminal's width as the parser reads it from `COLUMNS`, else 80.
    static var width: Int {
        ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 >= 40 ? $0 : nil } ?? 80
    }

    /// A usage line broken between its parts (`[--from <date>]`, `--structure <structure>`, …)
    /// so that no line is wider than `width`; the lines after the first are indented by `indent`.
    static func wrappedUsage(_ line: String, indent: Int, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in line {
            if character == "[" || character == "<" { depth += 1 }
            if character == "]" || character == ">" { depth -= 1 }
            if character == " ", depth == 0 {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(current) }
        // An option's value and a repetition stay with the option: `--file <path>`, `<words> ...`.
        var joined: [String] = []
        for part in parts {
            if let last = joined.last, part.hasPrefix("<") && last.hasPrefix("-") || part == "..." {
                joined[joined.count - 1] = last + " " + part
            } else {
                joined.append(part)
            }
        }
        var lines: [String] = []
        var line = ""
        for part in joined {
            if line.isEmpty {
                line = (lines.isEmpty ? "" : String(repeating: " ", count: indent)) + part
            } else if line.count + 1 + part.count <= width || line.count <= indent {
                line += " " + part
            } else {
                lines.append(line)
                line = String(repeating: " ", count: indent) + part
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func translatedLine(_ line: String, usageIndent: inout String?) -> String {
        let headings = [
            "OVERVIEW:": "parser.overview", "ARGUMENTS:": "parser.arguments", "OPTIONS:": "parser.options",
            "SUBCOMMANDS:": "parser.subcommands",
        ]
        if let key = headings[line] { return text(key) + ":" }
        if line.hasPrefix("OVERVIEW: ") { return text("parser.overview") + ": " + line.dropFirst("OVERVIEW: ".count) }
        if line.hasPrefix("USAGE: ") {
            let heading = text("parser.usage") + ": "
            usageIndent = String(repeating: " ", count: heading.count)
            return heading
                + line.dropFirst("USAGE: ".count)
                .replacingOccurrences(of: "<subcommand>", with: "<\(text("parser.subcommand"))>")
                .replacingOccurrences(of: "[<options>]", with: "[<\(text("parser.options-placeholder"))>]")
        }
        if let match = line.wholeMatch(of: /\ \ See '(.+) <subcommand>' for detailed help\./) {
            return "  " + phrases.text("parser.see-help", ["command": String(match.1)])
        }
        var result = line
        for (english, key) in [
            ("Show help information.", "parser.help-flag"), ("Show the version.", "parser.version-flag"),
            ("Show subcommand help information.", "parser.help-command"),
        ] where result.hasSuffix(english) {
            result = result.dropLast(english.count) + text(key)
        }
        for (english, key) in [("(values:", "parser.values"), ("(default:", "parser.default"), ("; default:", "parser.default")] {
            let prefix = english.hasPrefix("(") ? "(" : "; "
            result = result.replacingOccurrences(of: english, with: prefix + text(key) + ":")
        }
        return result
    }
}
