import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// The report's read of the meeting register: the period's planned meetings with the
/// coordinators' decisions applied, read with the history in one transaction.
@Suite("Planned meetings from the register for the reports")
struct RegisterHistoryTests {
    static func day(_ text: String) -> LocalDate { RegisterStoreTests.day(text) }
    static let from = day("2025-01-01"), through = day("2025-06-30")

    /// RUG and the weekly group, with a cancelled, a moved and an added meeting of RUG; minutes
    /// for the moved and the added one.
    static func fill(_ db: any MeetingStore) async throws -> RegionConfiguration {
        let configuration = RegisterStoreTests.configuration()
        for decision in [
            RegisterStoreTests.decision(.cancel, "2025-03-13"),
            RegisterStoreTests.decision(
                .move, "2025-04-10", to: LocalDateTime(date: day("2025-04-09"), time: LocalTime(hour: 9, minute: 0)!)),
            RegisterStoreTests.decision(
                .add, "2025-05-20", to: LocalDateTime(date: day("2025-05-20"), time: LocalTime(hour: 9, minute: 0)!)),
        ] {
            _ = try await db.decide(
                decision, configuration: configuration, scheduler: Scheduler(), through: RegisterStoreTests.horizon,
                now: RegisterStoreTests.now)
        }
        var moved = MinutesStoreTests.minutes(on: "2025-04-09")
        moved.plannedDate = day("2025-04-10")
        _ = try await db.save(moved)
        var extra = MinutesStoreTests.minutes(on: "2025-05-20")
        extra.plannedDate = nil
        _ = try await db.save(extra)
        return configuration
    }

    @Test(
        "A current register gives every counted meeting by planned date: cancelled kept, moved on its new day, extra and skipped left out",
        arguments: StoreEngine.allCases)
    func planned(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let configuration = try await Self.fill(db)
            let history = try await db.history(from: Self.from, through: Self.through, asOf: Self.through, register: configuration)
            let rug = try #require(history.planned?["rug"])
            #expect(rug.map(\.planned.iso) == ["2025-01-09", "2025-02-13", "2025-03-13", "2025-04-10", "2025-05-08", "2025-06-12"])
            #expect(rug.first { $0.planned == Self.day("2025-04-10") }?.start == Self.day("2025-04-09"))
            #expect(rug.filter { $0.planned != Self.day("2025-04-10") }.allSatisfy { $0.planned == $0.start })
            #expect(history.planned?["grupp"]?.count == 26)
            // The rest of the history is read as before: the cancellation, both minutes.
            #expect(history.cancellations.map(\.date.iso) == ["2025-03-13"])
            #expect(history.meetings.filter { $0.structureID == "rug" }.map(\.date.iso) == ["2025-04-09", "2025-05-20"])
            #expect(history.meetings.first?.plannedDate == Self.day("2025-04-10") && history.meetings.last?.plannedDate == nil)
            // The same as the schedule expanded, but for the decisions.
            let expanded = try Scheduler().occurrences(of: configuration.structures[1], from: Self.from, through: Self.through)
                .filter(\.isHeld).map { PlannedMeetingDay(planned: $0.plannedStart.date, start: $0.start.date) }
            #expect(history.planned?["grupp"] == expanded)
        }
    }

    @Test("A register that is not current for the configuration or the period is not read", arguments: StoreEngine.allCases)
    func notCurrent(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let configuration = try await Self.fill(db)
            let changed = RegisterStoreTests.configuration(rugTime: 10)
            #expect(try await db.history(from: Self.from, through: Self.through, asOf: Self.through, register: changed).planned == nil)
            let later = Self.day("2031-12-31")
            #expect(try await db.history(from: Self.from, through: later, asOf: Self.through, register: configuration).planned == nil)
            #expect(try await db.history(from: Self.from, through: Self.through, asOf: Self.through).planned == nil)
        }
    }

    @Test("A malformed start in the register is a store error naming the column, never a default")
    func malformed() async throws {
        let db = try AppDatabase.inMemory()
        let configuration = try await Self.fill(db)
        try db.unsafeRawWrite("UPDATE meetings SET start = '2025-04-0X' WHERE structure_id = 'rug' AND planned_date = '2025-04-10'")
        let error = #expect(throws: StoreError.self) {
            try db.history(from: Self.from, through: Self.through, asOf: Self.through, register: configuration)
        }
        #expect(error?.values["column"] == "start")
    }
}
