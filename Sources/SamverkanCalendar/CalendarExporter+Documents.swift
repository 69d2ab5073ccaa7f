public import SamverkanDomain
public import SamverkanICal

extension CalendarExporter {
    /// The product id written in every calendar.
    public static let productID = "-//Samverkan//Samverkan 0.1//SV"
    /// How often subscribers should refresh a published feed, in minutes.
    public static let refreshMinutes = 720

    /// A published feed (`METHOD:PUBLISH`) of plans, with their SEQUENCEs by UID. A dated or
    /// extra meeting that was cancelled is left out.
    public func feed(_ plans: [SeriesPlan], sequences: [String: Int], name: String) throws -> ICalDocument {
        let all = try plans.filter { !$0.isCancelled }.flatMap { try events(for: $0, sequence: sequences[$0.uid] ?? 0) }
        return ICalDocument(
            method: .publish, productID: Self.productID, name: name,
            refreshInterval: Self.refreshMinutes, events: all)
    }

    /// An invitation (`METHOD:REQUEST`) to one UID (a series with its overrides, or one
    /// meeting), with every participant as ATTENDEE. The organizer is the secretary, else the
    /// chair, else the region's mailbox (``feedOrganizer``).
    /// - Throws: ``ScheduleError`` when nobody has an e-mail address to invite.
    public func invitation(_ plan: SeriesPlan, sequence: Int) throws -> ICalDocument {
        try requireAttendees(plan.structure)
        return ICalDocument(
            method: .request, productID: Self.productID, name: nil, refreshInterval: nil,
            events: try events(for: plan, sequence: sequence, attendees: true))
    }

    /// A cancellation (`METHOD:CANCEL`) of one UID: the whole series or event (`meeting` nil), or
    /// one meeting of a series, identified by its planned start (`RECURRENCE-ID`).
    public func cancellation(_ plan: SeriesPlan, meeting: RegisteredMeeting?, sequence: Int) throws -> ICalDocument {
        try requireAttendees(plan.structure)
        var event = try events(for: plan, sequence: sequence, attendees: true)[0]
        event.status = .cancelled
        if let meeting {
            event.rrule = nil
            event.until = nil
            event.exdates = []
            event.recurrenceID = meeting.recurrenceID
            event.start = meeting.start
            event.end = meeting.end
            if let decision = meeting.decision, decision.action == .cancel, let note = note(for: decision) {
                event.description = [baseDescription(of: plan.structure), note].compactMap { $0 }.joined(separator: "\n\n")
            }
        }
        return ICalDocument(method: .cancel, productID: Self.productID, name: nil, refreshInterval: nil, events: [event])
    }

    func requireAttendees(_ structure: CollaborationStructure) throws {
        guard !attendees(of: structure).isEmpty else {
            throw ScheduleError("calendar.no-attendees", ["structure": structure.id])
        }
    }
}
