import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// Issue "Minutes from the command line": recording one set of minutes from a filled draft
/// against a database that already holds 10 years of national-scale minutes (~150,000
/// meetings) takes under 50 ms wall, median.
///
/// One recording = what `minutes new --file` does after reading the configuration: open the
/// database, read the open action items, previous minutes and activity statuses, read and parse
/// the draft, find the planned meeting, and save everything in one transaction.
enum MinutesBenchmark {
    static let target = 0.050
    static let meetingsPerStructure = 100
    static let runs = 31

    static func run() throws {
        let base = NationalConfiguration.make(starts: LocalDate(year: 2015, month: 1, day: 1)!)
        // One person per member organisation, so drafts have attendance to mark.
        let people = base.organisations.map { Person(id: "p-\($0.id)", name: "Person \($0.name)", role: "Chef", organisation: $0.id) }
        let configuration = RegionConfiguration(
            region: base.region, organisations: base.organisations, people: people, structures: base.structures)
        let folder = URL(fileURLWithPath: ".build/benchmark-data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("minutes-national-v1.sqlite").path
        let expected = configuration.structures.count * meetingsPerStructure
        var database = try AppDatabase.open(path: path)
        let stored = try count(database, "SELECT COUNT(*) FROM minutes")
        if stored < expected {
            try? FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            database = try AppDatabase.open(path: path)
            let seconds = try Measure.seconds { try seed(database, configuration) }
            print(String(format: "minutes: seeded %d meetings in %.1f s (kept in %@ for later runs)", expected, seconds, path))
        }
        let phrases = Phrasebook(language: "sv", phrases: try loadPhrases())
        let template = try TextTemplate(
            try String(contentsOfFile: "Templates/sv/minutes.md", encoding: .utf8),
            name: "sv/minutes.md", format: .markdown)
        let draftFolder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-minutes-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: draftFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: draftFolder) }
        let scheduler = Scheduler()
        var timings: [Double] = []
        for run in 0..<runs {
            // A structure and its next planned meeting after the ten seeded years (not yet recorded).
            let structure = configuration.structures[(run * 97) % configuration.structures.count]
            let recorded = try database.recordedDates(structureID: structure.id)
            let occurrence = try scheduler.occurrences(
                of: structure, from: LocalDate(year: 2025, month: 1, day: 1)!,
                through: LocalDate(year: 2026, month: 12, day: 31)!
            )
            .first { $0.isHeld && !recorded.contains($0.start.date) }!
            let date = occurrence.start.date
            let context = try draftContext(database, configuration, structure, date, phrases)
            let draft = filled(
                MinutesDraft.render(
                    template: template, context: context,
                    minutes: MinutesDraft.blank(context: context, date: date, time: occurrence.start.time)),
                structure: structure, date: date)
            let file = draftFolder.appendingPathComponent("\(structure.id).md").path
            try draft.write(toFile: file, atomically: true, encoding: .utf8)
            timings.append(
                try Measure.seconds {
                    let db = try AppDatabase.open(path: path)
                    let context = try draftContext(db, configuration, structure, date, phrases)
                    let text = try String(contentsOfFile: file, encoding: .utf8)
                    var minutes = try MinutesDraftParser.parse(text, context: context)
                    minutes.plannedDate = try scheduler.occurrences(
                        of: structure, from: date.adding(days: -7), through: date.adding(days: 7)
                    )
                    .first { $0.start.date == date }?.plannedStart.date
                    try db.save(minutes)
                })
        }
        // Leave the seeded database as it was for the next run.
        try database.unsafeRawWrite(
            """
            DELETE FROM minutes_search WHERE rowid IN (SELECT id FROM minutes WHERE meeting_date >= '2025-01-01');
            DELETE FROM action_follow_ups WHERE minutes_id IN (SELECT id FROM minutes WHERE meeting_date >= '2025-01-01');
            DELETE FROM minutes WHERE meeting_date >= '2025-01-01';
            """)
        let sorted = timings.sorted()
        let median = sorted[sorted.count / 2]
        print(
            String(
                format:
                    "minutes: record one set of minutes from a draft file, %d meetings in the database: median %.1f ms (min %.1f, max %.1f, %d runs); target %.0f ms; ratio %.2f of target — %@",
                expected, median * 1000, sorted.first! * 1000, sorted.last! * 1000, runs, target * 1000, median / target,
                median < target ? "PASS" : "FAIL"))
    }

    /// A blank draft filled in as a secretary does: everyone present and every item covered, the
    /// chair named (the national structures have no configured chair, and someone must be able
    /// to sign: the person of the first member organisation, by id), a decision and a new action item.
    static func filled(_ draft: String, structure: CollaborationStructure, date: LocalDate) -> String {
        draft.replacingOccurrences(of: "- [ ] ", with: "- [x] ")
            .replacingOccurrences(
                of: "(?m)^Ordförande:[ \\t]*$", with: "Ordförande: p-\(structure.members[0])", options: .regularExpression
            )
            .replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- Rutinen för utskrivning antas.\n")
            + "- Följa upp återinskrivningar | ansvarig: \(structure.members[0]) | klart: \(date.adding(days: 60).iso)\n"
    }

    static func draftContext(
        _ db: AppDatabase, _ configuration: RegionConfiguration, _ structure: CollaborationStructure,
        _ date: LocalDate, _ phrases: Phrasebook
    ) throws -> MinutesDraftContext {
        MinutesDraftContext(
            configuration: configuration, structure: structure,
            openActions: try db.openActions(structureID: structure.id, before: date),
            activityStatus: try db.activityStatus(structureID: structure.id, before: date),
            previous: try db.previousMinutes(structureID: structure.id, before: date), phrases: phrases)
    }

    /// The number a counting query returns (raw SQL: benchmarks only).
    static func count(_ database: AppDatabase, _ sql: String) throws -> Int {
        try database.unsafeRawRead(sql).first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
    }

    static func loadPhrases() throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try String(contentsOfFile: "Templates/sv/phrases.txt", encoding: .utf8).split(separator: "\n")
        where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[line[..<colon].trimmingCharacters(in: .whitespaces)] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return result
    }

    /// Ten years of minutes for every structure: attendance, the standing agenda, a decision, an
    /// action item closed at the next meeting, and the search text — with plain SQL, in one transaction.
    static func seed(_ database: AppDatabase, _ configuration: RegionConfiguration) throws {
        let start = LocalDate(year: 2015, month: 1, day: 1)!
        try database.unsafeRawWrite { db in
            var id: Int64 = 0
            for structure in configuration.structures {
                var previousAction: Int64?
                for meeting in 0..<meetingsPerStructure {
                    id += 1
                    let date = start.adding(days: meeting * 36 + Int(id % 5)).iso
                    try db.execute(
                        """
                        INSERT INTO minutes (id, structure_id, meeting_date, meeting_time, planned_date, place, chair, secretary, created_at,
                                             approved_at, approved_on, approved_by, content_hash)
                        VALUES (?, ?, ?, '13:00', ?, 'Kommunhuset', 'Ordförande', 'Sekreterare', '2025-01-01T00:00:00Z', NULL, NULL, NULL, NULL)
                        """, [id, structure.id, date, date])
                    for (position, member) in structure.members.prefix(4).enumerated() {
                        try db.execute(
                            """
                            INSERT INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present)
                            VALUES (?, ?, ?, ?, ?, 1)
                            """, [id, position, "p-\(member)", member, configuration.organisation(member)?.principal.rawValue ?? "other"])
                    }
                    for (position, item) in structure.standingAgenda.enumerated() {
                        try db.execute(
                            "INSERT INTO minutes_agenda (minutes_id, position, agenda_item_id, covered, notes) VALUES (?, ?, ?, 1, 'Genomgång')",
                            [id, position, item.id])
                    }
                    try db.execute(
                        "INSERT INTO decisions (minutes_id, position, structure_id, year, number, text) VALUES (?, 0, ?, ?, NULL, 'Beslut om rutin')",
                        [id, structure.id, Int(date.prefix(4))!])
                    if let previousAction {
                        try db.execute(
                            "INSERT INTO action_follow_ups (minutes_id, position, action_id, status, comment) VALUES (?, 0, ?, 'done', '')",
                            [id, previousAction])
                    }
                    try db.execute(
                        """
                        INSERT INTO action_items (id, minutes_id, position, structure_id, text, responsible_kind, responsible_id, due)
                        VALUES (?, ?, 0, ?, 'Följa upp utskrivningar', 'organisation', ?, ?)
                        """, [id, id, structure.id, structure.members[0], date])
                    previousAction = id
                    try db.execute(
                        "INSERT INTO minutes_search (rowid, body) VALUES (?, ?)",
                        [id, "Genomgång av fast vårdkontakt och utskrivningar i \(structure.name)"])
                }
            }
        }
    }
}
