/// The embedded engine of the one store API: every requirement is met by ``AppDatabase``'s
/// synchronous method of the same name (a synchronous method meets an `async` requirement).
extension AppDatabase: MeetingStore {
    /// `SQLite`.
    public var engineName: String { "SQLite" }

    /// Nothing to close: SQLite's connections end with the process (or the last reference).
    public func close() async {}
}
