import ArgumentParser
import SamverkanRendering

extension ValidationError {
    /// A mistake on the command line in the user's language: the text of `code` in
    /// `Templates/<lang>/errors.txt` (`usage.*`), which the argument parser prints with the usage.
    static func localized(_ code: String, _ values: [String: String] = [:]) -> ValidationError {
        ValidationError(ErrorMessages.load(language: Language.current.rawValue).text(code, values))
    }
}
