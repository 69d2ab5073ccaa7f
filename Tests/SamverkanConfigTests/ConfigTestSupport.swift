import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanRendering
import SamverkanTestSupport

/// Shared helpers for configuration tests.
enum Fixture {
    /// A fixture file's path.
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    /// The root of the package (for the shipped configurations).
    static var packageRoot: URL {
        CLIRunner.packageRoot
    }

    /// The problems of parsing a YAML text, or an empty list when it is valid.
    static func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.parse(text: yaml, file: "test.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    /// A minimal valid configuration with extra YAML appended to its `structures:` list.
    static func withStructure(_ structure: String) -> String {
        base + structure
    }

    static let base = """
        region:
          id: region-test
          name: Region Test
        municipalities:
          - id: alfa
            name: Alfa kommun
            care-centres:
              - id: vc-alfa
                name: VC Alfa
        people:
          - id: anna
            name: Anna
            organisation: alfa
        defaults:
          starts: 2025-01-01
          time: "13:00"
        structures:

        """
}

/// The words of configuration problems as `samverkan` prints them, from `Templates/<lang>/errors.txt`.
enum ProblemWords {
    static let english = ErrorMessages.load(language: "en")
    static let swedish = ErrorMessages.load(language: "sv")
}

extension ConfigProblem {
    /// The message in English, without the place (`--lang en`).
    var message: String { message(ProblemWords.english.text) }
    /// `FILE:LINE:COLUMN: message` in English.
    var english: String { rendered(ProblemWords.english.text) }
    /// `FILE:LINE:COLUMN: message` in Swedish (the default).
    var swedish: String { rendered(ProblemWords.swedish.text) }
}

extension ConfigError {
    /// Every problem in English, one a line.
    var english: String { problems.map(\.english).joined(separator: "\n") }
}
