import Foundation
import SamverkanTestSupport
import Testing

/// `--output` and `--database` pointed at what is no regular file, a damaged database, and
/// command lines with impossible values (issue 13, items 11 and 16).
@Suite("hostile command lines", .serialized)
struct HostileCommandLineTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// The type of the entry at a path itself (a link is not followed).
    static func type(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    @Test("--output follows a symbolic link, writes a device directly, refuses a folder or a pipe nobody reads; nothing is replaced")
    func outputTargets() throws {
        let w = try Workspace()
        let target = try w.write("old\n", "target.json")
        let link = w.folder.path("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let export = try w.run(["minutes", "export", "--output", link])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Self.type(link) == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"schemaVersion\""))
        // A link to a device: the device is written, the link stays.
        let device = w.folder.path("null.json")
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/null")
        #expect(try w.run(["minutes", "export", "--output", device]).status == 0)
        #expect(Self.type(device) == .typeSymbolicLink)
        #expect(Self.type("/dev/null") == .typeCharacterSpecial)
        let folder = w.folder.path("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let refused = try w.run(["minutes", "export", "--output", folder])
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("är en mapp"), "\(refused.stderr)")
        #expect(Self.type(folder) == .typeDirectory)
        let fifo = w.folder.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let unread = try w.run(["minutes", "export", "--output", fifo])
        #expect(unread.status == 5)
        #expect(Self.type(fifo) == .typeUnknown || Self.type(fifo) != .typeRegular)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("A damaged index is noticed when the database is opened and by minutes verify")
    func corruptIndex() throws {
        let w = try Workspace()
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        let swap = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            roots = dict(c.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index'").fetchall())
            c.execute("PRAGMA writable_schema = ON")
            c.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'minutes_structure_date'", (roots['minutes_amends'],))
            c.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'minutes_amends'", (roots['minutes_structure_date'],))
            c.commit()
            """
        #expect(try CLIRunner.runPython(swap, [w.database]).status == 0)
        for arguments in [["minutes", "list"], ["minutes", "verify"], ["report", "compliance", "--period", "2025"]] {
            let result = try w.run(arguments)
            #expect(result.status == 4, "\(arguments)")
            #expect(result.stderr.contains("är skadad"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("Impossible values: --from after --to, an unknown structure, an unknown command")
    func impossibleValues() throws {
        let w = try Workspace()
        let reversed = try w.run(["minutes", "list", "--from", "2025-05-01", "--to", "2025-01-01"])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.contains("--from 2025-05-01 är efter --to 2025-01-01"), "\(reversed.stderr)")
        let unknown = try w.run(["actions", "--structure", "finns-inte"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("strukturen \"finns-inte\" finns inte"), "\(unknown.stderr)")
        let command = try w.run(["frobnicate", "--config", "x"])
        #expect(command.status == 64)
        #expect(command.stderr.contains("`frobnicate` är inget kommando för `samverkan`"), "\(command.stderr)")
        #expect(!command.stderr.contains("--config"))
        let help = try w.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("ÖVERSIKT"))
    }
}
