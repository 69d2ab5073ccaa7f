public import SamverkanStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's way to the database file: the open store while its file is the same, a 503
/// while the file is gone, and a fresh connection once a (new or restored) file is back.
///
/// SQLite keeps reading a deleted or replaced file through its open descriptors; checking the
/// path's inode at each request makes the server notice and recover by itself.
public struct StoreHandle: Sendable {
    /// The store is not there: its file is missing (or cannot be opened).
    public struct Unavailable: Error {}

    public let path: String
    private var database: AppDatabase?
    private var inode: UInt64?
    /// Rises each time the file is opened anew, so nothing cached from another file is reused.
    public private(set) var generation = 0

    /// A handle on an open database and the file it was opened from.
    public init(path: String, database: AppDatabase) {
        self.path = path
        self.database = database
        self.inode = Self.inode(of: path)
    }

    /// The database to use now.
    /// - Throws: ``Unavailable`` when the file is missing or cannot be opened.
    public mutating func current() throws -> AppDatabase {
        guard let now = Self.inode(of: path) else {
            database = nil
            throw Unavailable()
        }
        if let database, now == inode { return database }
        do {
            let reopened = try AppDatabase.open(path: path)
            database = reopened
            inode = now
            generation += 1
            return reopened
        } catch {
            database = nil
            throw Unavailable()
        }
    }

    /// The file's inode (one `stat(2)`, cheap enough for every request), nil when it is missing.
    static func inode(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }
}
