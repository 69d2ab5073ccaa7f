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

    /// SQL: the bigint array of parameter `$n`, bound as ``ids(_:)`` text (postgres-nio binds
    /// scalars here, so a list of ids travels as one text value).
    static func idArray(_ parameter: Int) -> String {
        "string_to_array($\(parameter), ',')::bigint[]"
    }

    /// A list of ids bound as one value: ``idArray(_:)`` reads it back.
    static func ids(_ ids: some Sequence<Int64>) -> SQLValue {
        .text(ids.map(String.init).joined(separator: ","))
    }
}
