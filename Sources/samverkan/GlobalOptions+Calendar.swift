import SamverkanCalendar
import SamverkanDomain
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension GlobalOptions {
    /// Brings the register up to date (through the window's end at least) and reads the
    /// structures' meetings for a calendar.
    func calendarMeetings(
        _ database: any MeetingStore, _ configuration: RegionConfiguration,
        structures: [CollaborationStructure], from: LocalDate, through: LocalDate
    ) async throws -> CalendarMeetings {
        try await refreshRegister(
            database, configuration, phrases: try phrasebook(),
            through: registerHorizon(today: try today(), atLeast: through))
        return try await store { try await CalendarMeetings.read(structures, from: from, through: through, store: database) }
    }
}
