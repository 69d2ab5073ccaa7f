import Foundation
import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension FuzzGenerator {
    /// An import: a sample archive with hostile text in one record or one meeting decision, its
    /// approval dropped.
    static func archive(seed: [UInt8], _ random: inout FuzzMutator.Random) -> [UInt8] {
        guard var archive = try? AppDatabase.decodeArchive(Data(seed)), !archive.minutes.isEmpty else { return seed }
        let index = Int.random(in: 0..<archive.minutes.count, using: &random)
        var record = archive.minutes[index]
        record.approval = nil
        switch Int.random(in: 0..<6, using: &random) {
        case 0: record.place = text(&random)
        case 1: record.chair = text(&random)
        case 2: record.decisions.append(Decision(text: text(&random)))
        case 3: record.items.append(FreeAgendaItem(title: text(&random), notes: text(&random)))
        default:
            // Version 2: a decision about a meeting, its reason or who decided it hostile.
            let actions: [MeetingDecision.Action] = [.cancel, .move, .add, .restore]
            let action = actions.randomElement(using: &random)!
            let moves = action == .move || action == .add
            let start = moves ? LocalDateTime(date: record.date, time: LocalTime(hour: 13, minute: 30)!) : nil
            let hostileReason = Bool.random(using: &random)
            archive.meetingDecisions =
                (archive.meetingDecisions ?? []) + [
                    MeetingDecision(
                        structureID: record.structureID, date: record.date, action: action, start: start,
                        reason: hostileReason ? text(&random) : "Lokalen upptagen",
                        decidedBy: hostileReason ? nil : text(&random), decidedAt: "2025-03-01T09:12:00Z")
                ]
        }
        archive.minutes = [record]
        archive.cancelled = []
        return Array((try? JSONEncoder().encode(archive)) ?? Data(seed))
    }

    /// A version 2 archive of a sample (version 1): its first 20 minutes (few enough for the
    /// import check, which imports up to 50), its cancellations as meeting decisions, with who
    /// decided them, and a move, an extra meeting and a restored meeting; nil for one that
    /// holds decisions already or cannot be read.
    static func withMeetingDecisions(_ seed: [UInt8]) -> [UInt8]? {
        guard var archive = try? AppDatabase.decodeArchive(Data(seed)), archive.meetingDecisions == nil,
            let first = archive.minutes.first
        else { return nil }
        let at = "2025-03-01T09:12:00Z"
        var decisions = archive.cancelled.map {
            MeetingDecision(
                structureID: $0.structureID, date: $0.date, action: .cancel, reason: $0.reason, decidedBy: "Samordnare Halland",
                decidedAt: $0.createdAt)
        }
        let later = first.date.adding(days: 7)
        decisions += [
            MeetingDecision(
                structureID: first.structureID, date: later, action: .move,
                start: LocalDateTime(date: later.adding(days: 1), time: LocalTime(hour: 13, minute: 0)!), reason: "Lokalen upptagen",
                decidedAt: at),
            MeetingDecision(
                structureID: first.structureID, date: later.adding(days: 14), action: .add,
                start: LocalDateTime(date: later.adding(days: 14), time: LocalTime(hour: 9, minute: 0)!), reason: "Extra möte om rutinen",
                decidedBy: "Samordnare Halland", decidedAt: at),
            MeetingDecision(
                structureID: first.structureID, date: later.adding(days: 21), action: .cancel, reason: "Sjukdom", decidedAt: at),
            MeetingDecision(
                structureID: first.structureID, date: later.adding(days: 21), action: .restore, reason: "Ordföranden frisk igen",
                decidedAt: at),
        ]
        archive.minutes = Array(archive.minutes.prefix(20))
        let kept = Set(archive.minutes.compactMap(\.id))
        archive.signatures = archive.signatures?.filter { kept.contains($0.minutesID) }
        archive.schemaVersion = MinutesArchive.currentSchemaVersion
        archive.meetingDecisions = decisions
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(archive)).map { Array($0) }
    }
}
