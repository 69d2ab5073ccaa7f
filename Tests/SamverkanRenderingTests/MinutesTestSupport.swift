import Foundation
import SamverkanRendering
import SamverkanTestSupport
import SamverkanTime

@testable import SamverkanDomain

/// A small configuration, the shipped phrases and templates, for the minutes tests.
enum MinutesFixture {
    static let root = CLIRunner.packageRoot

    static func phrases(_ language: String = "sv") -> Phrasebook {
        let text = (try? String(contentsOf: root.appendingPathComponent("Templates/\(language)/phrases.txt"), encoding: .utf8)) ?? ""
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[line[..<colon].trimmingCharacters(in: .whitespaces)] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Phrasebook(language: language, phrases: result)
    }

    static func template(_ language: String = "sv") -> TextTemplate {
        let text = (try? String(contentsOf: root.appendingPathComponent("Templates/\(language)/minutes.md"), encoding: .utf8)) ?? ""
        return (try? TextTemplate(text, name: "\(language)/minutes.md", format: .markdown)) ?? (try! TextTemplate(""))
    }

    static let configuration: RegionConfiguration = {
        let region = Organisation(id: "region", name: "Region Halland", kind: .region)
        let organisations = [
            region,
            Organisation(id: "halmstad", name: "Halmstads kommun", kind: .municipality),
            Organisation(id: "vc-norr", name: "Vårdcentralen Norr", kind: .careCentre, municipality: "halmstad"),
        ]
        let people = [
            Person(id: "anna", name: "Anna Andersson", role: "Socialchef", organisation: "halmstad"),
            Person(id: "bo", name: "Bo Berg", role: "Verksamhetschef", organisation: "vc-norr"),
            Person(id: "cia", name: "Cia Carlsson", organisation: "region"),
        ]
        let structure = CollaborationStructure(
            id: "rug", name: "RUG", kind: .rug, members: ["halmstad", "vc-norr", "region"], chair: "cia",
            frequency: .monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 1),
            starts: LocalDate(year: 2025, month: 1, day: 1)!, time: LocalTime(hour: 9, minute: 0)!, durationMinutes: 60,
            place: "Regionens hus",
            standingAgenda: [
                AgendaItem(id: "fasta-kontakter", title: "Fast vårdkontakt"), AgendaItem(id: "avvikelser", title: "Avvikelser"),
            ],
            activities: [
                ActionPlanActivity(
                    id: "fk-rutiner", activity: "Gemensamma rutiner", responsible: "RUG",
                    timePlan: .ongoing, status: .partly)
            ])
        return RegionConfiguration(region: region, organisations: organisations, people: people, structures: [structure])
    }()

    static func context(
        openActions: [OpenAction] = [], previous: PreviousMinutes? = nil, amends: Minutes? = nil,
        language: String = "sv"
    ) -> MinutesDraftContext {
        MinutesDraftContext(
            configuration: configuration, structure: configuration.structures[0], openActions: openActions,
            previous: previous, amends: amends, phrases: phrases(language))
    }

    /// A blank draft for 2025-03-13 with Anna present, one decision and one action item.
    static func filledDraft(language: String = "sv") -> String {
        let context = context(language: language)
        var text = MinutesDraft.render(
            template: template(language), context: context,
            minutes: MinutesDraft.blank(context: context, date: LocalDate(iso: "2025-03-13")!, time: nil))
        text = text.replacingOccurrences(of: "- [ ] Anna Andersson", with: "- [x] Anna Andersson")
        text +=
            "- Ta fram rutin | \(language == "sv" ? "ansvarig" : "responsible"): anna | \(language == "sv" ? "klart" : "due"): 2025-03-31\n"
        return text
    }
}
