import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import SamverkanTime
import Testing

/// What only the shared engine has to show: several processes writing the register at once, and
/// its rows read checked like the embedded store's.
@Suite("PostgreSQL store: the meeting register")
struct PostgresRegisterTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static let horizon = day("2026-12-31")

    /// Forty weekly groups from 2025.
    static func configuration() -> RegionConfiguration {
        RegionConfiguration(
            region: Organisation(id: "r", name: "Region", kind: .region),
            organisations: [Organisation(id: "halmstad", name: "Halmstads kommun", kind: .municipality)], people: [],
            structures: (0..<40).map { number in
                CollaborationStructure(
                    id: "grupp-\(number)", name: "Grupp \(number)", kind: .custom, members: ["halmstad"],
                    frequency: .weekly(interval: 1, weekday: [.monday, .tuesday, .wednesday][number % 3]), starts: day("2025-01-01"),
                    time: LocalTime(hour: 9, minute: 0)!, durationMinutes: 60)
            })
    }

    @Test("Four processes refreshing at once derive the register once: one set of meetings, then nothing left to do")
    func concurrentRefresh() async throws {
        let url = try PostgresURL(try await StoreEngine.emptyPostgresDatabase("register"), environment: [:])
        var stores: [PostgresStore] = []
        for _ in 0..<4 { stores.append(try await PostgresStore.open(url)) }
        let configuration = Self.configuration()
        let derived = try await withThrowingTaskGroup(of: [String].self) { group in
            for store in stores {
                group.addTask {
                    try await store.refreshRegister(
                        configuration, scheduler: Scheduler(), through: Self.horizon, now: "2025-01-01T00:00:00Z"
                    )
                    .derived
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        // Whoever came second found the work done (or the parts the first had left).
        #expect(derived.sorted() == configuration.structures.map(\.id).sorted())
        let meetings = try await stores[0].registeredMeetings(structureIDs: nil, from: Self.day("2025-01-01"), through: Self.horizon)
        let expected = try configuration.structures.reduce(0) {
            $0 + (try Scheduler().occurrences(of: $1, from: Self.day("2025-01-01"), through: Self.horizon).count)
        }
        #expect(meetings.count == expected)
        #expect(Set(meetings.map { "\($0.structureID) \($0.plannedDate.iso)" }).count == expected)
        #expect(try await stores[1].registerIsCurrent(configuration, through: Self.horizon))
        let again = try await stores[2].refreshRegister(
            configuration, scheduler: Scheduler(), through: Self.horizon, now: "2025-01-02T00:00:00Z")
        #expect(again.derived.isEmpty && again.removed.isEmpty)
        for store in stores { await store.close() }
    }

    @Test("A malformed start in the register is a store error naming the column, never a default")
    func malformedStart() async throws {
        let store = try await StoreEngine.postgres.emptyStore(label: "malformed")
        let postgres = try #require(store as? PostgresStore)
        let configuration = Self.configuration()
        _ = try await store.refreshRegister(configuration, scheduler: Scheduler(), through: Self.horizon, now: "2025-01-01T00:00:00Z")
        try await postgres.client.execute(
            "UPDATE meetings SET start = '2025-01-0X' WHERE structure_id = 'grupp-0' AND planned_date = '2025-01-13'")
        let error = await #expect(throws: StoreError.self) {
            try await store.history(
                from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"), register: configuration)
        }
        #expect(error?.values["column"] == "start")
        let read = await #expect(throws: StoreError.self) {
            try await store.registeredMeetings(structureIDs: ["grupp-0"])
        }
        #expect(read?.code == "store.unreadable" && read?.values["column"] == "start")
        await store.close()
    }
}
