import SamverkanStore
import SamverkanTime

/// One row of a register or report read on PostgreSQL, its columns read checked as the
/// embedded store reads them (`Row.checked`): NULL where a value must be, a value of another
/// type or a malformed date throws a ``StoreError`` naming the table and column, never a default.
struct RegisterReadRow {
    let values: [SQLValue]
    /// The table the columns come from unless a read names another.
    let table: String

    init(_ values: [SQLValue], _ table: String) {
        self.values = values
        self.table = table
    }

    func text(_ index: Int, _ column: String, table: String? = nil) throws -> String {
        guard let text = try optionalText(index, column, table: table) else { throw unreadable(column, table) }
        return text
    }

    func optionalText(_ index: Int, _ column: String, table: String? = nil) throws -> String? {
        switch values[index] {
        case .null: return nil
        case .text(let text): return text
        default: throw unreadable(column, table)
        }
    }

    func integer(_ index: Int, _ column: String, table: String? = nil) throws -> Int64 {
        guard let number = try optionalInteger(index, column, table: table) else { throw unreadable(column, table) }
        return number
    }

    func optionalInteger(_ index: Int, _ column: String, table: String? = nil) throws -> Int64? {
        switch values[index] {
        case .null: return nil
        case .integer(let number): return number
        default: throw unreadable(column, table)
        }
    }

    func bool(_ index: Int, _ column: String, table: String? = nil) throws -> Bool {
        try integer(index, column, table: table) != 0
    }

    func date(_ index: Int, _ column: String, table: String? = nil) throws -> LocalDate {
        guard let date = try optionalDate(index, column, table: table) else { throw unreadable(column, table) }
        return date
    }

    func optionalDate(_ index: Int, _ column: String, table: String? = nil) throws -> LocalDate? {
        guard let text = try optionalText(index, column, table: table) else { return nil }
        guard let date = LocalDate(iso: text) else { throw unreadable(column, table) }
        return date
    }

    private func unreadable(_ column: String, _ other: String?) -> StoreError {
        StoreError.unreadable(other ?? table, column: column)
    }
}

extension PostgresClient {
    /// The rows of a statement, each to be read checked with its table's name.
    func checkedRows(_ sql: String, _ values: [SQLValue] = [], table: String) async throws -> [RegisterReadRow] {
        try await rows(sql, values).map { RegisterReadRow($0, table) }
    }
}

/// SQL pieces shared by the register and report reads on PostgreSQL.
enum RegisterSQL {
    /// SQL: the minutes of alias `minutes` count (not superseded by an approved correction, nor a
    /// correction waiting for approval), as the embedded store's `current()`.
    static func current(_ minutes: String = "m") -> String {
        "NOT EXISTS (SELECT 1 FROM minutes_chain superseded WHERE superseded.minutes_id = \(minutes).id AND superseded.superseded = 1)"
    }

    /// SQL: ``current(_:)`` for a read of many minutes (a report's period): the superseded
    /// records (few) are read once into a hash that every row is looked up in, instead of one
    /// index probe per row (`NOT IN` over the non-null `minutes_id` means `NOT EXISTS`).
    static func currentInBulk(_ minutes: String = "m") -> String {
        "\(minutes).id NOT IN (SELECT minutes_id FROM minutes_chain WHERE superseded = 1)"
    }

    /// SQL: the items of corrections (few, from a partial index) that follow-up `followUp` may
    /// be recorded against, as `c`: the number it counts for is `COALESCE(c.continues_id,
    /// followUp.action_id)`, without looking up every follow-up's item.
    static func continuedItems(_ followUp: String) -> String {
        "LEFT JOIN action_items c ON c.id = \(followUp).action_id AND c.continues_id IS NOT NULL"
    }

    /// A list of texts bound as one value: `= ANY(string_to_array($n, chr(31)))` reads it back.
    static func list(_ texts: some Sequence<String>) -> SQLValue {
        .text(texts.joined(separator: "\u{1F}"))
    }

    /// A list of ids bound as one value: `= ANY(string_to_array($n, ',')::bigint[])` reads it back.
    static func ids(_ ids: some Sequence<Int64>) -> SQLValue {
        .text(ids.map(String.init).joined(separator: ","))
    }
}
