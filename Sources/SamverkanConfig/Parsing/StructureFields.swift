import SamverkanDomain
import SamverkanTime
internal import Yams

/// Where a set of structure fields was written: defaults, a generator, or a structure.
enum FieldScope {
    case defaults, generator, structure

    /// Keys a structure may set but defaults and generators may not.
    static let structureOnly = ["id", "name", "kind", "municipality", "care-centre", "members"]
}

/// The fields of a structure as written, every one optional, so defaults, a generator block and
/// a per-centre override can be laid over each other before the structure is built.
struct StructureFields {
    var name: String?
    var kind: StructureKind?
    var municipality: String?
    var careCentre: String?
    var members: [String]?
    var participants: [String]?
    var chair: String?
    var secretary: String?
    var frequency: Frequency?
    var starts: LocalDate?
    var until: LocalDate?
    var time: LocalTime?
    var duration: Int?
    var timeZone: String?
    var place: String?
    var videoLink: String?
    /// Days before a meeting its notice (*kallelse*) goes out (`notice-days`).
    var noticeDays: Int?
    /// Days minutes may wait for approval before the approvers are reminded (`approval-days`).
    var approvalDays: Int?
    var standingAgenda: [AgendaItem]?
    var focusAreas: [FocusArea]?
    var grantPoints: [GrantPoint]?
    var holidays: HolidayPolicy?
    var holidayPeriods: [HolidayPeriod]?
    var breaks: [Break]?
    var activities: [ActionPlanActivity]?
    /// Where the frequency was written, for problems found when the structure is built.
    var frequencyNode: Node?
    /// Where these fields were written.
    var node: Node?
    /// Keys that were written but could not be read (already reported, so not "missing").
    var unreadable: Set<String> = []

    /// These fields with every field `other` sets taking precedence.
    func overlaid(by other: StructureFields) -> StructureFields {
        var result = self
        result.name = other.name ?? name
        result.kind = other.kind ?? kind
        result.municipality = other.municipality ?? municipality
        result.careCentre = other.careCentre ?? careCentre
        result.members = other.members ?? members
        result.participants = other.participants ?? participants
        result.chair = other.chair ?? chair
        result.secretary = other.secretary ?? secretary
        if other.frequencyNode != nil {
            result.frequency = other.frequency
            result.frequencyNode = other.frequencyNode
        }
        result.unreadable = unreadable.union(other.unreadable)
        result.starts = other.starts ?? starts
        result.until = other.until ?? until
        result.time = other.time ?? time
        result.duration = other.duration ?? duration
        result.timeZone = other.timeZone ?? timeZone
        result.place = other.place ?? place
        result.videoLink = other.videoLink ?? videoLink
        result.noticeDays = other.noticeDays ?? noticeDays
        result.approvalDays = other.approvalDays ?? approvalDays
        result.standingAgenda = other.standingAgenda ?? standingAgenda
        result.focusAreas = other.focusAreas ?? focusAreas
        result.grantPoints = other.grantPoints ?? grantPoints
        result.holidays = other.holidays ?? holidays
        result.holidayPeriods = other.holidayPeriods ?? holidayPeriods
        result.breaks = other.breaks ?? breaks
        result.activities = other.activities ?? activities
        result.node = other.node ?? node
        return result
    }
}
