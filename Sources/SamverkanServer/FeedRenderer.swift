public import SamverkanCalendar
public import SamverkanDomain
public import SamverkanICal
public import SamverkanStore
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
/// and of the server's feeds, so both produce the same calendar.
public struct FeedRenderer: Sendable {
    public let configuration: RegionConfiguration
    public let exporter: CalendarExporter
    public let database: AppDatabase

    public init(configuration: RegionConfiguration, texts: CalendarTexts, database: AppDatabase, now: Int) {
        self.configuration = configuration
        self.exporter = CalendarExporter(configuration: configuration, texts: texts, now: now)
        self.database = database
    }

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

    /// Brings the register up to date with the configuration through a day.
    @discardableResult
    public func refreshRegister(through: LocalDate, now: String) throws -> RegisterRefresh {
        try database.refreshRegister(configuration, scheduler: Scheduler(), through: through, now: now)
    }

    /// Reads the structures' meetings (the register must be up to date through `through`).
    public func meetings(of structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> CalendarMeetings {
        let ids = structures.map(\.id)
        return CalendarMeetings(
            window: try database.registeredMeetings(structureIDs: ids, from: from, through: through),
            all: try database.registeredMeetings(structureIDs: ids))
    }

    /// The plans and SEQUENCEs of the structures' calendar over a window. SEQUENCE rises (and
    /// is stored) only when what an attendee sees of a UID changed, whatever the window.
    public func content(of structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> FeedContent {
        let planned = try Self.planned(structures, meetings: try meetings(of: structures, from: from, through: through), exporter: exporter)
        var sequences: [String: Int] = [:]
        for (plan, hash) in planned.hashes {
            sequences[plan.uid] = try database.sequence(uid: plan.uid, structureID: plan.structure.id, contentHash: hash)
        }
        return FeedContent(plans: planned.plans, sequences: sequences, empty: planned.empty)
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

    /// The published calendar (`METHOD:PUBLISH`) of a selection over a window, named as
    /// `calendar export` names a single file.
    public func feed(_ selection: FeedSelection, from: LocalDate, through: LocalDate) throws -> ICalDocument {
        let structures = try selection.resolve(in: configuration)
        let content = try content(of: structures, from: from, through: through)
        let name = selection.calendarName(structures, in: configuration, phrases: exporter.texts.phrases)
        return try exporter.feed(content.plans, sequences: content.sequences, name: name)
    }
}
