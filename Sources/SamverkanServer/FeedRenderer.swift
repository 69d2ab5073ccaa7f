public import SamverkanCalendar
public import SamverkanDomain
import SamverkanICal
import SamverkanStore
public import SamverkanTime

/// What a calendar reads from the meeting register.
public struct CalendarMeetings: Sendable {
    /// The structures' meetings whose planned or actual day lies in the window.
    public var window: [RegisteredMeeting]
    /// All of the structures' meetings in the register (for window-independent content hashes).
    public var all: [RegisteredMeeting]

    /// All meetings of one UID's structure, for its content hash.
    public func all(of structureID: String) -> [RegisteredMeeting] {
        all.filter { $0.structureID == structureID }
    }
}

/// The plans of a published calendar with each UID's SEQUENCE: what `calendar export` writes and
/// `samverkan serve` serves for a selection over a window.
public struct FeedContent: Sendable {
    /// One plan per UID, cancelled ones left out.
    public var plans: [SeriesPlan]
    /// SEQUENCE by UID, remembered in the store.
    public var sequences: [String: Int]
    /// The selected structures without a meeting in the window.
    public var empty: [CollaborationStructure]
}

/// Builds published calendars from the meeting register, the one code path of `calendar export`
/// and of the server's feeds, so both produce the same calendar (reading the store: see
/// ``FeedContent/read(_:from:through:exporter:store:)`` and ``feed(_:from:through:exporter:store:)``).
public enum FeedRenderer {
    /// The last day the meeting register covers: the end of the year two years after today, or
    /// the end of a later day's year.
    public static func registerHorizon(today: LocalDate, atLeast day: LocalDate? = nil) -> LocalDate {
        let end = LocalDate(year: today.year + 2, month: 12, day: 31)!
        guard let day, day > end else { return end }
        return LocalDate(year: day.year, month: 12, day: 31)!
    }

    /// A day some months from another (negative: back), on the same day of the month or the
    /// month's last day.
    public static func date(_ day: LocalDate, addingMonths months: Int) -> LocalDate {
        let index = day.year * 12 + (day.month - 1) + months
        let (year, month) = (index / 12, index % 12 + 1)
        for candidate in stride(from: day.day, through: 1, by: -1) {
            if let date = LocalDate(year: year, month: month, day: candidate) { return date }
        }
        return LocalDate(year: year, month: month, day: 28)!
    }

    /// The plans of a calendar (cancelled ones left out), each with its content hash, and the
    /// structures without a meeting in the window: all but the SEQUENCEs, which the store keeps.
    public static func planned(
        _ structures: [CollaborationStructure], meetings: CalendarMeetings, exporter: CalendarExporter
    ) throws -> (plans: [SeriesPlan], hashes: [(SeriesPlan, String)], empty: [CollaborationStructure]) {
        let plans = try exporter.plans(for: structures, meetings: meetings.window).filter { !$0.isCancelled }
        let hashes = try plans.map { plan in
            (plan, try exporter.contentHash(uid: plan.uid, of: plan.structure, meetings: meetings.all(of: plan.structure.id)))
        }
        let empty = structures.filter { structure in !plans.contains { $0.structure.id == structure.id } }
        return (plans, hashes, empty)
    }
}
