import Foundation
internal import GRDB
public import SamverkanDomain
import SamverkanTime

/// A store problem: its code is the key of a message in `errors.txt` that says what to do.
///
/// `store.*` codes are the database failing (exit 4); the others (`minutes.*`, `meeting.*`,
/// `archive.*`) refuse what was asked, e.g. approving minutes twice (exit 1).
public struct StoreError: SamverkanError, Equatable {
    public let code: String
    public let values: [String: String]

    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    public var category: ErrorCategory { code.hasPrefix("store.") ? .store : .input }
}

extension StoreError {
    /// A stored row that cannot be read back: a column holds NULL, a value of the wrong type or
    /// one this version does not know (an unknown status, a malformed date).
    ///
    /// The message names the table and, when known, the column, never the row's values (they
    /// may be personal data).
    public static func unreadable(_ table: String, column: String? = nil, _ underlying: (any Error)? = nil) -> StoreError {
        guard let column = column ?? underlying.flatMap(columnName(of:)) else {
            return StoreError("store.unreadable-row", ["table": table])
        }
        return StoreError("store.unreadable", ["table": table, "column": column])
    }

    /// The column a decoding error is about, without the values of the row.
    static func columnName(of error: any Error) -> String? {
        switch error {
        case let error as DecodingError:
            let context: DecodingError.Context
            switch error {
            case .dataCorrupted(let value), .keyNotFound(_, let value), .typeMismatch(_, let value), .valueNotFound(_, let value):
                context = value
            @unknown default:
                return nil
            }
            return context.codingPath.last?.stringValue
        case let error as RowDecodingError:
            // GRDB says `… - column: "name", column index: N, row: …`; only the name is kept.
            let text = String(describing: error)
            guard let start = text.range(of: "column: \"") else { return nil }
            let rest = text[start.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        default:
            return nil
        }
    }
}

/// A record the store reads, with a ``StoreError`` naming the table (and column) when a row
/// cannot be decoded.
protocol StoreRow: FetchableRecord {
    /// The table a column of the fetched rows comes from (for results of joins).
    static func table(ofColumn column: String?) -> String
}

extension StoreRow where Self: TableRecord {
    static func table(ofColumn column: String?) -> String { databaseTableName }
}

extension StoreRow {
    /// Every record a request selects.
    static func fetchAllChecked(_ db: Database, _ request: SQLRequest<Self>) throws -> [Self] {
        do { return try request.fetchAll(db) } catch {
            throw Self.storeError(error)
        }
    }

    /// The first record a request selects, or nil.
    static func fetchOneChecked(_ db: Database, _ request: SQLRequest<Self>) throws -> Self? {
        do { return try request.fetchOne(db) } catch {
            throw Self.storeError(error)
        }
    }

    /// SQLite's errors and the store's own pass; a decoding error becomes a ``StoreError``.
    static func storeError(_ error: any Error) -> any Error {
        if error is DatabaseError || error is StoreError { return error }
        let column = StoreError.columnName(of: error)
        return StoreError.unreadable(table(ofColumn: column), column: column)
    }
}

/// Checked reads of single columns, for the hand-written cursors of the reports.
extension Row {
    /// The value at `index`, or a ``StoreError`` naming `table` and `column` when it is NULL or
    /// of another type (never a default).
    @inline(__always)
    func checked<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ index: Int, _ table: String, _ column: String, as type: Value.Type = Value.self
    ) throws -> Value {
        do { return try decode(Value.self, atIndex: index) } catch {
            throw StoreError.unreadable(table, column: column)
        }
    }

    /// The ISO date (`YYYY-MM-DD`) at `index`, or a ``StoreError`` when it is NULL or malformed.
    @inline(__always)
    func checkedDate(_ index: Int, _ table: String, _ column: String) throws -> LocalDate {
        guard let date = LocalDate(iso: try checked(index, table, column, as: String.self)) else {
            throw StoreError.unreadable(table, column: column)
        }
        return date
    }

    /// The ISO date at `index`, nil when NULL, or a ``StoreError`` when malformed.
    @inline(__always)
    func checkedOptionalDate(_ index: Int, _ table: String, _ column: String) throws -> LocalDate? {
        guard let text = try checked(index, table, column, as: String?.self) else { return nil }
        guard let date = LocalDate(iso: text) else { throw StoreError.unreadable(table, column: column) }
        return date
    }
}
