import Foundation
import SamverkanDomain
import SamverkanTime
internal import Yams

/// Reads one YAML mapping key by key, reporting wrong types and, at the end, unknown keys with a
/// "did you mean" hint.
final class MappingReader {
    let node: Node
    /// The code of the words naming the mapping in messages (`config.what-*`).
    let what: String
    /// The id the words of ``what`` name, if any (`{{owner}}`).
    let owner: String?
    let diagnostics: Diagnostics
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    /// Nil (and a problem reported) when the node is not a mapping.
    init?(_ node: Node, what: String, owner: String? = nil, diagnostics: Diagnostics) {
        guard case .mapping(let mapping) = node else {
            diagnostics.report("config.not-a-mapping", ["what": what, "owner": owner ?? ""], at: node)
            return nil
        }
        self.node = node
        self.what = what
        self.owner = owner
        self.diagnostics = diagnostics
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
    }

    /// The value node of a key, marking the key as known.
    func value(_ key: String) -> Node? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    /// Whether the mapping has a key (without marking it as known).
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// Reports a missing required key at the mapping.
    func missing(_ key: String) {
        diagnostics.report("config.missing-key", context(["key": key]), at: node)
    }

    /// A string value; numbers and booleans are read as their text.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            diagnostics.report("config.not-text", ["key": key], at: node)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.isEmpty, required {
            diagnostics.report("config.empty", ["key": key], at: node)
            return nil
        }
        return text.isEmpty ? nil : text
    }

    /// An integer in a range.
    func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            diagnostics.report(
                "config.not-a-number", ["key": key, "low": "\(range.lowerBound)", "high": "\(range.upperBound)", "value": text],
                at: value(key))
            return nil
        }
        return number
    }

    /// A boolean (`true`/`false`, `yes`/`no`).
    func bool(_ key: String) -> Bool? {
        guard let text = string(key)?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "ja": return true
        case "false", "no", "nej": return false
        default:
            diagnostics.report("config.not-a-bool", ["key": key, "value": text], at: value(key))
            return nil
        }
    }

    /// A date `YYYY-MM-DD`.
    func date(_ key: String, required: Bool = false) -> LocalDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = LocalDate(iso: text) else {
            diagnostics.report("config.not-a-date", ["key": key, "value": text], at: value(key))
            return nil
        }
        return date
    }

    /// The items of a list; a single scalar counts as a list of one.
    func list(_ key: String) -> [Node]? {
        guard let node = value(key) else { return nil }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where ["", "~", "null"].contains(scalar.string): return []
        case .scalar: return [node]
        default:
            diagnostics.report("config.not-a-list", ["key": key], at: node)
            return nil
        }
    }

    /// A list of strings with their nodes.
    func strings(_ key: String) -> [(String, Node)]? {
        guard let items = list(key) else { return nil }
        var result: [(String, Node)] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                diagnostics.report("config.item-not-text", ["key": key], at: item)
                continue
            }
            result.append((scalar.string, item))
        }
        return result
    }

    /// The values of a message about this mapping: `values` with the mapping's `what` and `owner`.
    func context(_ values: [String: String]) -> [String: String] {
        values.merging(["what": what, "owner": owner ?? ""]) { _, mapping in mapping }
    }

    /// The key node of a key, for reporting at the key rather than the value.
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    /// Reports every key that was never asked for, with the closest known key as a hint.
    /// - Returns: the known keys suggested for misspelt ones, so a caller need not also report
    ///   them as missing.
    @discardableResult
    func finish(known extra: [String] = []) -> Set<String> {
        let known = Array(used) + extra
        var suggested: Set<String> = []
        for pair in pairs where !used.contains(pair.key) && !extra.contains(pair.key) {
            let suggestion = Suggestion.closest(to: pair.key, in: known)
            if let suggestion { suggested.insert(suggestion) }
            diagnostics.report(
                "config.unknown-key", context(["key": pair.key, "suggestion": suggestion ?? ""]), at: pair.keyNode)
        }
        return suggested
    }
}
