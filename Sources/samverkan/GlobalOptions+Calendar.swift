import SamverkanCalendar
import SamverkanDomain
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension GlobalOptions {
    /// The renderer of published calendars (``FeedRenderer``, shared with `samverkan serve`).
    func feedRenderer(_ database: AppDatabase, _ configuration: RegionConfiguration, now: Int) throws -> FeedRenderer {
        FeedRenderer(configuration: configuration, texts: try calendarTexts(), database: database, now: now)
    }

    /// Brings the register up to date (through the window's end at least) and reads the
    /// structures' meetings for a calendar.
    func calendarMeetings(
        _ database: AppDatabase, _ configuration: RegionConfiguration,
        structures: [CollaborationStructure], from: LocalDate, through: LocalDate
    ) throws -> CalendarMeetings {
        try refreshRegister(
            database, configuration, phrases: try phrasebook(),
            through: registerHorizon(today: try today(), atLeast: through))
        let renderer = try feedRenderer(database, configuration, now: 0)
        return try store { try renderer.meetings(of: structures, from: from, through: through) }
    }
}
