/// The id lists of the minutes' summary columns (`present_organisations`, `covered_items`) read
/// for a report: each distinct list numbered once and split into its ids once, the ids numbered
/// too, so a period's rows are counted by number and every id becomes a `String` once.
struct SummaryLists {
    private var lists = ByteInterner()
    private var ids = ByteInterner()
    /// Per list number: the numbers of its ids.
    private var parts: [[Int]] = []

    /// The number of a list (ids separated by U+001F).
    mutating func number(of list: String) -> Int {
        let number = lists.number(of: list)
        if number == parts.count {
            var list = list
            parts.append(list.withUTF8 { Self.split(UnsafeRawBufferPointer($0), into: &ids) })
        }
        return number
    }

    /// The numbers of the ids of a list's bytes.
    private static func split(_ list: UnsafeRawBufferPointer, into ids: inout ByteInterner) -> [Int] {
        // As `String.split(separator:)` splits: empty parts left out. U+001F is one byte, never
        // part of a longer UTF-8 sequence, and a control character ends a grapheme cluster.
        list.split(separator: AppDatabase.summarySeparator).map { part in ids.number(of: UnsafeRawBufferPointer(rebasing: part)) }
    }

    /// The numbers of the ids of a list.
    func ids(of list: Int) -> [Int] { parts[list] }

    /// The id with a number.
    func id(_ number: Int) -> String { ids.strings[number] }
}
