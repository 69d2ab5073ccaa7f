import SamverkanDomain

/// A failure the command line itself finds: a file it cannot write, an option that does not fit
/// the configuration, a meeting that is not planned. Its message is in `Templates/*/errors.txt`.
struct CLIError: SamverkanError {
    let code: String
    let values: [String: String]
    let category: ErrorCategory

    init(_ code: String, _ values: [String: String] = [:], category: ErrorCategory = .input) {
        self.code = code
        self.values = values
        self.category = category
    }

    /// A file or folder the command could not write (exit 5).
    static func unwritable(_ path: String, _ detail: String) -> CLIError {
        CLIError("file.unwritable", ["path": path, "detail": detail], category: .io)
    }

    /// A file the command could not read (exit 5).
    static func unreadable(_ path: String) -> CLIError {
        CLIError("file.unreadable", ["path": path], category: .io)
    }
}
