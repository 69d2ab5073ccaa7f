import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

@Suite("Meeting register in the store")
struct RegisterStoreTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static let now = "2025-05-01T08:00:00Z"
    static let horizon = day("2025-12-31")

    /// RUG on the second Thursday of each month at 09:00, and a weekly group.
    static func configuration(rugTime: Int = 9) -> RegionConfiguration {
        let rug = CollaborationStructure(
            id: "rug", name: "RUG", kind: .rug, members: ["halmstad"],
            frequency: .monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 1),
            starts: day("2025-01-01"), time: LocalTime(hour: rugTime, minute: 0)!, durationMinutes: 60)
        let group = CollaborationStructure(
            id: "grupp", name: "Grupp", kind: .custom, members: ["halmstad"],
            frequency: .weekly(interval: 1, weekday: .wednesday), starts: day("2025-01-01"),
            time: LocalTime(hour: 14, minute: 0)!, durationMinutes: 60)
        return RegionConfiguration(
            region: Organisation(id: "r", name: "Region", kind: .region),
            organisations: [Organisation(id: "halmstad", name: "Halmstads kommun", kind: .municipality)],
            people: [], structures: [rug, group])
    }

    static func decision(_ action: MeetingDecision.Action, _ date: String, to: LocalDateTime? = nil) -> MeetingDecision {
        MeetingDecision(
            structureID: "rug", date: day(date), action: action, start: to, reason: "Krock med krisledning",
            decidedBy: "Samordnaren", decidedAt: now)
    }

    @Test(
        "The register is derived once; a second refresh changes nothing; a changed structure alone is derived again",
        arguments: StoreEngine.allCases)
    func refresh(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.refreshRegister(Self.configuration(), scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            #expect(Set(first.derived) == ["rug", "grupp"])
            #expect(try await db.registerIsCurrent(Self.configuration(), through: Self.horizon))
            #expect(try await !db.registerIsCurrent(Self.configuration(), through: Self.day("2026-01-31")))
            let rug = try await db.registeredMeetings(structureIDs: ["rug"], from: Self.day("2025-01-01"), through: Self.horizon)
            #expect(rug.count == 12)
            #expect(rug.allSatisfy { $0.uid == "rug.r@samverkan" && $0.inSeries })
            let revision = try await db.registerRevision()
            let again = try await db.refreshRegister(Self.configuration(), scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            #expect(again.derived.isEmpty)
            #expect(try await db.registerRevision() == revision)
            let moved = try await db.refreshRegister(
                Self.configuration(rugTime: 10), scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            #expect(moved.derived == ["rug"])
            #expect(try await db.registerRevision() > revision)
            let later = try await db.registeredMeetings(
                structureIDs: ["rug"], from: Self.day("2025-03-01"), through: Self.day("2025-03-31"))
            #expect(later.map(\.start.time.description) == ["10:00"])
            // A structure no longer configured leaves the register.
            var fewer = Self.configuration(rugTime: 10)
            fewer.structures.removeLast()
            let removed = try await db.refreshRegister(fewer, scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            #expect(removed.removed == ["grupp"] && removed.derived.isEmpty)
            #expect(try await db.registeredMeetings(structureIDs: ["grupp"]).isEmpty)
            #expect(try await db.registeredMeetings(structureIDs: nil, from: Self.day("2025-01-01"), through: Self.horizon).count == 12)
        }
    }

    @Test("A decision is checked, stored and applied at once; a refused one stores nothing", arguments: StoreEngine.allCases)
    func decide(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let configuration = Self.configuration()
            let cancelled = try await db.acting(as: "samordnare").decide(
                Self.decision(.cancel, "2025-03-13"), configuration: configuration, scheduler: Scheduler(),
                through: Self.horizon, now: Self.now)
            #expect(cancelled?.state == .cancelled)
            #expect(cancelled?.decision == Self.decision(.cancel, "2025-03-13"))
            #expect(try await db.listMinutes(structureID: "rug", from: nil, through: nil).map(\.status) == [.cancelled])
            let error = await #expect(throws: RegisterError.self) {
                try await db.decide(
                    Self.decision(.cancel, "2025-03-14"), configuration: configuration, scheduler: Scheduler(),
                    through: Self.horizon, now: Self.now)
            }
            #expect(error?.code == "register.no-meeting")
            let unknown = await #expect(throws: StoreError.self) {
                var other = Self.decision(.cancel, "2025-03-13")
                other.structureID = "okänd"
                return try await db.decide(
                    other, configuration: configuration, scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            }
            #expect(unknown?.code == "lookup.unknown-structure")
            #expect(try await db.decisions(structureID: "rug") == [Self.decision(.cancel, "2025-03-13")])
            // Moved, the meeting is held on its new day.
            let moved = try await db.decide(
                Self.decision(.move, "2025-04-10", to: LocalDateTime(date: Self.day("2025-04-09"), time: LocalTime(hour: 13, minute: 0)!)),
                configuration: configuration, scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            #expect(moved?.state == .moved && moved?.start.date == Self.day("2025-04-09"))
            // Restored, the meeting is planned again and no longer listed as cancelled.
            let restored = try await db.decide(
                Self.decision(.restore, "2025-03-13"), configuration: configuration, scheduler: Scheduler(),
                through: Self.horizon, now: Self.now)
            #expect(restored?.state == .planned)
            #expect(try await db.listMinutes(structureID: "rug", from: nil, through: nil).isEmpty)
            #expect(try await db.decisions(structureID: "rug").map(\.action) == [.cancel, .move, .restore])
            let audit = try await db.auditLog().map { "\($0.action) \($0.target) \($0.person ?? "-") \($0.detail ?? "-")" }
            #expect(
                audit == [
                    "meeting.cancelled meeting/rug/2025-03-13 samordnare -", "meeting.moved meeting/rug/2025-04-10 - to=2025-04-09",
                    "meeting.restored meeting/rug/2025-03-13 - -",
                ])
        }
    }

    @Test("A meeting with minutes cannot be cancelled or moved", arguments: StoreEngine.allCases)
    func minutesBlockDecisions(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let saved = try await db.save(MinutesStoreTests.minutes(on: "2025-03-13"))
            let error = await #expect(throws: StoreError.self) {
                try await db.decide(
                    Self.decision(.cancel, "2025-03-13"), configuration: Self.configuration(), scheduler: Scheduler(),
                    through: Self.horizon, now: Self.now)
            }
            #expect(error?.code == "meeting.has-minutes")
            #expect(error?.values["id"] == saved.id.map(String.init))
            let move = await #expect(throws: StoreError.self) {
                try await db.decide(
                    Self.decision(
                        .move, "2025-03-13", to: LocalDateTime(date: Self.day("2025-03-12"), time: LocalTime(hour: 9, minute: 0)!)),
                    configuration: Self.configuration(), scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            }
            #expect(move?.code == "meeting.has-minutes-move")
            #expect(try await db.decisions(structureID: "rug").isEmpty)
        }
    }

    @Test("A configuration change that removes a meeting with minutes or a decision reports both", arguments: StoreEngine.allCases)
    func stranded(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let configuration = Self.configuration()
            _ = try await db.refreshRegister(configuration, scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            _ = try await db.save(MinutesStoreTests.minutes(on: "2025-02-13"))
            _ = try await db.decide(
                Self.decision(.cancel, "2025-04-10"), configuration: configuration, scheduler: Scheduler(),
                through: Self.horizon, now: Self.now)
            // RUG now meets on the first Thursday instead.
            var changed = configuration
            changed.structures[0].frequency = .monthlyWeekday(ordinal: 1, weekday: .thursday, interval: 1)
            let refresh = try await db.refreshRegister(changed, scheduler: Scheduler(), through: Self.horizon, now: Self.now)
            #expect(refresh.derived == ["rug"])
            #expect(refresh.strandedMinutes.map(\.plannedDate) == [Self.day("2025-02-13")])
            #expect(refresh.unmatchedDecisions.map(\.date) == [Self.day("2025-04-10")])
            #expect(refresh.needsAttention)
            #expect(try await db.decisions(structureID: "rug").count == 1)
        }
    }

    @Test("An old database's cancellations become register decisions")
    func migratesCancellations() throws {
        let db = try AppDatabase.unsafeInMemory(migratedUpTo: "v3-report-summary")
        try db.unsafeRawWrite(
            """
            INSERT INTO cancelled_meetings (structure_id, meeting_date, reason, created_at)
            VALUES ('rug', '2025-03-13', 'Sjukdom', '2025-03-01T10:00:00Z')
            """)
        try db.unsafeMigrate()
        let decisions = try db.decisions(structureID: "rug")
        #expect(decisions.map(\.action) == [.cancel])
        #expect(decisions.first?.reason == "Sjukdom")
        #expect(decisions.first?.decidedAt == "2025-03-01T10:00:00Z")
        _ = try db.refreshRegister(Self.configuration(), scheduler: Scheduler(), through: Self.horizon, now: Self.now)
        let march = try db.registeredMeetings(structureIDs: ["rug"], from: Self.day("2025-03-01"), through: Self.day("2025-03-31"))
        #expect(march.map(\.state) == [.cancelled])
        #expect(try db.listMinutes(structureID: "rug").map(\.reason) == ["Sjukdom"])
    }
}
