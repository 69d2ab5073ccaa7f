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
}
