import SamverkanDomain

/// The documented exit statuses of `samverkan` (README, "Exit codes"), in one place.
enum ExitStatus: Int32, CaseIterable {
    /// Done.
    case success = 0
    /// A mistake in the input: an option's value, the configuration, a draft, an id; or
    /// `minutes verify` found changed minutes.
    case invalidInput = 1
    /// `report compliance --fail-under`: the compliance is below the limit.
    case belowLimit = 3
    /// The database cannot be opened, read or written.
    case store = 4
    /// A file or folder cannot be read or written.
    case io = 5
    /// The command line is wrong: unknown option, bad value, missing argument (swift-argument-parser's EX_USAGE).
    case usage = 64
    /// Something unexpected: a bug or a broken installation. The message says what, never a stack trace.
    case `internal` = 70

    /// The status of an error of a category.
    init(_ category: ErrorCategory) {
        switch category {
        case .input: self = .invalidInput
        case .store: self = .store
        case .io: self = .io
        case .internal: self = .internal
        }
    }
}
