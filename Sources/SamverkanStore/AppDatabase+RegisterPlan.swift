internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// ``history(from:through:asOf:)`` with the period's planned meetings from the meeting
    /// register (``MeetingHistory/planned``) — when the register is current for `configuration`
    /// through `through`; otherwise `planned` is nil and the caller expands the schedules. Bring
    /// the register up to date first (``refreshRegister(_:scheduler:through:now:)``) so the
    /// report needs no expansion.
    ///
    /// The register and the history are read in one read transaction, so a report never mixes a
    /// register and minutes from before and after another command's write. (Reading the two at
    /// once on two reader connections of the same snapshot was tried: on the shared 2-core
    /// machine it was no faster for ten national years, and a fresh pool's second connection
    /// cost more than it saved.)
    public func history(
        from: LocalDate, through: LocalDate, asOf: LocalDate,
        register configuration: RegionConfiguration
    ) throws -> MeetingHistory {
        let digests = registerDigests.digests(configuration)
        return try read { db in
            let current = try Self.registerIsCurrent(db, configuration, through: through, digests: digests)
            var history = try Self.history(db, from: from, through: through, asOf: asOf, scanning: nil)
            if current { history.planned = try Self.plannedMeetings(db, from: from, through: through) }
            return history
        }
    }

    /// The register's meetings that count for a report — planned, moved and cancelled, by planned
    /// date in the period — per structure in planned order, from the covering index
    /// `meetings_period` (a hand-written cursor like the report's other bulk reads: ten national
    /// years hold some 180,000), each column read checked.
    static func plannedMeetings(_ db: Database, from: LocalDate, through: LocalDate) throws -> [String: [PlannedMeetingDay]] {
        let cursor = try SQLRequest<Row>(
            """
            SELECT structure_id, planned_date, CASE WHEN substr(start, 1, 10) = planned_date THEN NULL ELSE start END
            FROM meetings INDEXED BY meetings_period
            WHERE planned_date BETWEEN \(from.iso) AND \(through.iso) AND state IN ('planned', 'moved', 'cancelled')
            ORDER BY planned_date, structure_id
            """
        ).fetchCursor(db)
        let table = "meetings"
        // Per structure number (``ByteInterner``: ids numbered by their bytes, not hashed as
        // `String` keys per row), made a dictionary once at the end.
        var structures = ByteInterner()
        var days: [[PlannedMeetingDay]] = []
        // Rows come day by day: the planned date repeats for every structure meeting that day.
        var day = ""
        var planned = from
        while let row = try cursor.next() {
            let structure = structures.number(of: try row.checked(0, table, "structure_id", as: String.self))
            if structure == days.count { days.append([]) }
            let text = try row.checked(1, table, "planned_date", as: String.self)
            if text != day {
                guard let date = LocalDate(iso: text) else { throw StoreError.unreadable(table, column: "planned_date") }
                day = text
                planned = date
            }
            // Most meetings are held on their planned day: SQLite says so (NULL; `start` is NOT
            // NULL), and no second date is read or parsed.
            let start = try row.checked(2, table, "start", as: String?.self)
            let startDay = try start.map { try Self.startDay($0, table) } ?? planned
            days[structure].append(PlannedMeetingDay(planned: planned, start: startDay))
        }
        return Dictionary(uniqueKeysWithValues: zip(structures.strings, days))
    }

    /// The day of a `YYYY-MM-DDTHH:MM` start.
    private static func startDay(_ start: String, _ table: String) throws -> LocalDate {
        guard start.utf8.count == 16, let date = LocalDate(iso: start.prefix(10)) else {
            throw StoreError.unreadable(table, column: "start")
        }
        return date
    }
}
