import Foundation
public import SamverkanDomain
import SamverkanStore

extension PostgresStore {
    /// The `ts_headline` options of a hit's snippet: the match in `[` `]`, about twelve words
    /// around it (as SQLite's `snippet(…, 12)`).
    static let headlineOptions = "StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=2, MaxFragments=1, FragmentDelimiter=…"

    /// Full-text search with PostgreSQL's own text search in the `swedish` configuration (the
    /// stemmed `minutes_search.body_vector`, GIN-indexed): each word matches as a prefix, all
    /// words must match, best `ts_rank` first (divided by the length of the text, so a short
    /// text ranks above a long one that has the words as often, as SQLite's bm25 does; ties by
    /// id). Each meeting is found once, as its current version
    /// (``SearchChains/onePerMeeting(_:chains:)``), as ``AppDatabase/search(_:limit:)``.
    public func search(_ text: String, limit: Int) async throws -> [MinutesSearchHit] {
        // Letters and digits only: nothing of the text can be tsquery syntax (the query is bound too).
        let words = text.split { !$0.isLetter && !$0.isNumber }.map { "\($0):*" }
        guard !words.isEmpty, limit > 0 else { return [] }
        let rows = try await client.rows(
            """
            SELECT hit.id, hit.structure_id, hit.meeting_date, ts_headline('swedish', hit.body, hit.query, $3), hit.body
            FROM (SELECT m.id, m.structure_id, m.meeting_date, s.body, q.query, ts_rank(s.body_vector, q.query, 2) AS rank
                  FROM to_tsquery('swedish', $1) AS q(query)
                  JOIN minutes_search s ON s.body_vector @@ q.query
                  JOIN minutes m ON m.id = s.rowid
                  ORDER BY rank DESC, m.id LIMIT $2) AS hit
            ORDER BY hit.rank DESC, hit.id
            """, [.text(words.joined(separator: " & ")), .integer(Int64(limit)), .text(Self.headlineOptions)])
        let hits = try PostgresRow.all(rows, table: "minutes").map { row in
            MinutesSearchHit(
                id: try row.integer(0, "id"), structureID: try row.text(1, "structure_id"), date: try row.date(2, "meeting_date"),
                snippet: Self.snippet(try row.text(3, "snippet"), of: try row.optionalText(4, "body") ?? ""))
        }
        guard !hits.isEmpty else { return [] }
        return SearchChains.onePerMeeting(hits, chains: try await chains(of: hits.map(\.id)))
    }

    /// A headline as SQLite's snippet reads: `…` where the passage is cut from the text, lines
    /// joined with ` / `.
    static func snippet(_ headline: String, of body: String) -> String {
        let plain = headline.filter { $0 != "[" && $0 != "]" }
        let bodyPlain = body.filter { $0 != "[" && $0 != "]" }.trimmingCharacters(in: .whitespacesAndNewlines)
        let passage = plain.trimmingCharacters(in: .whitespacesAndNewlines)
        var text = headline.trimmingCharacters(in: .whitespacesAndNewlines)
        if !passage.isEmpty, !bodyPlain.hasPrefix(passage) { text = "…" + text }
        if !passage.isEmpty, !bodyPlain.hasSuffix(passage) { text += "…" }
        return text.split(separator: "\n").joined(separator: " / ")
    }

    /// The correction chain of each record (original first, by id, with whether each is
    /// approved), read from `minutes_chain` in one query; a record in no chain is its own.
    private func chains(of ids: [Int64]) async throws -> [Int64: [SearchChains.Record]] {
        let rows = try await client.rows(
            """
            WITH roots AS (
                SELECT DISTINCT COALESCE(c.root_id, h.id) AS root
                FROM unnest(\(RegisterSQL.idArray(1))) AS h(id) LEFT JOIN minutes_chain c ON c.minutes_id = h.id)
            SELECT r.root, m.id, m.approved_at IS NOT NULL FROM roots r JOIN minutes m ON m.id = r.root
            UNION
            SELECT x.root_id, m.id, m.approved_at IS NOT NULL
            FROM minutes_chain x JOIN roots r ON r.root = x.root_id JOIN minutes m ON m.id = x.minutes_id
            ORDER BY 1, 2
            """, [RegisterSQL.ids(ids)])
        var byRoot: [Int64: [SearchChains.Record]] = [:]
        for cells in rows {
            let row = PostgresRow(cells, table: "minutes")
            byRoot[try row.integer(0, "id"), default: []].append((try row.integer(1, "id"), try row.bool(2, "approved_at")))
        }
        var result: [Int64: [SearchChains.Record]] = [:]
        for chain in byRoot.values {
            for record in chain { result[record.id] = chain }
        }
        return result
    }
}
