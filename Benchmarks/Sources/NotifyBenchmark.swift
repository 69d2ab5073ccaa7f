import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// Issue "Mail that goes out": `notify` for the national configuration (~1,500 structures, ten
/// years of history) decides what is due in under 1 s; sending is bounded by the mail command.
///
/// One run = what `samverkan notify` does before it hands anything to the mail command: open the
/// database, check the meeting register is current (derived once, before the runs), read the
/// meetings around today, open action items, recent minutes and drafts, and compose every
/// message due. On a copy of the report benchmark's seeded database (minutes 2015–2024), with
/// an e-mail address for every person, on 2025-01-10.
enum NotifyBenchmark {
    static let runs = 5
    static let target = 1.0
    static let today = LocalDate(year: 2025, month: 1, day: 10)!
    static let path = ".build/benchmark-data/notify-national-v1.sqlite"

    static func configuration() -> RegionConfiguration {
        var base = ReportBenchmark.configuration()
        base.people = base.people.map { person in
            var withAddress = person
            withAddress.email = "\(person.id)@example.se"
            return withAddress
        }
        return RegionConfiguration(
            region: base.region, organisations: base.organisations, people: base.people,
            structures: base.structures)
    }

    static func run() throws {
        let configuration = configuration()
        let source = try ReportBenchmark.seededDatabase(configuration)
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.copyItem(atPath: source, toPath: path)
        }
        let horizon = LocalDate(year: today.year + 2, month: 12, day: 31)!
        let derive = try Measure.seconds {
            _ = try AppDatabase.open(path: path).refreshRegister(
                configuration, scheduler: Scheduler(), through: horizon,
                now: "2025-01-10T05:00:00Z")
        }
        print(String(format: "notify: register current in %.2f s (derived once, not timed below)", derive))
        let texts = try MailTexts(library: TemplateLibrary(language: "sv"))
        try phases(configuration, texts: texts, horizon: horizon)
        var times: [Double] = []
        var counts: [MailSending.Kind: Int] = [:]
        for _ in 0..<runs {
            var due: [NotifyPlanner.Due] = []
            times.append(
                try Measure.seconds {
                    let database = try AppDatabase.open(path: path)
                    _ = try database.refreshRegister(configuration, scheduler: Scheduler(), through: horizon, now: "2025-01-10T05:00:00Z")
                    let input = try database.notifyInput(
                        today: today, from: NotifyPlanner.firstDay(today: today, settings: configuration.mail),
                        through: NotifyPlanner.lastDay(today: today, configuration: configuration),
                        heldSince: NotifyPlanner.heldSince(today: today, configuration: configuration),
                        heldThrough: NotifyPlanner.heldThrough(today: today, configuration: configuration))
                    let planner = NotifyPlanner(configuration: configuration, texts: texts, today: today, now: 1_736_485_200)
                    var serial = 0
                    due = planner.due(input) {
                        serial += 1
                        return "\(serial)@samverkan"
                    }
                })
            counts = Dictionary(grouping: due, by: \.sending.kind).mapValues(\.count)
        }
        let median = ReportBenchmark.median(times)
        let summary = MailSending.Kind.allCases.compactMap { kind in counts[kind].map { "\(kind.rawValue) \($0)" } }.joined(separator: ", ")
        print(
            String(
                format: "notify: %d structures, decided %d messages (%@) in %.3f s median of %d (target < %.0f s): %@",
                configuration.structures.count, counts.values.reduce(0, +), summary, median, runs, target,
                median < target ? "OK" : "TOO SLOW"))
        if median >= target { throw BenchmarkFailure(description: "notify took \(median) s") }
    }

    /// The phases of one run, timed alone: register check, each read, deciding.
    static func phases(_ configuration: RegionConfiguration, texts: MailTexts, horizon: LocalDate) throws {
        let database = try AppDatabase.open(path: path)
        let first = NotifyPlanner.firstDay(today: today, settings: configuration.mail)
        let last = NotifyPlanner.lastDay(today: today, configuration: configuration)
        let register = try Measure.seconds {
            _ = try database.refreshRegister(configuration, scheduler: Scheduler(), through: horizon, now: "2025-01-10T05:00:00Z")
        }
        let meetings = try Measure.seconds { _ = try database.registeredMeetings(from: first, through: last) }
        var input: NotifyInput!
        let all = try Measure.seconds {
            input = try database.notifyInput(
                today: today, from: first, through: last,
                heldSince: NotifyPlanner.heldSince(today: today, configuration: configuration),
                heldThrough: NotifyPlanner.heldThrough(today: today, configuration: configuration))
        }
        let decide = Measure.seconds {
            _ = NotifyPlanner(configuration: configuration, texts: texts, today: today, now: 0).due(input) { "x" }
        }
        print(
            String(
                format:
                    "notify: phases: register check %.3f s, meetings %.3f s, whole read (meetings, open items, minutes, drafts) %.3f s, decide %.3f s",
                register, meetings, all, decide))
    }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        var description: String
    }
}
