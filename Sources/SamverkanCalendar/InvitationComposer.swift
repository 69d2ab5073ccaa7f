public import SamverkanDomain
public import SamverkanTime
import SamverkanICal
import SamverkanRendering

/// Composes the e-mail of `calendar invite`: an RFC 6047 invitation to a structure's meetings,
/// or the cancellation of the series or of one meeting.
///
/// Pure apart from the SEQUENCE memory, which the caller passes in (the store remembers the
/// SEQUENCE of every UID, so exports and invitations agree).
public struct InvitationComposer: Sendable {
    /// What the message is about.
    public enum Purpose: Sendable, Hashable {
        /// Every meeting of the structure in the window (`METHOD:REQUEST`).
        case invite
        /// The whole series, or with a date the one meeting planned or held that day (`METHOD:CANCEL`).
        case cancel(meeting: LocalDate?, reason: String?)
    }

    public let exporter: CalendarExporter

    public init(exporter: CalendarExporter) {
        self.exporter = exporter
    }

    /// The message for one structure.
    /// - Parameters:
    ///   - target: the structure.
    ///   - from: first day of the window whose meetings are invited to.
    ///   - through: last day of the window.
    ///   - purpose: invitation or cancellation.
    ///   - messageID: a unique id for `Message-ID` and the MIME boundary.
    ///   - sequence: the SEQUENCE memory: given a plan and the digest of its content, raises and
    ///     returns the UID's SEQUENCE.
    /// - Throws: ``InvitationError`` when there is nothing to invite to or no such meeting;
    ///   `ScheduleError` or `ICalError` when the meetings cannot be made; what `sequence` throws.
    public func message(for target: CollaborationStructure, from: LocalDate, through: LocalDate, purpose: Purpose,
                        messageID: String, sequence: (SeriesPlan, String) throws -> Int) throws -> InvitationMessage {
        let texts = exporter.texts
        let occurrences = try exporter.scheduler.occurrences(of: target, from: from, through: through)
        let plans = try SeriesPlan.plans(for: target, occurrences: occurrences) {
            exporter.configuration.calendarUID(of: target, plannedDate: $0)
        }
        guard !plans.isEmpty else {
            throw InvitationError("invitation.no-meeting-in-period", ["structure": target.id, "from": from.iso, "to": through.iso])
        }
        let values = texts.values(for: target, in: exporter.configuration)
        let organizer = exporter.organizer(of: target) ?? exporter.feedOrganizer
        let document: ICalDocument
        let subject: String
        let body: String
        let method: String
        switch purpose {
        case .cancel(let meeting, let reason):
            let (plan, chosen) = try pick(plans: plans, occurrences: occurrences, meeting: meeting, structureID: target.id)
            let number = try sequence(plan, try exporter.contentHash(of: plan))
            document = try exporter.cancellation(plan, occurrence: chosen, sequence: number)
            let date = chosen.map { $0.start.date.iso } ?? ""
            subject = texts.phrases.text(chosen == nil ? "cancellation.subject.series" : "cancellation.subject.occurrence",
                                         ["name": target.name, "date": date])
            body = texts.cancellation.render(values.merging([
                "what": texts.phrases.text(chosen == nil ? "cancellation.what.series" : "cancellation.what.occurrence", ["date": date]),
                "when": chosen.map { "\($0.start.date.iso) \($0.start.time)–\($0.end.time)" } ?? "",
                "reason": reason ?? texts.phrases.text("cancellation.reason.default"),
                "organizer": organizer.commonName ?? "",
            ]) { _, new in new })
            method = "CANCEL"
        case .invite:
            var number = 0
            for plan in plans {
                number = max(number, try sequence(plan, try exporter.contentHash(of: plan)))
            }
            document = try exporter.invitation(plans, sequence: number)
            subject = texts.phrases.text("invitation.subject", ["name": target.name])
            let first = occurrences.first(where: \.isHeld).map { "\($0.start.date.iso) \($0.start.time)–\($0.end.time)" } ?? ""
            body = texts.invitation.render(values.merging([
                "first": first, "organizer": organizer.commonName ?? "",
            ]) { _, new in new })
            method = "REQUEST"
        }
        return InvitationMessage(
            from: .init(name: organizer.commonName, email: organizer.email),
            to: exporter.attendees(of: target).map { .init(name: $0.commonName, email: $0.email) },
            subject: subject, text: body, calendar: try document.serialized(),
            method: method, date: exporter.now, messageID: messageID)
    }

    /// The plan and meeting a cancellation is about: the series (no date), or the held meeting
    /// planned or moved to that date.
    func pick(plans: [SeriesPlan], occurrences: [Occurrence], meeting: LocalDate?,
              structureID: String) throws -> (SeriesPlan, Occurrence?) {
        guard let date = meeting else { return (plans[0], nil) }
        guard let chosen = occurrences.first(where: { $0.isHeld && ($0.start.date == date || $0.plannedStart.date == date) }) else {
            let near = occurrences.filter(\.isHeld).map(\.start.date).sorted { abs($0.days(to: date)) < abs($1.days(to: date)) }
                .prefix(3).map(\.iso).sorted().joined(separator: ", ")
            throw InvitationError("invitation.no-meeting-on-date", ["structure": structureID, "date": date.iso, "nearest": near])
        }
        let plan = plans.first { $0.rule != nil } ?? plans.first { $0.start == chosen.start } ?? plans[0]
        return (plan, chosen)
    }
}

/// An invitation that cannot be made, with what to do about it.
public struct InvitationError: SamverkanError, Equatable {
    public let code: String
    public let values: [String: String]

    /// An error with its code (a key of `errors.txt`) and the values of its message.
    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }
}
