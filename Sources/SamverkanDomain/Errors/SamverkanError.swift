/// An error a person can act on: a stable code, the values its message is filled with, and the
/// kind of failure, which decides the exit status.
///
/// The domain never words the message. The text of each code lives in `Templates/<language>/errors.txt`
/// (`code: text` with `{name}` placeholders filled from ``values``); the command line reads it and
/// prints `Fel: …` (Swedish) or `Error: …` (English). Codes are kebab-case, grouped by a dot:
/// `config.invalid`, `store.unusable`, `minutes.not-found`, `lookup.unknown-structure`.
public protocol SamverkanError: Error, Sendable {
    /// The stable code: the key of the message in `errors.txt`; never changes once shipped.
    var code: String { get }
    /// The text of each placeholder of the message, e.g. `["id": "12"]`.
    var values: [String: String] { get }
    /// What kind of failure it is; the command line maps it to an exit status.
    var category: ErrorCategory { get }
}

/// The kinds of failure, each with its own documented exit status (README, "Exit codes").
public enum ErrorCategory: String, Sendable, CaseIterable {
    /// A mistake in what the user gave: an option, a configuration, a draft, an id (exit 1).
    case input
    /// The database cannot be opened, read or written (exit 4).
    case store
    /// A file or folder cannot be read or written (exit 5).
    case io
    /// Something that should not happen: a bug or a broken installation (exit 70).
    case `internal`
}

extension SamverkanError {
    /// Most errors are mistakes the user can fix.
    public var category: ErrorCategory { .input }

    /// `code` and values, for logs and test failures (the user reads the message from `errors.txt`).
    public var debugSummary: String {
        values.isEmpty ? code : code + " " + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
