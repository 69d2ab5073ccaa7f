import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanRendering
import SamverkanStore
import SamverkanTime

extension PostgresBenchmark {
    /// `minutes new --file`'s work on PostgreSQL, as ``MinutesBenchmark`` measures it on SQLite:
    /// connect, read the draft's context (open action items, activity statuses, previous
    /// minutes), parse the filled draft, save in one transaction — for meetings after the ten
    /// seeded years.
    static func minutes(url: PostgresURL, configuration: RegionConfiguration) async throws {
        let phrases = Phrasebook(language: "sv", phrases: try MinutesBenchmark.loadPhrases())
        let template = try TextTemplate(
            try String(contentsOfFile: "Templates/sv/minutes.md", encoding: .utf8), name: "sv/minutes.md", format: .markdown)
        let scheduler = Scheduler()
        let setup = try await PostgresStore.open(url)
        var timings: [Double] = []
        for run in 0..<MinutesBenchmark.runs {
            let structure = configuration.structures[(run * 97) % configuration.structures.count]
            let recorded = try await setup.recordedDates(structureID: structure.id)
            let occurrence = try scheduler.occurrences(
                of: structure, from: LocalDate(year: 2025, month: 1, day: 1)!, through: LocalDate(year: 2026, month: 12, day: 31)!
            )
            .first { $0.isHeld && !recorded.contains($0.start.date) }!
            let date = occurrence.start.date
            let context = try await draftContext(setup, configuration, structure, date, phrases)
            let draft = MinutesBenchmark.filled(
                MinutesDraft.render(
                    template: template, context: context,
                    minutes: MinutesDraft.blank(context: context, date: date, time: occurrence.start.time)
                ),
                structure: structure, date: date)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-pg-bench-\(structure.id).md").path
            try draft.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            timings.append(
                try await Measure.seconds {
                    let store = try await PostgresStore.open(url)
                    let context = try await draftContext(store, configuration, structure, date, phrases)
                    var minutes = try MinutesDraftParser.parse(try String(contentsOfFile: file, encoding: .utf8), context: context)
                    // The planned meeting found as the SQLite benchmark finds it.
                    minutes.plannedDate = try scheduler.occurrences(
                        of: structure, from: date.adding(days: -7), through: date.adding(days: 7)
                    )
                    .first { $0.start.date == date }?.plannedStart.date
                    _ = try await store.save(minutes)
                    await store.close()
                })
        }
        await setup.close()
        let sorted = timings.sorted()
        let median = sorted[sorted.count / 2]
        print(
            String(
                format:
                    "postgres: record one set of minutes from a draft file (connect, read the context, parse, save): median %.1f ms (min %.1f, max %.1f, %d runs); target %.0f ms; ratio %.2f of target — %@",
                median * 1000, sorted.first! * 1000, sorted.last! * 1000, MinutesBenchmark.runs, minutesTarget * 1000,
                median / minutesTarget, median < minutesTarget ? "PASS" : "FAIL"))
    }

    /// What a draft is written and read against, from either engine.
    static func draftContext(
        _ store: any MeetingStore, _ configuration: RegionConfiguration, _ structure: CollaborationStructure,
        _ date: LocalDate, _ phrases: Phrasebook
    ) async throws -> MinutesDraftContext {
        MinutesDraftContext(
            configuration: configuration, structure: structure,
            openActions: try await store.openActions(structureID: structure.id, before: date),
            activityStatus: try await store.activityStatus(structureID: structure.id, before: date),
            previous: try await store.previousMinutes(structureID: structure.id, before: date), phrases: phrases)
    }

    /// 16 writers, each on a connection of its own, saving minutes (attendance, the standing
    /// agenda, a decision, an action item) for structures of their own as fast as they can.
    static func concurrentWriters(url: PostgresURL, configuration: RegionConfiguration) async throws {
        let structures = configuration.structures
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(writerSeconds * 1e9)
        let start = DispatchTime.now().uptimeNanoseconds
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let store = try await PostgresStore.open(url)
                    var saved = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        let structure = structures[(writer + writers * (saved % 8)) % structures.count]
                        // Days far after the seeded years, one per save: never the same meeting twice.
                        let date = LocalDate(year: 2030, month: 1, day: 1)!.adding(days: saved / 8 + 1)
                        _ = try await store.save(sample(structure, date: date, configuration: configuration))
                        saved += 1
                    }
                    await store.close()
                    return saved
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let rate = Double(counts.reduce(0, +)) / seconds
        print(
            String(
                format:
                    "postgres: %d concurrent writers saved %d minutes in %.1f s: %.0f minutes/s in total (fewest by one writer %d); target ≥ %.0f/s; ratio %.2f of target — %@",
                writers, counts.reduce(0, +), seconds, rate, counts.min() ?? 0, writersTarget, rate / writersTarget,
                rate >= writersTarget ? "PASS" : "FAIL"))
    }

    /// Minutes as a secretary records them for a meeting of a structure.
    static func sample(_ structure: CollaborationStructure, date: LocalDate, configuration: RegionConfiguration) -> Minutes {
        Minutes(
            structureID: structure.id, date: date, time: LocalTime(hour: 13, minute: 0), plannedDate: nil,
            place: "Kommunhuset", chair: "Ordförande", secretary: "Sekreterare",
            attendance: structure.members.prefix(4).map { member in
                Attendance(
                    personID: "p-\(member)", organisationID: member,
                    principal: configuration.organisation(member)?.principal ?? .other, present: true)
            },
            agenda: structure.standingAgenda.map { AgendaCoverage(itemID: $0.id, covered: true, notes: "Genomgång") },
            decisions: [Decision(text: "Rutinen för utskrivning antas.")],
            newActions: [
                ActionItem(
                    text: "Följa upp återinskrivningar", responsible: Responsible(kind: .organisation, id: structure.members[0]),
                    due: date.adding(days: 60))
            ])
    }
}
