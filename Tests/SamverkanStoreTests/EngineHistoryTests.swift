import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// The same three years of meetings written to both engines — register decisions, a legacy
/// cancellation, minutes with action items, follow-ups and activity follow-ups, approvals after
/// varied delays, corrections approved and waiting — read back alike: the report's history (with
/// and without the register), the action items, the register and what notify reads.
@Suite("Both engines read the same history")
struct EngineHistoryTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static let now = "2023-01-01T08:00:00Z"
    static let horizon = day("2025-12-31")

    /// RUG monthly, a group every other Wednesday (an id outside ASCII, so texts are ordered by
    /// their bytes on both engines) and a group every fourth Monday, from 2023.
    static func configuration() -> RegionConfiguration {
        func structure(_ id: String, _ kind: StructureKind, _ frequency: Frequency) -> CollaborationStructure {
            CollaborationStructure(
                id: id, name: id, kind: kind, members: ["halmstad"], frequency: frequency, starts: day("2023-01-01"),
                time: LocalTime(hour: 9, minute: 0)!, durationMinutes: 90)
        }
        return RegionConfiguration(
            region: Organisation(id: "r", name: "Region", kind: .region),
            organisations: [Organisation(id: "halmstad", name: "Halmstads kommun", kind: .municipality)], people: [],
            structures: [
                structure("rug", .rug, .monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 1)),
                structure("återträff", .custom, .weekly(interval: 2, weekday: .wednesday)),
                structure("grupp-halmstad", .custom, .weekly(interval: 4, weekday: .monday)),
            ])
    }

    /// Everything read back that should not depend on the engine.
    struct Reading: Equatable {
        var histories: [HistoryReading] = []
        var actions: [OpenAction] = []
        var open: [OpenAction] = []
        var withdrawn: [WithdrawnAction] = []
        var activities: [ActivityRecord] = []
        var activityStatus: [String: ActivityStatus] = [:]
        var register: [RegisteredMeeting] = []
        var decisions: [MeetingDecision] = []
        var refusals: [String] = []
        var notify: NotifyReading?
    }

    /// A ``MeetingHistory`` as compared (it is not `Equatable` itself).
    struct HistoryReading: Equatable {
        var meetings: [HeldMeeting]
        var totals: [String: MeetingTotals]
        var cancellations: [CancellationRecord]
        var planned: [String: [PlannedMeetingDay]]?
        var pendingCorrections: Int
    }

    /// A ``NotifyInput`` as compared.
    struct NotifyReading: Equatable {
        var meetings: [RegisteredMeeting]
        var openActions: [OpenAction]
        var minutes: [MinutesSummary]
        var drafts: [NotifyInput.Draft]
        var reminded: Set<String>
    }

    /// Writes the history to a store: the same calls in the same order whatever the engine.
    static func write(_ store: any MeetingStore, into reading: inout Reading) async throws {
        let configuration = Self.configuration()
        var seed: UInt64 = 7
        func roll(_ range: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(range))
        }
        _ = try await store.refreshRegister(configuration, scheduler: Scheduler(), through: horizon, now: now)
        let planned = try await store.registeredMeetings(structureIDs: nil, from: day("2023-01-01"), through: horizon)
        for (index, meeting) in planned.enumerated() where index % 9 == 4 {
            let action: MeetingDecision.Action = index % 2 == 0 ? .cancel : .move
            let start = action == .move ? LocalDateTime(date: meeting.start.date.adding(days: -1), time: meeting.start.time) : nil
            do {
                _ = try await store.decide(
                    MeetingDecision(
                        structureID: meeting.structureID, date: meeting.plannedDate, action: action, start: start, reason: "Krock",
                        decidedAt: now), configuration: configuration, scheduler: Scheduler(), through: horizon, now: now)
            } catch let error as RegisterError {
                reading.refusals.append("\(meeting.structureID) \(meeting.plannedDate.iso) \(error.code)")
            }
        }
        _ = try await store.decide(
            MeetingDecision(
                structureID: "rug", date: day("2024-08-20"), action: .add,
                start: LocalDateTime(date: day("2024-08-20"), time: LocalTime(hour: 13, minute: 0)!), reason: "Extra", decidedAt: now),
            configuration: configuration, scheduler: Scheduler(), through: horizon, now: now)
        try await store.cancel(structureID: "grupp-halmstad", date: day("2024-07-02"), reason: "Sommaruppehåll")
        // As the next command does: the register follows the legacy cancellation.
        #expect(try await !store.registerIsCurrent(configuration, through: horizon))
        #expect(
            try await store.refreshRegister(configuration, scheduler: Scheduler(), through: horizon, now: now).derived == ["grupp-halmstad"]
        )
        let held = try await store.registeredMeetings(structureIDs: nil, from: day("2023-01-01"), through: day("2025-10-31"))
            .filter { $0.isHeld }
        let statuses: [ActionStatus] = [.notStarted, .inProgress, .partly, .done]
        var numbers: [String: [Int64]] = [:]
        var approved: [Minutes] = []
        for meeting in held where roll(7) != 0 {
            var minutes = MinutesStoreTests.minutes(meeting.structureID, on: meeting.start.date.iso)
            minutes.plannedDate = meeting.state == .extra ? nil : meeting.plannedDate
            minutes.attendance[0].present = roll(4) != 0
            minutes.attendance[1].substitute = roll(2) == 0 ? "Eva Ek" : nil
            minutes.agenda = [
                AgendaCoverage(itemID: "fasta-kontakter", covered: roll(3) != 0),
                AgendaCoverage(itemID: "utskrivning", covered: roll(2) == 0),
            ]
            minutes.newActions = (0..<roll(3)).map {
                ActionItem(
                    text: "Uppdrag \(meeting.start.date.iso)-\($0)",
                    responsible: Responsible(kind: .person, id: roll(2) == 0 ? "anna" : "bo"),
                    due: meeting.start.date.adding(days: 30 + roll(90)))
            }
            let known = numbers[meeting.structureID] ?? []
            minutes.actionFollowUps = Set((0..<min(known.count, 3)).map { _ in known[roll(known.count)] }).sorted().map {
                ActionFollowUp(actionID: $0, status: statuses[roll(4)], comment: roll(2) == 0 ? "" : "Läget \(meeting.start.date.iso)")
            }
            if roll(3) == 0 {
                minutes.activityFollowUps = [
                    ActivityFollowUp(activityID: roll(2) == 0 ? "utbildning" : "rutiner", status: [.started, .partly, .done][roll(3)])
                ]
            }
            let saved = try await store.save(minutes)
            numbers[meeting.structureID, default: []] += saved.newActions.compactMap(\.id)
            if roll(4) != 0 {
                approved.append(
                    try await store.approve(id: try #require(saved.id), by: ["Cia Carlsson"], date: saved.date.adding(days: roll(20))))
            }
        }
        // Corrections: some drop an item (withdrawn once approved), some approved, some waiting.
        for (index, original) in approved.enumerated() where index % 6 == 2 {
            var correction = CorrectionStoreTests.correction(of: original)
            if !correction.newActions.isEmpty, index % 4 == 2 { correction.newActions.removeLast() }
            correction.agenda = []
            let saved = try await store.save(correction)
            if index % 12 == 2 {
                _ = try await store.approve(id: try #require(saved.id), by: ["Cia Carlsson"], date: original.date.adding(days: 40))
            }
        }
    }

    /// What the store reads back.
    static func read(_ store: any MeetingStore, into reading: inout Reading) async throws {
        let configuration = Self.configuration()
        let periods = [
            (day("2023-01-01"), day("2025-12-31"), day("2026-01-15")), (day("2024-01-01"), day("2024-12-31"), day("2024-12-31")),
            (day("2023-06-01"), day("2024-05-31"), day("2024-03-01")),
        ]
        for (from, through, asOf) in periods {
            for history in [
                try await store.history(from: from, through: through, asOf: asOf),
                try await store.history(from: from, through: through, asOf: asOf, register: configuration),
            ] {
                reading.histories.append(
                    HistoryReading(
                        meetings: history.meetings, totals: history.totals, cancellations: history.cancellations,
                        planned: history.planned, pendingCorrections: history.pendingCorrections))
            }
        }
        reading.actions = try await store.allActions(structureID: nil, responsible: nil)
        reading.actions += try await store.allActions(structureID: "rug", responsible: "anna")
        reading.open = try await store.openActions(structureID: "återträff", before: day("2024-06-01"), excluding: nil)
        for structure in configuration.structures {
            reading.withdrawn += try await store.withdrawnActions(structureID: structure.id)
            // The legacy cancellation is stamped with the time it was made.
            reading.decisions += try await store.decisions(structureID: structure.id).map {
                var decision = $0
                decision.decidedAt = String(decision.decidedAt.prefix(4))
                return decision
            }
        }
        reading.activities = try await store.activityFollowUps(through: day("2025-06-30"))
        reading.activityStatus = try await store.activityStatus(structureID: "rug", before: day("2025-01-01"))
        reading.register = try await store.registeredMeetings(structureIDs: ["återträff", "rug"])
        let notify = try await store.notifyInput(
            today: day("2025-03-01"), from: day("2025-02-20"), through: day("2025-03-15"), heldSince: day("2024-06-01"),
            heldThrough: day("2025-02-25"))
        reading.notify = NotifyReading(
            meetings: notify.meetings, openActions: notify.openActions, minutes: notify.minutes, drafts: notify.drafts,
            reminded: notify.remindedApprovals)
    }

    @Test("Three years written alike to SQLite and PostgreSQL read back alike")
    func sameHistory() async throws {
        var readings: [Reading] = []
        for engine in StoreEngine.allCases {
            var reading = Reading()
            try await engine.withEmptyStore { store in
                try await Self.write(store, into: &reading)
                try await Self.read(store, into: &reading)
            }
            readings.append(reading)
        }
        let (sqlite, postgres) = (readings[0], readings[1])
        // The scenario holds what it is meant to (the comparison is not of empty readings).
        let whole = try #require(sqlite.histories.first)
        #expect(whole.meetings.count > 100 && whole.totals.count == 3 && whole.pendingCorrections > 0)
        #expect(
            whole.cancellations.contains(
                CancellationRecord(structureID: "grupp-halmstad", date: Self.day("2024-07-02"), reason: "Sommaruppehåll")))
        #expect(sqlite.histories[1].planned?["återträff"]?.isEmpty == false && whole.planned == nil)
        #expect(!sqlite.withdrawn.isEmpty && sqlite.actions.count > 50 && !sqlite.activities.isEmpty && !sqlite.open.isEmpty)
        #expect(sqlite.decisions.count > 10 && sqlite.notify?.drafts.isEmpty == false && sqlite.notify?.meetings.isEmpty == false)
        #expect(sqlite.actions.contains { $0.status == .done } && sqlite.actions.contains { $0.status == .notStarted })
        #expect(sqlite.histories.count == postgres.histories.count)
        for (index, history) in sqlite.histories.enumerated() where index < postgres.histories.count {
            let other = postgres.histories[index]
            #expect(history.meetings == other.meetings, "history \(index)")
            #expect(history.totals == other.totals, "history \(index)")
            #expect(history.cancellations == other.cancellations, "history \(index)")
            #expect(history.planned == other.planned, "history \(index)")
            #expect(history.pendingCorrections == other.pendingCorrections, "history \(index)")
        }
        #expect(sqlite.actions == postgres.actions)
        #expect(sqlite.open == postgres.open)
        #expect(sqlite.withdrawn == postgres.withdrawn)
        #expect(sqlite.activities == postgres.activities)
        #expect(sqlite.activityStatus == postgres.activityStatus)
        #expect(sqlite.register == postgres.register)
        #expect(sqlite.decisions == postgres.decisions)
        #expect(sqlite.refusals == postgres.refusals)
        #expect(sqlite.notify == postgres.notify)
    }
}
