/// Where `samverkan serve` reads its feeds: the embedded store's file, or a shared store.
public enum FeedStoreSource: Sendable {
    /// The embedded SQLite file, watched for being removed or replaced (see ``StoreHandle``).
    case file(StoreHandle)
    /// A shared PostgreSQL database, through a pool of connections.
    case shared(StorePool)
}
