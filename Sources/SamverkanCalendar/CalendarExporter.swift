import SamverkanRendering
public import SamverkanDomain
public import SamverkanICal
public import SamverkanTime

/// Turns structures into iCalendar: one series per structure (RRULE with UTC UNTIL, EXDATE for
/// skipped meetings, RECURRENCE-ID overrides for moved ones), or one event per dated meeting.
///
/// Pure: the caller supplies each series' SEQUENCE (remembered in the database) and the time
/// for DTSTAMP, and writes the result.
public struct CalendarExporter: Sendable {
    public let configuration: RegionConfiguration
    public let texts: CalendarTexts
    public let scheduler: Scheduler
    /// `DTSTAMP` (seconds since 1970, written in UTC).
    public let now: Int

    public init(configuration: RegionConfiguration, texts: CalendarTexts, scheduler: Scheduler = Scheduler(), now: Int) {
        self.configuration = configuration
        self.texts = texts
        self.scheduler = scheduler
        self.now = now
    }

    /// The series plans of structures in a window.
    /// - Throws: ``ScheduleError`` or ``ICalError`` when a structure's meetings cannot be made.
    public func plans(for structures: [CollaborationStructure], from: LocalDate, through: LocalDate) throws -> [SeriesPlan] {
        try structures.flatMap { structure in
            let occurrences = try scheduler.occurrences(of: structure, from: from, through: through)
            return try SeriesPlan.plans(for: structure, occurrences: occurrences) {
                configuration.calendarUID(of: structure, plannedDate: $0)
            }
        }
    }

    /// The events of one plan: the master (with its rule) and one override per moved meeting.
    /// - Parameters:
    ///   - sequence: the series' SEQUENCE.
    ///   - attendees: whether to write ATTENDEEs (invitations; never in a published feed).
    public func events(for plan: SeriesPlan, sequence: Int, attendees: Bool = false) throws -> [ICalEvent] {
        let structure = plan.structure
        let zone = try ICalTimeZone.named(structure.timeZone)
        let rendered = texts.eventDescription.render(texts.values(for: structure, in: configuration))
        let description = rendered.isEmpty ? nil : rendered
        let organizer = organizer(of: structure) ?? feedOrganizer
        let invited = attendees ? self.attendees(of: structure) : []
        let location = structure.place ?? structure.videoLink
        let category = texts.phrases.text("kind.\(structure.kind.rawValue)")
        func event(start: LocalDateTime, end: LocalDateTime, recurrenceID: LocalDateTime?) -> ICalEvent {
            ICalEvent(uid: plan.uid, sequence: sequence, dtstamp: now, start: start, end: end, zone: zone,
                      summary: structure.name, description: description, location: location, url: structure.videoLink,
                      rrule: recurrenceID == nil ? plan.rule : nil, until: recurrenceID == nil ? plan.until : nil,
                      exdates: recurrenceID == nil ? plan.exdates : [], recurrenceID: recurrenceID, status: .confirmed,
                      organizer: organizer, attendees: invited, categories: [category])
        }
        return [event(start: plan.start, end: plan.end, recurrenceID: nil)]
            + plan.overrides.map { event(start: $0.start, end: $0.end, recurrenceID: $0.recurrenceID) }
    }

    /// A digest of everything a plan writes except SEQUENCE and DTSTAMP: when it changes
    /// between exports, the series' SEQUENCE must rise.
    public func contentHash(of plan: SeriesPlan) throws -> String {
        let canonical = try events(for: plan, sequence: 0).map { event in
            [event.uid, event.start.description, event.end.description, event.zone.identifier, event.summary,
             event.description ?? "", event.location ?? "", event.url ?? "", event.rrule?.text ?? "",
             event.until?.description ?? "", event.exdates.map(\.description).joined(separator: ","),
             event.recurrenceID?.description ?? "", event.organizer?.email ?? "", event.categories.joined(separator: ",")]
                .joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
        return FNV1a.hex(canonical)
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
        ICalAttendee(email: configuration.region.email ?? "samverkan@\(configuration.region.id).invalid",
                     commonName: configuration.region.name, role: .chair, rsvp: false)
    }

    /// Every participant with an e-mail address: the chair as CHAIR, others as required.
    public func attendees(of structure: CollaborationStructure) -> [ICalAttendee] {
        configuration.participants(of: structure).compactMap { person in
            guard let email = person.email else { return nil }
            return ICalAttendee(email: email, commonName: person.name,
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
