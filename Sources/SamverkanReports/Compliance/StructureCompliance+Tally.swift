import SamverkanDomain

extension StructureCompliance {
    /// Counts a structure's planned meetings, minutes, cancellations and action items.
    mutating func tally(occurrences: [Occurrence], meetings: [MeetingRecord], cancelled recorded: [CancellationRecord],
                        actions: [ActionRecord], structure: CollaborationStructure, configuration: Configuration,
                        period: ReportPeriod, today: LocalDate, asOf: LocalDate) {
        figures.structures = 1
        var unmatched = meetings
        let cancelledOn = Dictionary(recorded.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        var held: [MeetingRecord] = []
        for occurrence in occurrences where occurrence.isHeld {
            let planned = occurrence.plannedStart.date, start = occurrence.start.date
            let cell = monthIndex(start)
            if let index = unmatched.firstIndex(where: { $0.plannedDate == planned })
                ?? unmatched.firstIndex(where: { $0.plannedDate != nil && $0.date == start }) {
                held.append(unmatched.remove(at: index))
                figures.heldPlanned += 1
                figures.expected += 1
            } else if let cancellation = cancelledOn[start] ?? cancelledOn[planned] {
                self.cancellations.append(cancellation)
                figures.cancelled += 1
                figures.expected += 1
                cell.map { months[$0].cancelled += 1 }
            } else if start >= today {
                figures.upcoming += 1
                cell.map { months[$0].upcoming += 1 }
            } else {
                missedDates.append(start)
                figures.missed += 1
                figures.expected += 1
                cell.map { months[$0].missed += 1 }
            }
        }
        figures.extra = unmatched.count
        held += unmatched
        figures.counted = min(figures.held, figures.expected)
        let required = requiredPrincipals(structure, configuration)
        for meeting in held {
            monthIndex(meeting.date).map { months[$0].held += 1 }
            count(content: meeting)
            count(attendance: meeting, structure: structure, required: required)
            if let approvedOn = meeting.approvedOn {
                let days = max(0, meeting.date.days(to: approvedOn))
                figures.approved += 1
                figures.approvalDays.append(days)
                if days <= ComplianceFigures.approvalLimit { figures.approvedInTime += 1 }
            }
        }
        for action in actions {
            figures.actionsCreated += 1
            if action.status == .done {
                figures.actionsDone += 1
            } else {
                figures.actionsOpen += 1
                if action.due < asOf { figures.actionsOverdue += 1 }
            }
        }
        cancellations.sort { $0.date < $1.date }
    }

    private func monthIndex(_ date: LocalDate) -> Int? {
        guard let first = months.first, let year = Int(first.month.prefix(4)), let month = Int(first.month.suffix(2)) else { return nil }
        let index = (date.year - year) * 12 + date.month - month
        return months.indices.contains(index) ? index : nil
    }

    private mutating func count(content meeting: MeetingRecord) {
        figures.agendaPossible += agenda.count
        for item in agenda {
            let covered = meeting.coveredItems.contains(item.id)
            if covered { figures.agendaCovered += 1 }
            figures.items[item.id, default: ComplianceFigures.ItemCount()].meetings += 1
            if covered { figures.items[item.id, default: ComplianceFigures.ItemCount()].covered += 1 }
        }
    }

    /// The sides among a structure's members that must both be present (region, municipality).
    private func requiredPrincipals(_ structure: CollaborationStructure, _ configuration: Configuration) -> Set<Principal> {
        Set(structure.members.compactMap { configuration.organisation($0)?.principal }).intersection([.region, .municipality])
    }

    private mutating func count(attendance meeting: MeetingRecord, structure: CollaborationStructure, required: Set<Principal>) {
        switch attendanceMeasure {
        case .memberShare:
            guard !structure.members.isEmpty else { return }
            let present = structure.members.filter { meeting.presentOrganisations.contains($0) }.count
            figures.attendanceMeetings += 1
            figures.attendanceScore += Double(present) / Double(structure.members.count)
        case .bothPrincipals:
            guard !required.isEmpty else { return }
            figures.attendanceMeetings += 1
            if required.isSubset(of: meeting.presentPrincipals) { figures.attendanceScore += 1 }
        }
    }
}
