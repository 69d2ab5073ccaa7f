public import SamverkanDomain
public import SamverkanICal
import SamverkanRendering
import SamverkanTime

/// Turns the meeting register into iCalendar: one series per structure (RRULE with UTC UNTIL,
/// EXDATE for skipped and cancelled meetings, RECURRENCE-ID overrides for moved ones), and one
/// event per dated or extra meeting.
///
/// Pure: the caller reads the register, supplies each UID's SEQUENCE (remembered in the
/// database) and the time for DTSTAMP, and writes the result.
public struct CalendarExporter: Sendable {
    public let configuration: RegionConfiguration
    public let texts: CalendarTexts
    /// `DTSTAMP` (seconds since 1970, written in UTC).
    public let now: Int

    public init(configuration: RegionConfiguration, texts: CalendarTexts, now: Int) {
        self.configuration = configuration
        self.texts = texts
        self.now = now
    }

    /// The plans of structures from the register's meetings in a window, one per UID.
    /// - Throws: ``ScheduleError`` or ``ICalError`` when a structure's rule cannot be made.
    public func plans(for structures: [CollaborationStructure], meetings: [RegisteredMeeting]) throws -> [SeriesPlan] {
        let byStructure = Dictionary(grouping: meetings, by: \.structureID)
        return try structures.flatMap { try SeriesPlan.plans(for: $0, meetings: byStructure[$0.id] ?? []) }
    }

    /// The events of one plan: the master (with its rule) and one override per moved meeting.
    /// A meeting moved by a coordinator says in its DESCRIPTION why and from when; an extra
    /// meeting says why it was added.
    /// - Parameters:
    ///   - sequence: the UID's SEQUENCE.
    ///   - attendees: whether to write ATTENDEEs (invitations; never in a published feed).
    public func events(for plan: SeriesPlan, sequence: Int, attendees: Bool = false) throws -> [ICalEvent] {
        let structure = plan.structure
        let zone = try ICalTimeZone.named(structure.timeZone)
        let base = baseDescription(of: structure)
        let organizer = organizer(of: structure) ?? feedOrganizer
        let invited = attendees ? self.attendees(of: structure) : []
        let location = structure.place ?? structure.videoLink
        let category = texts.phrases.text("kind.\(structure.kind.rawValue)")
        func event(start: LocalDateTime, end: LocalDateTime, recurrenceID: LocalDateTime?, note: String?) -> ICalEvent {
            let description = [base, note].compactMap { $0 }.joined(separator: "\n\n")
            return ICalEvent(
                uid: plan.uid, sequence: sequence, dtstamp: now, start: start, end: end, zone: zone,
                summary: structure.name, description: description.isEmpty ? nil : description,
                location: location, url: structure.videoLink,
                rrule: recurrenceID == nil ? plan.rule : nil, until: recurrenceID == nil ? plan.until : nil,
                exdates: recurrenceID == nil ? plan.exdates : [], recurrenceID: recurrenceID,
                status: plan.isCancelled ? .cancelled : .confirmed,
                organizer: organizer, attendees: invited, categories: [category])
        }
        return [event(start: plan.start, end: plan.end, recurrenceID: nil, note: plan.meeting.flatMap(note(for:)))]
            + plan.overrides.map {
                event(start: $0.start, end: $0.end, recurrenceID: $0.recurrenceID, note: $0.decision.flatMap(note(for:)))
            }
    }

    /// The structure's DESCRIPTION (`event-description.txt`), nil when empty.
    func baseDescription(of structure: CollaborationStructure) -> String? {
        let rendered = texts.eventDescription.render(texts.values(for: structure, in: configuration))
        return rendered.isEmpty ? nil : rendered
    }

    /// What a meeting's DESCRIPTION adds about a coordinator's decision: moved from when and
    /// why, or why an extra meeting was added.
    func note(for meeting: RegisteredMeeting) -> String? {
        meeting.decision.flatMap(note(for:))
    }

    func note(for decision: MeetingDecision) -> String? {
        switch decision.action {
        case .move: texts.phrases.text("calendar.moved-by-decision", ["date": decision.date.iso, "reason": decision.reason])
        case .add: texts.phrases.text("calendar.extra-meeting", ["reason": decision.reason])
        case .cancel: texts.phrases.text("calendar.cancelled-by-decision", ["reason": decision.reason])
        case .restore: nil
        }
    }

    /// A digest of what an attendee sees of one UID, whatever the window and however far ahead
    /// the register reaches: the structure's visible fields (summary, description, place, link,
    /// zone, time, length, rule, organizer, attendees, category), what its meetings are derived
    /// from (first and last day, holiday policy and periods, breaks), and the register meetings
    /// of that UID that are more than the rule's plain consequence: an event of its own (dated or
    /// extra meeting) and every meeting a coordinator decided about (planned and actual start
    /// and end, state, decision). SEQUENCE rises when it changes; exports and invitations share it.
    ///
    /// A series' other meetings follow from the fields hashed: the register growing by a year of
    /// them (its horizon moves with today) changes nothing an attendee did not already have.
    /// - Parameters:
    ///   - uid: the UID.
    ///   - structure: its structure.
    ///   - meetings: the structure's register meetings (those of other UIDs are ignored).
    ///   - marker: something more the message shows (a cancelled series).
    public func contentHash(
        uid: String, of structure: CollaborationStructure, meetings: [RegisteredMeeting],
        marker: String = ""
    ) throws -> String {
        let rule = try structure.frequency.recurrenceRule()?.text ?? ""
        let fields = [
            uid, structure.name, baseDescription(of: structure) ?? "", structure.place ?? "", structure.videoLink ?? "",
            structure.timeZone, structure.time.description, String(structure.durationMinutes), rule,
            organizer(of: structure)?.email ?? feedOrganizer.email,
            attendees(of: structure).map { "\($0.email)/\($0.role)" }.joined(separator: ","),
            texts.phrases.text("kind.\(structure.kind.rawValue)"), marker,
            structure.starts.iso, structure.until?.iso ?? "", structure.holidayPolicy.rawValue,
            structure.holidayPeriods.isEmpty ? "" : String(describing: structure.holidayPeriods),
            structure.breaks.isEmpty ? "" : String(describing: structure.breaks),
        ]
        let rows = meetings.filter { $0.uid == uid && (!$0.inSeries || $0.decision != nil) }
            .sorted { $0.plannedStart < $1.plannedStart }
            .map { meeting in
                [
                    meeting.plannedStart.description, meeting.start.description, meeting.end.description, meeting.state.rawValue,
                    meeting.decision.map { "\($0.action.rawValue)/\($0.reason)" } ?? "",
                ].joined(separator: "|")
            }
        return FNV1a.hex((fields + rows).joined(separator: "\u{1F}"))
    }

    /// The ORGANIZER: the secretary, else the chair, if they have an e-mail address.
    public func organizer(of structure: CollaborationStructure) -> ICalAttendee? {
        for id in [structure.secretary, structure.chair].compactMap({ $0 }) {
            if let person = configuration.person(id), let email = person.email {
                return ICalAttendee(email: email, commonName: person.name, role: .chair, rsvp: false)
            }
        }
        return nil
    }

    /// The organizer of published events whose structure has none: the region's mailbox
    /// (`region.email`), else an address in the reserved `.invalid` domain — RFC 5546 wants one
    /// ORGANIZER in every published event.
    public var feedOrganizer: ICalAttendee {
        ICalAttendee(
            email: configuration.region.email ?? "samverkan@\(configuration.region.id).invalid",
            commonName: configuration.region.name, role: .chair, rsvp: false)
    }

    /// Every participant with an e-mail address: the chair as CHAIR, others as required.
    public func attendees(of structure: CollaborationStructure) -> [ICalAttendee] {
        configuration.participants(of: structure).compactMap { person in
            guard let email = person.email else { return nil }
            return ICalAttendee(
                email: email, commonName: person.name,
                role: person.id == structure.chair ? .chair : .required, rsvp: true)
        }
    }
}

/// 64-bit FNV-1a: a fast, stable digest for change detection (not for security).
enum FNV1a {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
