import SamverkanDomain
import SamverkanTime

extension StructureCompliance {
    /// Counts a structure's planned meetings against its held meetings, cancellations and sums.
    mutating func tally(
        occurrences: [PlannedMeetingDay], meetings: [HeldMeeting], cancelled recorded: [CancellationRecord],
        totals: MeetingTotals, structure: CollaborationStructure, configuration: RegionConfiguration, today: LocalDate
    ) {
        figures.structures = 1
        // Each held meeting matches one occurrence: by planned date, else (a planned meeting held
        // on another day) by its date. What is left over is extra.
        // Keyed by day number: ten national years count 180,000 meetings.
        var byPlanned: [Int: Int] = [:]
        var byDate: [Int: Int] = [:]
        byPlanned.reserveCapacity(meetings.count)
        byDate.reserveCapacity(meetings.count)
        for (index, meeting) in meetings.enumerated() {
            if let planned = meeting.plannedDate {
                if byPlanned[planned.dayNumber] == nil { byPlanned[planned.dayNumber] = index }
                if byDate[meeting.date.dayNumber] == nil { byDate[meeting.date.dayNumber] = index }
            }
        }
        var used = [Bool](repeating: false, count: meetings.count)
        var matched = 0
        let cancelledOn = Dictionary(recorded.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        for occurrence in occurrences {
            let planned = occurrence.planned
            let start = occurrence.start
            let cell = HeatMapColumn.index(of: start, in: columns)
            // The meeting of the planned date, else of the day.
            var match = byPlanned[planned.dayNumber]
            if let index = match, used[index] { match = nil }
            if match == nil, let index = byDate[start.dayNumber], !used[index] { match = index }
            if let index = match {
                used[index] = true
                matched += 1
                figures.heldPlanned += 1
                figures.expected += 1
            } else if let cancellation = cancelledOn[start] ?? cancelledOn[planned] {
                cancellations.append(cancellation)
                figures.cancelled += 1
                figures.expected += 1
                cell.map { cells[$0].cancelled += 1 }
            } else if start >= today {
                figures.upcoming += 1
                cell.map { cells[$0].upcoming += 1 }
            } else {
                missedDates.append(start)
                figures.missed += 1
                figures.expected += 1
                cell.map { cells[$0].missed += 1 }
            }
        }
        figures.extra = meetings.count - matched
        figures.counted = min(figures.held, figures.expected)
        for (meeting, planned) in zip(meetings, used) {
            guard let index = HeatMapColumn.index(of: meeting.date, in: columns) else { continue }
            if planned { cells[index].held += 1 } else { cells[index].extra += 1 }
        }
        count(totals, structure: structure, configuration: configuration)
        cancellations.sort { $0.date < $1.date }
    }

    /// Content, attendance, approval and action items from the structure's sums.
    private mutating func count(_ totals: MeetingTotals, structure: CollaborationStructure, configuration: RegionConfiguration) {
        let held = totals.meetings
        figures.agendaPossible = agenda.count * held
        for item in agenda {
            let covered = totals.covered[item.id] ?? 0
            figures.agendaCovered += covered
            figures.items[ComplianceFigures.ItemKey(item)] = ComplianceFigures.ItemCount(covered: covered, meetings: held)
        }
        organisations = structure.members.map { id in
            let organisation = configuration.organisation(id)
            return OrganisationPresence(
                id: id, name: organisation?.name ?? id, principal: organisation?.principal ?? .other,
                attended: held > 0 ? totals.organisationsPresent[id] ?? 0 : 0, meetings: held)
        }
        if held > 0 {
            switch attendanceMeasure {
            case .memberShare where !structure.members.isEmpty:
                let present = structure.members.reduce(0) { $0 + (totals.organisationsPresent[$1] ?? 0) }
                figures.attendanceMeetings = held
                figures.attendanceScore = Double(present) / Double(structure.members.count)
            case .bothPrincipals:
                let required = Set(structure.members.compactMap { configuration.organisation($0)?.principal }).intersection([
                    .region, .municipality,
                ])
                guard !required.isEmpty else { break }
                figures.attendanceMeetings = held
                figures.attendanceScore = Double(totals.sidesPresent.filter { required.isSubset(of: $0.key) }.values.reduce(0, +))
            default:
                break
            }
        }
        for (days, count) in totals.approvalDays.sorted(by: { $0.key < $1.key }) {
            figures.approved += count
            figures.approvalDays += Array(repeating: days, count: count)
            if days <= ComplianceFigures.approvalLimit { figures.approvedInTime += count }
        }
        figures.actionsCreated = totals.actionsCreated
        figures.actionsDone = totals.actionsDone
        figures.actionsOpen = totals.actionsCreated - totals.actionsDone
        figures.actionsOverdue = totals.actionsOverdue
    }
}
