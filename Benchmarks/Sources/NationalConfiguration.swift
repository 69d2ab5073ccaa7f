import SamverkanDomain
import SamverkanTime

/// A national-scale configuration built in code: 21 regions' worth of structures over
/// 290 municipalities and 1,200 care centres — about 1,500 structures.
enum NationalConfiguration {
    static let municipalityCount = 290
    static let careCentreCount = 1_200

    /// The configuration; `starts` is the first day the decided frequencies apply.
    static func make(starts: LocalDate = LocalDate(year: 2025, month: 1, day: 1)!) -> RegionConfiguration {
        let region = Organisation(id: "region-sverige", name: "Region Sverige (benchmark)", kind: .region)
        var organisations = [region]
        var structures: [CollaborationStructure] = []
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        let summer = Break(name: "Sommaruppehåll", fromMonth: 7, fromDay: 1, toMonth: 7, toDay: 31)
        let christmas = Break(name: "Jul- och nyårsuppehåll", fromMonth: 12, fromDay: 21, toMonth: 1, toDay: 6)
        let agenda = ["Fast vårdkontakt", "Behandlingsplaner", "Utskrivning och återinskrivningar", "Avvikelser"]
            .map { AgendaItem(id: $0.lowercased().replacingSpaces(), title: $0) }
        var centreIndex = 0
        for m in 0..<municipalityCount {
            let municipality = Organisation(id: "kommun-\(m)", name: "Kommun \(m)", kind: .municipality)
            let hsv = Organisation(id: "kommun-\(m)-hsv", name: "Hemsjukvården \(m)", kind: .homeHealthCare, municipality: municipality.id)
            organisations += [municipality, hsv]
            // Spread 1,200 care centres over 290 municipalities (4 or 5 in most, fewer in some).
            let centres = careCentreCount * (m + 1) / municipalityCount - careCentreCount * m / municipalityCount
            var centreIDs: [String] = []
            for _ in 0..<centres {
                let id = "vc-\(centreIndex)"
                organisations.append(
                    Organisation(
                        id: id, name: "Vårdcentral \(centreIndex)", kind: .careCentre,
                        municipality: municipality.id,
                        operator: centreIndex % 3 == 0 ? .privateProvider("Privat AB") : .regional))
                centreIDs.append(id)
                structures.append(
                    CollaborationStructure(
                        id: "single-\(id)", name: "Samverkan Vårdcentral \(centreIndex) – Hemsjukvården \(m)", kind: .single,
                        municipality: municipality.id, careCentre: id, members: [id, hsv.id],
                        frequency: .weekly(interval: 2 + centreIndex % 3, weekday: weekdays[centreIndex % 5]),
                        starts: starts, time: LocalTime(hour: 8 + centreIndex % 8, minute: 0)!, durationMinutes: 60,
                        standingAgenda: agenda, holidayPolicy: centreIndex % 2 == 0 ? .skip : .moveEarlier,
                        breaks: [summer, christmas], generated: true))
                centreIndex += 1
            }
            structures.append(
                CollaborationStructure(
                    id: "group-\(municipality.id)", name: "Samverkan gruppnivå Kommun \(m)", kind: .group,
                    municipality: municipality.id, members: centreIDs + [hsv.id],
                    frequency: .monthsWeekday(months: [2, 4, 6, 9, 11], ordinal: 1 + m % 4, weekday: weekdays[m % 5]),
                    starts: starts, time: LocalTime(hour: 13, minute: 0)!, durationMinutes: 120,
                    standingAgenda: agenda, holidayPolicy: .moveLater, breaks: [summer, christmas], generated: true))
        }
        for r in 0..<21 {
            structures.append(
                CollaborationStructure(
                    id: "rug-\(r)", name: "Regional utvecklingsgrupp \(r)", kind: .rug, members: [region.id],
                    frequency: .monthlyWeekday(ordinal: 2, weekday: .thursday, interval: 1), starts: starts,
                    time: LocalTime(hour: 9, minute: 0)!, durationMinutes: 120, standingAgenda: agenda,
                    holidayPolicy: .moveEarlier, breaks: [summer, christmas]))
        }
        return RegionConfiguration(region: region, organisations: organisations, people: [], structures: structures)
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
