import SamverkanDomain
import SamverkanTime
import Testing

@testable import SamverkanStore

/// The digest that decides whether a structure's meetings are derived again.
@Suite("Register digest")
struct RegisterDigestTests {
    static let base = RegisterStoreTests.configuration().structures[0]

    static func digest(_ change: (inout CollaborationStructure) -> Void, region: String = "r") -> String {
        var structure = base
        change(&structure)
        return RegisterDigest(structure, region: region).text
    }

    @Test("Everything meetings are derived from changes it; names, members and agenda do not")
    func fields() {
        let original = Self.digest { _ in }
        #expect(original == Self.digest { _ in })
        let changes: [(String, (inout CollaborationStructure) -> Void)] = [
            ("time", { $0.time = LocalTime(hour: 10, minute: 0)! }),
            ("length", { $0.durationMinutes = 90 }),
            ("frequency", { $0.frequency = .monthlyWeekday(ordinal: 3, weekday: .thursday, interval: 1) }),
            ("interval", { $0.frequency = .monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 2) }),
            ("dates", { $0.frequency = .dates([LocalDate(iso: "2025-03-13")!]) }),
            ("starts", { $0.starts = LocalDate(iso: "2025-02-01")! }),
            ("until", { $0.until = LocalDate(iso: "2025-12-31")! }),
            ("time zone", { $0.timeZone = "Europe/Helsinki" }),
            ("holiday policy", { $0.holidayPolicy = .skip }),
            ("breaks", { $0.breaks = [Break(name: "Sommar", fromMonth: 7, fromDay: 1, toMonth: 7, toDay: 31)] }),
        ]
        for (name, change) in changes {
            #expect(Self.digest(change) != original, "\(name)")
        }
        #expect(Self.digest({ _ in }, region: "other") != original)
        #expect(
            Self.digest {
                $0.name = "Ny grupp"
                $0.members = []
                $0.standingAgenda = []
            } == original)
    }
}
