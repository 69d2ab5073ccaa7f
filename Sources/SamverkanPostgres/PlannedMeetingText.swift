import SamverkanDomain
import SamverkanStore
import SamverkanTime

/// A structure's planned meetings of a report's period as PostgreSQL hands them over: one text
/// of planned days, comma-separated, each followed by the meeting's start (`YYYY-MM-DDTHH:MM`)
/// when it is held on another day. Read byte by byte (ten national years are 210,000 meetings).
enum PlannedMeetingText {
    /// The meetings of a text, in planned order.
    /// - Throws: ``StoreError`` `unreadable` when the text is not of that form.
    static func days(_ text: String) throws -> [PlannedMeetingDay] {
        var text = text
        var days: [PlannedMeetingDay] = []
        try text.withUTF8 { bytes in
            var position = 0
            while position < bytes.count {
                let planned = try HeldMeetingList.day(bytes, &position, table: "meetings", column: "planned_date")
                var start = planned
                if position < bytes.count, bytes[position] != UInt8(ascii: ",") {
                    let from = position
                    start = try HeldMeetingList.day(bytes, &position, table: "meetings", column: "start")
                    // The time of day: `THH:MM`, not read.
                    position += 6
                    guard position <= bytes.count, bytes[from + 10] == UInt8(ascii: "T") else {
                        throw StoreError.unreadable("meetings", column: "start")
                    }
                }
                if position < bytes.count {
                    try HeldMeetingList.expect(UInt8(ascii: ","), bytes, &position, table: "meetings", column: "start")
                }
                days.append(PlannedMeetingDay(planned: planned, start: start))
            }
        }
        // One meeting a planned day: the order of the aggregate is not asked for (it costs the
        // server a sort per structure), so it is put in order here.
        return days.sorted { $0.planned < $1.planned }
    }
}
