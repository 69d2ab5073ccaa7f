import Foundation

/// Who holds SQLite's write lock on a database in WAL mode, seen from outside the process.
///
/// In WAL mode a connection holds the WAL write lock from the start of a write transaction to its
/// commit or rollback, and only then. SQLite's Unix VFS takes it as a POSIX advisory lock on byte
/// 120 of the `-shm` file (the first of the eight WAL locks that start at offset 120), so another
/// process can ask the kernel about it with `fcntl(F_GETLK)` without taking any lock itself.
public enum SQLiteWriteLock {
    /// The offset in the `-shm` file of `WAL_WRITE_LOCK` (sqlite3 `wal.c`: `WALINDEX_LOCK_OFFSET`).
    static let offset = 120

    /// The process id of the process inside a write transaction on the database at `path`, or nil
    /// when none is (or the database has no `-shm` file yet). The calling process's own locks
    /// are never reported.
    public static func holder(ofDatabaseAt path: String) -> Int32? {
        let descriptor = open(path + "-shm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(offset)
        lock.l_len = 1
        guard fcntl(descriptor, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        return lock.l_pid
    }
}
