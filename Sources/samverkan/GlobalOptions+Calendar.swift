import SamverkanDomain
import SamverkanStore
import SamverkanTime

/// What the calendar commands read from the meeting register.
struct CalendarMeetings {
    /// The structures' meetings whose planned or actual day lies in the window.
    var window: [RegisteredMeeting]
    /// All of the structures' meetings in the register (for window-independent content hashes).
    var all: [RegisteredMeeting]

    /// All meetings of one UID's structure, for its content hash.
    func all(of structureID: String) -> [RegisteredMeeting] {
        all.filter { $0.structureID == structureID }
    }
}

extension GlobalOptions {
    /// Brings the register up to date (through the window's end at least) and reads the
    /// structures' meetings for a calendar.
    func calendarMeetings(_ database: AppDatabase, _ configuration: RegionConfiguration,
                          structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> CalendarMeetings {
        try refreshRegister(database, configuration, phrases: try phrasebook(),
                            through: registerHorizon(today: try today(), atLeast: through))
        let ids = structures.map(\.id)
        return try store {
            CalendarMeetings(window: try database.registeredMeetings(structureIDs: ids, from: from, through: through),
                             all: try database.registeredMeetings(structureIDs: ids))
        }
    }
}
