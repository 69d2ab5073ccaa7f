import SamverkanTime
import Testing

@testable import SamverkanDomain

@Suite("Meeting register: derivation and coordinator decisions")
struct MeetingRegisterTests {
    let scheduler = Scheduler()

    /// Every Thursday at 13:00 from 2025-01-01, moving holidays earlier (Ascension Day 2025-05-29).
    var thursdays: CollaborationStructure { structure(.weekly(interval: 1, weekday: .thursday)) }

    var configuration: RegionConfiguration {
        RegionConfiguration(
            region: Organisation(id: "r", name: "Region", kind: .region),
            organisations: [Organisation(id: "a", name: "A", kind: .other)], people: [],
            structures: [thursdays])
    }

    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    func at(_ text: String) -> LocalDateTime {
        LocalDateTime(date: day(String(text.prefix(10))), time: LocalTime(text: String(text.suffix(5)))!)
    }

    func decision(_ action: MeetingDecision.Action, _ date: String, to: String? = nil, reason: String = "Krock") -> MeetingDecision {
        MeetingDecision(
            structureID: "s", date: day(date), action: action, start: to.map(at), reason: reason,
            decidedBy: "Samordnaren", decidedAt: "2025-05-01T08:00:00Z")
    }

    func derive(_ decisions: [MeetingDecision]) throws -> MeetingRegister.Derivation {
        let occurrences = try scheduler.occurrences(of: thursdays, from: day("2025-05-01"), through: day("2025-06-30"))
        return MeetingRegister.derive(thursdays, occurrences: occurrences, decisions: decisions, configuration: configuration)
    }

    @Test("The configuration's meetings: one series UID, RECURRENCE-ID at the planned start, holiday moves kept")
    func derived() throws {
        let meetings = try derive([]).meetings
        #expect(meetings.count == 9)
        #expect(Set(meetings.map(\.uid)) == ["s.r@samverkan"])
        let ascension = try #require(meetings.first { $0.plannedDate == day("2025-05-29") })
        #expect(ascension.state == .moved)
        #expect(ascension.start.date == day("2025-05-28"))
        #expect(ascension.recurrenceID == at("2025-05-29T13:00"))
        #expect(ascension.calendarReason == Occurrence.Reason.holiday(.ascension))
        #expect(ascension.decision == nil)
    }

    @Test("Cancel, move, add and restore change exactly the meeting they are about")
    func decisions() throws {
        let cancel = decision(.cancel, "2025-05-08")
        let move = decision(.move, "2025-05-15", to: "2025-05-16T09:00")
        let add = decision(.add, "2025-06-10", to: "2025-06-10T10:00")
        let result = try derive([cancel, move, add])
        #expect(result.unmatched.isEmpty)
        let byDate = Dictionary(result.meetings.map { ($0.plannedDate.iso, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byDate["2025-05-08"]?.state == .cancelled)
        #expect(byDate["2025-05-08"]?.decision == cancel)
        #expect(byDate["2025-05-15"]?.state == .moved)
        #expect(byDate["2025-05-15"]?.start == at("2025-05-16T09:00"))
        #expect(byDate["2025-05-15"]?.end == at("2025-05-16T10:00"))
        let extra = try #require(byDate["2025-06-10"])
        #expect(extra.state == .extra)
        #expect(extra.uid == "s-extra-20250610.r@samverkan")
        #expect(extra.recurrenceID == nil)
        #expect(result.meetings.filter(\.isHeld).count == 9)

        let restored = try derive([cancel, move, decision(.restore, "2025-05-08"), decision(.restore, "2025-05-15")])
        #expect(restored.meetings == (try derive([])).meetings)
    }

    @Test("A decision about a date the configuration no longer plans is returned, not dropped")
    func unmatched() throws {
        let stray = decision(.cancel, "2025-05-09")
        let result = try derive([stray])
        #expect(result.unmatched == [stray])
        #expect(result.meetings == (try derive([])).meetings)
    }

    @Test(
        "Decisions that cannot be made are refused with what to do instead",
        arguments: [
            ("cancel", "2025-05-09", nil, "Krock", "register.no-meeting"),
            ("move", "2025-05-08", "2025-05-10T13:00", "Krock", "register.day-off-saturday"),
            ("move", "2025-05-08", "2025-06-06T13:00", "Krock", "register.day-off-holiday"),
            ("move", "2025-05-08", "2025-05-15T10:00", "Krock", "register.on-another-meeting"),
            ("move", "2025-05-08", "2025-05-08T13:00", "Krock", "register.unchanged"),
            ("move", "2025-05-08", "2025-05-09T13:00", " ", "register.reason-missing"),
            ("add", "2025-05-22", "2025-05-22T15:00", "Extra", "register.on-another-meeting"),
            ("restore", "2025-05-08", nil, "Ångrat", "register.nothing-to-restore"),
        ] as [(String, String, String?, String, String)])
    func refused(action: String, date: String, to: String?, reason: String, code: String) throws {
        let meetings = try derive([]).meetings
        let wanted = decision(MeetingDecision.Action(rawValue: action)!, date, to: to, reason: reason)
        let error = try #require(throws: RegisterError.self) {
            try MeetingRegister.check(wanted, meetings: meetings, structure: thursdays, scheduler: scheduler)
        }
        #expect(error.code == code)
    }

    @Test("A cancelled meeting cannot be cancelled again or moved; the message names the restore command")
    func cancelledTwice() throws {
        let meetings = try derive([decision(.cancel, "2025-05-08")]).meetings
        let again = try #require(throws: RegisterError.self) {
            try MeetingRegister.check(decision(.cancel, "2025-05-08"), meetings: meetings, structure: thursdays, scheduler: scheduler)
        }
        #expect(again == .alreadyCancelled(structureID: "s", date: day("2025-05-08")))
        let move = try #require(throws: RegisterError.self) {
            try MeetingRegister.check(
                decision(.move, "2025-05-08", to: "2025-05-09T13:00"), meetings: meetings,
                structure: thursdays, scheduler: scheduler)
        }
        #expect(move == .cancelled(structureID: "s", date: day("2025-05-08")))
        #expect(move.values == ["structure": "s", "date": "2025-05-08"])
    }

    @Test("No meeting on the date: the message lists the nearest meetings where the register has them")
    func nearest() throws {
        let meetings = try derive([]).meetings
        let error = try #require(throws: RegisterError.self) {
            try MeetingRegister.check(decision(.cancel, "2025-05-10"), meetings: meetings, structure: thursdays, scheduler: scheduler)
        }
        #expect(error.code == "register.no-meeting")
        // 2025-05-01 (May Day) is moved to 2025-04-30: listed where the register has it.
        #expect(error.values["nearest"] == "2025-04-30, 2025-05-08, 2025-05-15")
    }

    @Test("Meetings that overlap for one member organisation are one clash; a person of that organisation adds none")
    func clashes() throws {
        let other = CollaborationStructure(
            id: "t", name: "T", kind: .custom, members: ["a"], chair: "p",
            frequency: .weekly(interval: 1, weekday: .thursday), starts: day("2025-01-01"),
            time: LocalTime(hour: 13, minute: 30)!, durationMinutes: 60)
        let configuration = RegionConfiguration(
            region: Organisation(id: "r", name: "Region", kind: .region),
            organisations: [Organisation(id: "a", name: "A", kind: .other)],
            people: [Person(id: "p", name: "P", organisation: "a")], structures: [thursdays, other])
        let window = (day("2025-05-05"), day("2025-05-09"))
        let meetings = try [thursdays, other].flatMap { s in
            MeetingRegister.derive(
                s, occurrences: try scheduler.occurrences(of: s, from: window.0, through: window.1),
                decisions: [], configuration: configuration
            ).meetings
        }
        let clashes = MeetingClash.find(in: meetings, configuration: configuration)
        #expect(clashes.count == 1)
        #expect(clashes.first?.party == .organisation("a"))
        #expect(clashes.first?.meetings.map(\.structureID) == ["s", "t"])
        #expect(clashes.first?.start == at("2025-05-08T13:00"))
        #expect(clashes.first?.end == at("2025-05-08T14:30"))
        // Moved apart, there is no clash.
        var moved = meetings
        let index = moved.firstIndex { $0.structureID == "t" }!
        moved[index].start = at("2025-05-08T14:00")
        moved[index].end = at("2025-05-08T15:00")
        #expect(MeetingClash.find(in: moved, configuration: configuration).isEmpty)
    }
}
