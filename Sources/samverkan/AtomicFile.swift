import Foundation

/// Writes files so that a failed or interrupted command never leaves a partial file behind:
/// the text goes to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw UserError("the folder \(folder.path) does not exist; create it or choose another --output")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw UserError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as UserError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw UserError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
