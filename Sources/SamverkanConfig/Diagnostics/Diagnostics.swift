import SamverkanDomain
internal import Yams

/// Collects every problem found while reading one file, so all can be reported at once.
final class Diagnostics {
    let file: String
    private(set) var problems: [ConfigProblem] = []

    init(file: String) { self.file = file }

    /// Records a problem (its code in `errors.txt` and values) at a node's position, or the
    /// whole file when it has none.
    func report(_ code: String, _ values: [String: String] = [:], at node: Node?) {
        let mark = node?.mark
        problems.append(ConfigProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, code: code, values: values))
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

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        EditDistance.between(a, b)
    }
}
