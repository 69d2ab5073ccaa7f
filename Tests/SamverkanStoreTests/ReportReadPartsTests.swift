import SamverkanDomain
import Testing

@testable import SamverkanStore

/// The parts the report's bulk read counts with: texts numbered by their bytes, id lists split
/// once, and meeting days looked up by minutes id in an array or a dictionary.
@Suite("Report read parts")
struct ReportReadPartsTests {
    @Test("A text is numbered once, by its bytes: non-ASCII ids, the empty text and many texts")
    func interner() {
        var interner = ByteInterner()
        let texts = ["återinskrivningar", "", "fast-vårdkontakt", "kommun-242"] + (0..<200).map { "id-\($0)" }
        let numbers = texts.map { interner.number(of: $0) }
        #expect(numbers == Array(0..<texts.count))
        #expect(texts.map { interner.number(of: $0) } == numbers)
        #expect(interner.strings == texts)
        // "å" composed and decomposed are equal Strings but different bytes, as SQLite stores them.
        let composed = interner.number(of: "\u{E5}r")
        let decomposed = interner.number(of: "a\u{30A}r")
        #expect(composed != decomposed && interner.count == texts.count + 2)
    }

    @Test("A list is split into its ids as String.split would, empty parts left out, each list once")
    func lists() {
        var lists = SummaryLists()
        let first = lists.number(of: "avvikelser\u{1F}fast-vårdkontakt\u{1F}\u{1F}utskrivning\u{1F}")
        let second = lists.number(of: "fast-vårdkontakt")
        #expect(lists.number(of: "avvikelser\u{1F}fast-vårdkontakt\u{1F}\u{1F}utskrivning\u{1F}") == first)
        #expect(lists.ids(of: first).map(lists.id) == ["avvikelser", "fast-vårdkontakt", "utskrivning"])
        #expect(lists.ids(of: second) == [lists.ids(of: first)[1]])
        let empty = lists.number(of: "")
        #expect(lists.ids(of: empty).isEmpty)
    }

    @Test("Meeting days answer alike whether kept in an array (ids close together) or a dictionary (spread)")
    func meetingDays() {
        let close = MeetingDays(ids: [5, 7, 6, 9], days: [100, 101, 102, -3])
        let spread = MeetingDays(ids: [5, 7, 6, 9, 5_000_000], days: [100, 101, 102, -3, 7])
        for days in [close, spread] {
            #expect(days[id: 5] == 100 && days[id: 6] == 102 && days[id: 7] == 101 && days[id: 9] == -3)
            #expect(days[id: 8] == nil && days[id: 4] == nil && days[id: 10] == nil && days[id: -1] == nil)
        }
        #expect(spread[id: 5_000_000] == 7 && close[id: 5_000_000] == nil && spread.count == 5)
        #expect(MeetingDays(ids: [], days: [])[id: 0] == nil)
    }

    @Test("Meeting ids come as ascending ranges, gaps up to the limit joined, from an array or a dictionary")
    func idRanges() {
        let ids: [Int64] = [40, 5, 7, 6, 9, 30, 12, 31]
        let close = MeetingDays(ids: ids, days: ids.map { Int($0) })
        let spread = MeetingDays(ids: ids + [5_000_000, 5_000_002], days: ids.map { Int($0) } + [1, 2])
        #expect(close.idRanges(joiningGapsUpTo: 1) == [5...7, 9...9, 12...12, 30...31, 40...40])
        #expect(close.idRanges(joiningGapsUpTo: 3) == [5...12, 30...31, 40...40])
        #expect(close.idRanges(joiningGapsUpTo: 100) == [5...40])
        #expect(spread.idRanges(joiningGapsUpTo: 3) == [5...12, 30...31, 40...40, 5_000_000...5_000_002])
        #expect(MeetingDays(ids: [], days: []).idRanges(joiningGapsUpTo: 16).isEmpty)
        // Ids at both ends of Int64: the distance overflows, and they stay apart.
        let extreme = MeetingDays(ids: [Int64.min, Int64.max], days: [1, 2])
        #expect(extreme.idRanges(joiningGapsUpTo: 16) == [Int64.min...Int64.min, Int64.max...Int64.max])
    }

    @Test("Summary counts: approval delays by index and beyond a year, sides by their two bits, lists per id")
    func summaryCounts() {
        var lists = SummaryLists()
        let both = lists.number(of: "kommun\u{1F}region")
        let region = lists.number(of: "region")
        let items = lists.number(of: "fast-vårdkontakt")
        var counts = MinutesSummaryCounts()
        for (days, sides, organisations) in [(3, 3, both), (3, 1, region), (-2, 2, both), (400, 7, both), (nil, 0, region)] {
            counts.add(approvalDays: days, sides: sides, organisations: organisations, items: items)
        }
        var totals = MeetingTotals()
        counts.add(to: &totals, lists: lists)
        #expect(totals.meetings == 5)
        #expect(totals.approvalDays == [3: 2, 0: 1, 400: 1])
        #expect(totals.sidesPresent == [[.region, .municipality]: 2, [.region]: 1, [.municipality]: 1, []: 1])
        #expect(totals.organisationsPresent == ["kommun": 3, "region": 5])
        #expect(totals.covered == ["fast-vårdkontakt": 5])
    }
}
