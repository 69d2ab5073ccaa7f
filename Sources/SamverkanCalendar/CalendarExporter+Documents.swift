public import SamverkanDomain
public import SamverkanICal

extension CalendarExporter {
    /// The product id written in every calendar.
    public static let productID = "-//Samverkan//Samverkan 0.1//SV"
    /// How often subscribers should refresh a published feed, in minutes.
    public static let refreshMinutes = 720

    /// A published feed (`METHOD:PUBLISH`) of plans, with their SEQUENCEs by UID.
    public func feed(_ plans: [SeriesPlan], sequences: [String: Int], name: String) throws -> ICalDocument {
        let all = try plans.flatMap { try events(for: $0, sequence: sequences[$0.uid] ?? 0) }
        return ICalDocument(method: .publish, productID: Self.productID, name: name,
                            refreshInterval: Self.refreshMinutes, events: all)
    }

    /// An invitation (`METHOD:REQUEST`) to a structure's series, with every participant as ATTENDEE.
    /// - Throws: ``ScheduleError`` when the structure has no organizer with an e-mail address.
    public func invitation(_ plans: [SeriesPlan], sequence: Int) throws -> ICalDocument {
        guard let structure = plans.first?.structure else { throw ScheduleError("calendar.nothing-to-invite") }
        try requireOrganizer(structure)
        let all = try plans.flatMap { try events(for: $0, sequence: sequence, attendees: true) }
        return ICalDocument(method: .request, productID: Self.productID, name: nil, refreshInterval: nil, events: all)
    }

    /// A cancellation (`METHOD:CANCEL`) of a whole series (`occurrence` nil) or of one meeting,
    /// identified by its planned start (`RECURRENCE-ID`).
    public func cancellation(_ plan: SeriesPlan, occurrence: Occurrence?, sequence: Int) throws -> ICalDocument {
        try requireOrganizer(plan.structure)
        var event = try events(for: plan, sequence: sequence, attendees: true)[0]
        event.status = .cancelled
        if let occurrence {
            event.rrule = nil
            event.until = nil
            event.exdates = []
            if plan.rule != nil { event.recurrenceID = occurrence.plannedStart }
            event.start = occurrence.start
            event.end = occurrence.end
        }
        return ICalDocument(method: .cancel, productID: Self.productID, name: nil, refreshInterval: nil, events: [event])
    }

    func requireOrganizer(_ structure: CollaborationStructure) throws {
        guard organizer(of: structure) != nil else {
            throw ScheduleError("calendar.no-organizer", ["structure": structure.id])
        }
        guard !attendees(of: structure).isEmpty else {
            throw ScheduleError("calendar.no-attendees", ["structure": structure.id])
        }
    }
}
