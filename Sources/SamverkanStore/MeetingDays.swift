/// The day number of each current meeting of a report's read, by minutes id, for matching the
/// action rows (hundreds of thousands for ten national years) to their meetings.
///
/// SQLite numbers minutes in the order they are written, so a period's ids lie close together:
/// kept in an array by id (a lookup is an index, no hashing) unless the ids are spread over
/// more than ``spread`` times their number, then in a dictionary.
struct MeetingDays {
    /// How far the ids may spread before a dictionary is used.
    static let spread = 16
    /// Ids below this many are kept in an array whatever their spread.
    static let smallRange: Int64 = 65_536
    /// How far apart ids may lie and still be read in one range (``idRanges(joiningGapsUpTo:)``).
    static let joinedGap: Int64 = 16

    /// How many meetings.
    let count: Int
    private let first: Int64
    /// By id − `first`: the day number, or `Int32.min` for none.
    private let array: [Int32]
    private let dictionary: [Int64: Int]

    /// The meetings `ids` with their day numbers `days` (in the same order).
    init(ids: [Int64], days: [Int]) {
        count = ids.count
        let first = ids.min() ?? 0
        let last = ids.max() ?? 0
        let (span, overflow) = last.subtractingReportingOverflow(first)
        let range = span &+ 1
        let fits = days.allSatisfy { Int32.min < $0 && $0 <= Int32.max }
        if ids.isEmpty || overflow || range <= 0 || !fits || range > Self.smallRange && range > Int64(ids.count) * Int64(Self.spread) {
            self.first = 0
            array = []
            dictionary = Dictionary(zip(ids, days), uniquingKeysWith: { _, later in later })
        } else {
            var array = [Int32](repeating: Int32.min, count: Int(range))
            for (id, day) in zip(ids, days) { array[Int(id - first)] = Int32(day) }
            self.first = first
            self.array = array
            dictionary = [:]
        }
    }

    /// The meetings' ids as ascending ranges, for reading their action rows in one index range
    /// scan per range instead of one lookup per meeting: ids at most `gap` apart share a range
    /// (the rows of the ids between, not among the meetings, are read and left out by the
    /// caller). A period's minutes are written meeting after meeting, so their ids come in runs.
    func idRanges(joiningGapsUpTo gap: Int64) -> [ClosedRange<Int64>] {
        var ranges: [ClosedRange<Int64>] = []
        func add(_ id: Int64) {
            if let last = ranges.last {
                let (distance, overflow) = id.subtractingReportingOverflow(last.upperBound)
                if !overflow, distance <= gap {
                    ranges[ranges.count - 1] = last.lowerBound...id
                    return
                }
            }
            ranges.append(id...id)
        }
        if array.isEmpty {
            for id in dictionary.keys.sorted() { add(id) }
        } else {
            for (offset, day) in array.enumerated() where day != Int32.min { add(first + Int64(offset)) }
        }
        return ranges
    }

    /// The day number of the meeting with minutes `id`, nil when it is not one of them.
    @inline(__always)
    subscript(id id: Int64) -> Int? {
        guard !array.isEmpty else { return dictionary[id] }
        let index = id &- first
        guard index >= 0, index < Int64(array.count) else { return nil }
        let day = array[Int(index)]
        return day == Int32.min ? nil : Int(day)
    }
}
