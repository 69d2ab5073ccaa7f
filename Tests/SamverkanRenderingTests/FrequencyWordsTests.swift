import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanRendering

@Suite("Frequencies in words")
struct FrequencyWordsTests {
    static func phrasebook(_ language: String) throws -> Phrasebook {
        let root = CLIRunner.packageRoot
        let text = try String(contentsOf: root.appendingPathComponent("Templates/\(language)/phrases.txt"), encoding: .utf8)
        var phrases: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            phrases[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Phrasebook(language: language, phrases: phrases)
    }

    @Test(
        "Swedish",
        arguments: [
            (Frequency.weekly(interval: 1, weekday: .monday), "varje måndag"),
            (.weekly(interval: 2, weekday: .tuesday), "varannan tisdag"),
            (.weekly(interval: 4, weekday: .wednesday), "var 4:e vecka på onsdagar"),
            (.monthlyWeekday(ordinal: 1, weekday: .monday, interval: 1), "första måndagen varje månad"),
            (.monthlyWeekday(ordinal: -1, weekday: .friday, interval: 2), "sista fredagen varannan månad"),
            (.monthlyDay(day: 15, interval: 1), "den 15 varje månad"),
            (.monthsWeekday(months: [11, 2], ordinal: 3, weekday: .friday), "2 gånger per år: tredje fredagen i februari och november"),
            (.monthsWeekday(months: [1], ordinal: 3, weekday: .friday), "en gång per år: tredje fredagen i januari"),
            (.dates([LocalDate(iso: "2025-02-21")!]), "1 fastställda datum"),
        ])
    func swedish(frequency: Frequency, expected: String) throws {
        #expect(frequency.words(try Self.phrasebook("sv")) == expected)
    }

    @Test(
        "English",
        arguments: [
            (Frequency.weekly(interval: 2, weekday: .tuesday), "every other Tuesday"),
            (.monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 1), "the second Thursday of every month"),
            (.monthsDay(months: [3, 6, 9], day: -1), "3 times a year: the last day in March, June and September"),
        ])
    func english(frequency: Frequency, expected: String) throws {
        #expect(frequency.words(try Self.phrasebook("en")) == expected)
    }

    @Test("Every phrase key exists in both languages")
    func sameKeys() throws {
        let sv = try Self.phrasebook("sv")
        let en = try Self.phrasebook("en")
        for frequency: Frequency in [
            .weekly(interval: 3, weekday: .friday), .monthlyDay(day: -1, interval: 3),
            .monthsDay(months: [1], day: 1),
        ] {
            #expect(!frequency.words(sv).contains("frequency."))
            #expect(!frequency.words(en).contains("frequency."))
        }
    }
}
