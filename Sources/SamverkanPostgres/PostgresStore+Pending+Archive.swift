public import SamverkanDomain
public import SamverkanStore

// Scaffold while the PostgreSQL engine is built (group C): replaced by the real operations.
extension PostgresStore {
    public func sequence(uid: String, structureID: String, contentHash: String, bump: Bool) async throws -> Int {
        throw StoreError("store.internal", ["what": "sequence is not built on PostgreSQL yet"])
    }
    public func createFeed(tokenHash: String, selectionKind: String, selectionValue: String) async throws -> Int64 {
        throw StoreError("store.internal", ["what": "createFeed is not built on PostgreSQL yet"])
    }
    public func feeds() async throws -> [SubscriptionFeed] {
        throw StoreError("store.internal", ["what": "feeds is not built on PostgreSQL yet"])
    }
    public func activeFeed(tokenHash: String) async throws -> SubscriptionFeed? {
        throw StoreError("store.internal", ["what": "activeFeed is not built on PostgreSQL yet"])
    }
    public func revokeFeed(id: Int64) async throws -> Bool {
        throw StoreError("store.internal", ["what": "revokeFeed is not built on PostgreSQL yet"])
    }
    public func claimMail(_ candidates: [MailSending], now: String, staleBefore: String) async throws -> [MailSending] {
        throw StoreError("store.internal", ["what": "claimMail is not built on PostgreSQL yet"])
    }
    public func finishMail(key: String, sent: Bool, error: String?, now: String) async throws {
        throw StoreError("store.internal", ["what": "finishMail is not built on PostgreSQL yet"])
    }
    public func mailLog(status: MailSending.Status?) async throws -> [MailSending] {
        throw StoreError("store.internal", ["what": "mailLog is not built on PostgreSQL yet"])
    }
    public func exportArchive() async throws -> MinutesArchive {
        throw StoreError("store.internal", ["what": "exportArchive is not built on PostgreSQL yet"])
    }
    public func exportJSON() async throws -> String {
        throw StoreError("store.internal", ["what": "exportJSON is not built on PostgreSQL yet"])
    }
    public func importArchive(_ archive: MinutesArchive) async throws -> (minutes: Int, decisions: Int) {
        throw StoreError("store.internal", ["what": "importArchive is not built on PostgreSQL yet"])
    }
    public func schemaVersion() async throws -> String {
        throw StoreError("store.internal", ["what": "schemaVersion is not built on PostgreSQL yet"])
    }
}
