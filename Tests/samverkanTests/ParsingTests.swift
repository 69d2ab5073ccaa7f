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

    @Test("Formats and languages are checked")
    func checked() {
        #expect(throws: (any Error).self) { try Samverkan.parseAsRoot(["structures", "--format", "xml"]) }
        #expect(throws: (any Error).self) { try Samverkan.parseAsRoot(["validate", "--lang", "fi"]) }
    }
}
