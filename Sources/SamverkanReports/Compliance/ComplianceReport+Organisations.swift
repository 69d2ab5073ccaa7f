import SamverkanDomain
import SamverkanRendering

extension ComplianceReport {
    /// The structures whose attendance per organisation is listed: those with held meetings, in
    /// the order of the groups.
    var structuresWithMeetings: [StructureCompliance] {
        groups.flatMap { $0.structureIDs.compactMap(structure) }.filter { $0.figures.held > 0 && !$0.organisations.isEmpty }
    }

    /// Attendance per member organisation, for the table, Markdown and HTML: structure,
    /// organisation, meetings attended, held meetings, share.
    func organisationRows(numbers: FigureFormatter) -> [[String]] {
        structuresWithMeetings.flatMap { row in
            row.organisations.map { [row.name, $0.name, "\($0.attended)", "\($0.meetings)", numbers.percent($0.share)] }
        }
    }

    /// The CSV rows of attendance per member organisation (level `organisation`): the
    /// structure's columns, held meetings and attendance share in their columns, the organisation
    /// and the meetings it attended in the last columns.
    func organisationCSVRows(
        phrases: Phrasebook, numbers: FigureFormatter, groupOf: [String: (key: String, name: String)]
    ) -> [[String]] {
        let figures = Self.allColumns.map(\.key)
        return structuresWithMeetings.flatMap { row in
            row.organisations.map { organisation in
                let group = groupOf[row.id]
                let values = figures.map { key -> String in
                    switch key {
                    case "held": return "\(organisation.meetings)"
                    case "attendance": return numbers.percent(organisation.share)
                    default: return ""
                    }
                }
                return [
                    phrases.text("report.level.organisation"), group?.key ?? "", group?.name ?? "", row.id, row.name,
                    phrases.text("kind.\(row.kind.rawValue)"), row.municipalityName ?? "", row.careCentreName ?? "",
                    row.careCentreOperator.map { phrases.text("report.operator.\($0)") } ?? "",
                ] + values + [organisation.id, organisation.name, "\(organisation.attended)"]
            }
        }
    }
}
