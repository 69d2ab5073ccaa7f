public import SamverkanCalendar
public import SamverkanDomain
public import SamverkanICal
public import SamverkanStore
public import SamverkanTime

extension FeedContent {
    /// What `calendar export` writes for the structures over a window, read from either engine
    /// of the store (the register must be up to date through `through`): the same plans and
    /// SEQUENCEs as the server's feeds.
    public static func read(
        _ structures: [CollaborationStructure], from: LocalDate, through: LocalDate, exporter: CalendarExporter,
        store: any MeetingStore
    ) async throws -> FeedContent {
        let meetings = try await CalendarMeetings.read(structures, from: from, through: through, store: store)
        let planned = try FeedRenderer.planned(structures, meetings: meetings, exporter: exporter)
        var sequences: [String: Int] = [:]
        for (plan, hash) in planned.hashes {
            sequences[plan.uid] = try await store.sequence(uid: plan.uid, structureID: plan.structure.id, contentHash: hash)
        }
        return FeedContent(plans: planned.plans, sequences: sequences, empty: planned.empty)
    }
}

extension CalendarMeetings {
    /// The structures' meetings in a window and in the whole register, from either engine.
    public static func read(
        _ structures: [CollaborationStructure], from: LocalDate, through: LocalDate, store: any MeetingStore
    ) async throws -> CalendarMeetings {
        let ids = structures.map(\.id)
        return CalendarMeetings(
            window: try await store.registeredMeetings(structureIDs: ids, from: from, through: through),
            all: try await store.registeredMeetings(structureIDs: ids))
    }
}

extension FeedRenderer {
    /// The published calendar (`METHOD:PUBLISH`) of a selection over a window, read from either
    /// engine (the register must be up to date through `through`): named as `calendar export` names
    /// a single file: what `samverkan serve` serves.
    public static func feed(
        _ selection: FeedSelection, from: LocalDate, through: LocalDate, exporter: CalendarExporter, store: any MeetingStore
    ) async throws -> ICalDocument {
        let structures = try selection.resolve(in: exporter.configuration)
        let content = try await FeedContent.read(structures, from: from, through: through, exporter: exporter, store: store)
        let name = selection.calendarName(structures, in: exporter.configuration, phrases: exporter.texts.phrases)
        return try exporter.feed(content.plans, sequences: content.sequences, name: name)
    }
}
