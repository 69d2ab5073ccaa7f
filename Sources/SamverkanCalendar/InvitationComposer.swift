public import SamverkanDomain
import SamverkanICal
import SamverkanRendering
public import SamverkanTime

/// Composes the e-mails of `calendar invite` from the meeting register: one scheduling message
/// per UID (RFC 6047/5546 carry one UID per message), an invitation to a series or a meeting, or
/// the cancellation of the series or of one meeting.
///
/// Pure apart from the SEQUENCE memory, which the caller passes in (the store remembers the
/// SEQUENCE of every UID, so exports and invitations agree).
public struct InvitationComposer: Sendable {
    /// What the messages are about.
    public enum Purpose: Sendable, Hashable {
        /// Every UID with meetings in the window: `METHOD:REQUEST`, or `METHOD:CANCEL` for a dated
        /// or extra meeting a coordinator cancelled.
        case invite
        /// Every UID of the structure in the window (`METHOD:CANCEL` on each master).
        case cancelSeries(reason: String?)
        /// One meeting (`METHOD:CANCEL` with its `RECURRENCE-ID` when it belongs to a series),
        /// as the register held it before it was cancelled.
        case cancelMeeting(RegisteredMeeting, reason: String?)
    }

    /// One scheduling message and the UID it is about.
    public struct Composed: Sendable {
        public let uid: String
        public let message: InvitationMessage
    }

    public let exporter: CalendarExporter

    public init(exporter: CalendarExporter) {
        self.exporter = exporter
    }

    /// The messages for one structure, one per UID.
    /// - Parameters:
    ///   - target: the structure.
    ///   - meetings: the structure's register meetings in the window.
    ///   - all: all of the structure's register meetings (for the window-independent content hash).
    ///   - from: first day of the window (for messages).
    ///   - through: last day of the window.
    ///   - purpose: invitation or cancellation.
    ///   - messageID: a unique id for `Message-ID` and the MIME boundary, per UID.
    ///   - sequence: the SEQUENCE memory: given a UID and the digest of what an attendee sees of
    ///     it, returns the UID's SEQUENCE (raised when the digest changed).
    /// - Throws: ``InvitationError`` when there is nothing to invite to; `ScheduleError` or
    ///   `ICalError` when the meetings cannot be made; what `sequence` throws.
    public func messages(
        for target: CollaborationStructure, meetings: [RegisteredMeeting], all: [RegisteredMeeting],
        from: LocalDate, through: LocalDate, purpose: Purpose, messageID: (String) -> String,
        sequence: (String, String) async throws -> Int
    ) async throws -> [Composed] {
        let plans = try SeriesPlan.plans(for: target, meetings: meetings)
        func number(_ uid: String, marker: String = "") async throws -> Int {
            try await sequence(uid, try exporter.contentHash(uid: uid, of: target, meetings: all, marker: marker))
        }
        switch purpose {
        case .cancelMeeting(let meeting, let reason):
            let plan = SeriesPlan(
                structure: target, uid: meeting.uid, start: meeting.start, end: meeting.end, rule: nil,
                until: nil, exdates: [], overrides: [], meeting: meeting)
            let document = try exporter.cancellation(plan, meeting: meeting, sequence: try await number(meeting.uid))
            return [
                try compose(
                    target, uid: meeting.uid, document: document, cancelled: meeting, series: false,
                    reason: reason, messageID: messageID)
            ]
        case .cancelSeries(let reason):
            let open = plans.filter { !$0.isCancelled }
            guard !open.isEmpty else { throw noMeeting(target, from, through) }
            var composed: [Composed] = []
            for plan in open {
                let document = try exporter.cancellation(plan, meeting: nil, sequence: try await number(plan.uid, marker: "cancelled"))
                composed.append(
                    try compose(
                        target, uid: plan.uid, document: document, cancelled: plan.rule == nil ? plan.meeting : nil,
                        series: plan.rule != nil, reason: reason, messageID: messageID))
            }
            return composed
        case .invite:
            guard plans.contains(where: { !$0.isCancelled }) else { throw noMeeting(target, from, through) }
            var composed: [Composed] = []
            for plan in plans {
                if plan.isCancelled, let meeting = plan.meeting {
                    let document = try exporter.cancellation(plan, meeting: nil, sequence: try await number(plan.uid))
                    composed.append(
                        try compose(
                            target, uid: plan.uid, document: document, cancelled: meeting, series: false,
                            reason: meeting.decision?.reason, messageID: messageID))
                    continue
                }
                let document = try exporter.invitation(plan, sequence: try await number(plan.uid))
                let first =
                    plan.rule == nil
                    ? plan.meeting
                    : meetings.filter { $0.uid == plan.uid && $0.isHeld }.min { $0.start < $1.start }
                composed.append(
                    try compose(
                        target, uid: plan.uid, document: document, first: first, series: plan.rule != nil,
                        messageID: messageID))
            }
            return composed
        }
    }

    /// An invitation e-mail around a `METHOD:REQUEST` document.
    func compose(
        _ target: CollaborationStructure, uid: String, document: ICalDocument, first: RegisteredMeeting?,
        series: Bool, messageID: (String) -> String
    ) throws -> Composed {
        let texts = exporter.texts
        let organizer = exporter.organizer(of: target) ?? exporter.feedOrganizer
        let when = first.map(Self.when) ?? ""
        let subject =
            series
            ? texts.phrases.text("invitation.subject", ["name": target.name])
            : texts.phrases.text("invitation.subject.meeting", ["name": target.name, "date": first?.start.date.iso ?? ""])
        let body = texts.invitation.render(
            texts.values(for: target, in: exporter.configuration).merging([
                "first": when, "organizer": organizer.commonName ?? "",
            ]) { _, new in new })
        return Composed(
            uid: uid,
            message: message(
                target, organizer: organizer, subject: subject, body: body,
                document: try document.serialized(), method: "REQUEST", id: messageID(uid)))
    }

    /// A cancellation e-mail around a `METHOD:CANCEL` document: of one meeting, or of a series.
    func compose(
        _ target: CollaborationStructure, uid: String, document: ICalDocument, cancelled meeting: RegisteredMeeting?,
        series: Bool, reason: String?, messageID: (String) -> String
    ) throws -> Composed {
        let texts = exporter.texts
        let organizer = exporter.organizer(of: target) ?? exporter.feedOrganizer
        let one = !series && meeting != nil
        let date = meeting.map { $0.start.date.iso } ?? ""
        let subject = texts.phrases.text(
            one ? "cancellation.subject.occurrence" : "cancellation.subject.series",
            ["name": target.name, "date": date])
        let body = texts.cancellation.render(
            texts.values(for: target, in: exporter.configuration).merging([
                "what": texts.phrases.text(one ? "cancellation.what.occurrence" : "cancellation.what.series", ["date": date]),
                "when": one ? meeting.map(Self.when) ?? "" : "",
                "reason": reason ?? texts.phrases.text("cancellation.reason.default"),
                "organizer": organizer.commonName ?? "",
            ]) { _, new in new })
        return Composed(
            uid: uid,
            message: message(
                target, organizer: organizer, subject: subject, body: body,
                document: try document.serialized(), method: "CANCEL", id: messageID(uid)))
    }

    func message(
        _ target: CollaborationStructure, organizer: ICalAttendee, subject: String, body: String,
        document: String, method: String, id: String
    ) -> InvitationMessage {
        InvitationMessage(
            from: .init(name: organizer.commonName, email: organizer.email),
            to: exporter.attendees(of: target).map { .init(name: $0.commonName, email: $0.email) },
            subject: subject, text: body, calendar: document, method: method, date: exporter.now, messageID: id)
    }

    func noMeeting(_ target: CollaborationStructure, _ from: LocalDate, _ through: LocalDate) -> InvitationError {
        InvitationError("invitation.no-meeting-in-period", ["structure": target.id, "from": from.iso, "to": through.iso])
    }

    static func when(_ meeting: RegisteredMeeting) -> String {
        "\(meeting.start.date.iso) \(meeting.start.time)–\(meeting.end.time)"
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
