import SamverkanDomain
import Foundation

/// Writes files so that a failed or interrupted command never leaves a partial file behind:
/// the text goes to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    /// - Throws: ``CLIError`` `file.folder-missing` or `file.unwritable` (exit 5).
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw CLIError("file.folder-missing", ["folder": folder.path], category: .io)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw CLIError.unwritable(path, error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw CLIError.unwritable(path, String(cString: strerror(errno)))
        }
    }

    /// Creates a folder (and its parents) for `--output`.
    /// - Throws: ``CLIError`` `file.folder-uncreatable` (exit 5).
    static func createFolder(_ folder: String) throws {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CLIError("file.folder-uncreatable", ["folder": folder, "detail": error.localizedDescription], category: .io)
        }
    }
}
