#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat(2)` says of the database file and its write-ahead log: inode, size and modification
/// time of each. Every commit appends to the WAL (or rewrites it after a checkpoint), so while the
/// fingerprint is unchanged nothing was written and what the server read last still holds — two
/// system calls instead of a read transaction per request. (The server re-reads at least once a
/// second anyway, for writes within one clock tick that leave size and time unchanged.)
struct StoreFingerprint: Equatable {
    var database: [Int64]
    var log: [Int64]

    init(path: String) {
        database = Self.status(of: path)
        log = Self.status(of: path + "-wal")
    }

    static func status(of path: String) -> [Int64] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return [Int64(info.st_ino), Int64(info.st_size), Int64(time.tv_sec), Int64(time.tv_nsec)]
    }
}
