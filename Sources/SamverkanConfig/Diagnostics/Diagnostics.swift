import SamverkanDomain
internal import Yams

/// Collects every problem found while reading one file, so all can be reported at once.
final class Diagnostics {
    let file: String
    private(set) var problems: [ConfigProblem] = []

    init(file: String) { self.file = file }

    /// Records a problem at a node's position (or the whole file when it has none).
    func report(_ message: String, at node: Node?) {
        report(message, at: node?.mark)
    }

    /// Records a problem at a position.
    func report(_ message: String, at mark: Mark?) {
        problems.append(ConfigProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    var isEmpty: Bool { problems.isEmpty }
}

/// Ranks names by how close they are to a misspelt one, for "did you mean" hints.
enum Suggestion {
    /// The closest candidate within a small edit distance, if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let lowered = word.lowercased()
        var best: (name: String, score: Int)?
        for candidate in candidates.sorted() {
            let score = distance(lowered, candidate.lowercased())
            if score <= limit, score < (best?.score ?? Int.max) { best = (candidate, score) }
        }
        return best?.name
    }

    /// " (did you mean `x`?)" or an empty string.
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        EditDistance.between(a, b)
    }
}
