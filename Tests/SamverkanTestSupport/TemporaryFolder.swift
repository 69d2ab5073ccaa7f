public import Foundation

/// A new, empty folder under the system's temporary directory, removed with everything in it when
/// the last reference to it goes away.
///
/// Keep it in a stored property of a suite (a new suite value is made for each test) or in a local
/// `let`; the folder lives as long as that does:
///
/// ```swift
/// let folder = try TemporaryFolder("export")
/// let path = folder.path("out.ics")
/// ```
public final class TemporaryFolder: Sendable {
    /// The folder itself.
    public let url: URL

    /// Makes the folder; `label` becomes part of its name, to tell the folders of suites apart.
    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-\(label)-\(Self.uniqueName())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A random name without digits (a UUID's digits as letters): `samverkan` never repeats
    /// anything that looks like an identity number, so a path in its output with a run of
    /// digits such as `999-0265` would be shown masked and a test comparing it would fail.
    public static func uniqueName() -> String {
        String(UUID().uuidString.map { $0.isNumber ? Character(UnicodeScalar(UInt8(ascii: "g") + UInt8(String($0))!)) : $0 })
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The folder's path.
    public var path: String { url.path }

    /// The URL of an entry in the folder (which need not exist); `name` may hold subfolders.
    public func url(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// The path of an entry in the folder (which need not exist); `name` may hold subfolders.
    public func path(_ name: String) -> String {
        url(name).path
    }

    /// Writes UTF-8 text to a file in the folder, making its subfolders, and returns the file's path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let file = url(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Writes an executable shell script to the folder and returns its path.
    @discardableResult
    public func writeScript(_ text: String, to name: String) throws -> String {
        let path = try write(text, to: name)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}
