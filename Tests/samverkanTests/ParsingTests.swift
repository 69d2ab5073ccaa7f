import ArgumentParser
import Testing

@testable import samverkan

/// In-process parsing of the command line (as swift-argument-parser's own tests do).
@Suite("Command-line parsing")
struct ParsingTests {
    @Test("Global options are on every command")
    func global() throws {
        let command = try Samverkan.parseAsRoot(["validate", "--config", "a.yaml", "--database", "b.sqlite", "--lang", "en"])
        let validate = try #require(command as? Samverkan.ValidateCommand)
        #expect(validate.global.config == "a.yaml")
        #expect(validate.global.database == "b.sqlite")
        #expect(validate.global.lang == .en)
        let structures = try #require(try Samverkan.parseAsRoot(["structures", "--config", "c.yaml"]) as? Samverkan.StructuresCommand)
        #expect(structures.global.config == "c.yaml")
        #expect(structures.format == .table)
        #expect(structures.global.lang == .sv)
    }

    @Test(
        "Formats, languages and options are checked, each refusal with its own message",
        arguments: [
            (
                ["structures", "--format", "xml"],
                "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table' and 'json'."
            ),
            (["validate", "--lang", "fi"], "The value 'fi' is invalid for '--lang <språk>'. Please provide one of 'sv' and 'en'."),
            (["validate", "--colour"], "Unknown option '--colour'"),
            (["structures", "--format"], "Missing value for '--format <format>'"),
        ])
    func checked(arguments: [String], message: String) {
        let refusal = Self.refusal(arguments)
        #expect(refusal?.contains(message) == true, "\(arguments): \(refusal ?? "parsed without an error")")
    }

    /// The message swift-argument-parser prints for a command line it refuses, or nil when it parses.
    static func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Samverkan.parseAsRoot(arguments)
            return nil
        } catch {
            return Samverkan.message(for: error)
        }
    }
}
