import Foundation
import SamverkanDomain

/// Writes files so that a failed or interrupted command never leaves a partial file behind:
/// the text goes to a temporary file in the same folder, which is then renamed over the target.
///
/// Only a regular file or a new path is replaced that way. A symbolic link is followed (its
/// target is written, the link stays); a pipe or a character device (`/dev/stdout`,
/// `/dev/null`) is written directly, never replaced by a file; a folder, socket or block
/// device is refused.
enum AtomicFile {
    /// How many symbolic links in a row are followed before the path is refused as a loop.
    static let maximumLinks = 16

    /// - Throws: ``CLIError`` `file.folder-missing`, `file.is-folder`, `file.special`,
    ///   `file.link-loop` or `file.unwritable` (exit 5).
    static func write(_ text: String, to path: String) throws {
        let target = try resolvedTarget(path)
        var info = stat()
        if lstat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw CLIError("file.is-folder", ["path": path], category: .io)
            case S_IFIFO, S_IFCHR: return try writeDirectly(text, to: target, shownAs: path)
            default: throw CLIError("file.special", ["path": path], category: .io)
            }
        }
        let url = URL(fileURLWithPath: target)
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

    /// The path after following symbolic links (relative targets against the link's folder).
    static func resolvedTarget(_ path: String) throws -> String {
        var current = path
        for _ in 0...maximumLinks {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current =
                destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        throw CLIError("file.link-loop", ["path": path], category: .io)
    }

    /// Writes to a pipe or device as it is. A pipe nobody reads from is refused at once
    /// instead of waiting.
    static func writeDirectly(_ text: String, to target: String, shownAs path: String) throws {
        let descriptor = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let detail = errno == ENXIO ? "no program reads from the pipe" : String(cString: strerror(errno))
            throw CLIError.unwritable(path, detail)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw CLIError.unwritable(path, error.localizedDescription)
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
