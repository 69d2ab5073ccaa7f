public import SamverkanDomain
import SamverkanRendering
public import SamverkanTime

/// Decides what `samverkan notify` sends today, one message per recipient, each with the key
/// that makes it unique in the mail log:
///
/// - **notice** (*kallelse*): to every participant with an address, for each held meeting from
///   tomorrow through `notice-days` ahead (the structure's, else `mail: notice-days`, 7); key
///   `notice|structure|planned date|address`, so each participant gets it once per meeting.
/// - **overdue**: to each responsible (person or organisation with an address) with action items
///   past their due date, all of them in one message; key per ISO week, so at most one a week.
/// - **approval**: to each signatory (the chair and approvers named in the minutes) whose
///   signature is missing on minutes of a meeting more than `approval-days` (14) ago (on a
///   correction saved more than `approval-days` ago, as `minutes pending` counts), all of
///   them in one message; again every further `approval-days`, at most ``approvalRounds``
///   times; key per address and day, so at most one a day.
/// - **missing-minutes**: to the secretary (else the chair, else the region's mailbox,
///   `region: email`) when a held meeting has no minutes `minutes-days` (7) after it; once per
///   meeting, for meetings at most four weeks past that deadline (so a first run does not remind
///   of years of history). With no address at all it is one of ``unaddressed(_:)``.
public struct NotifyPlanner: Sendable {
    /// One message to send and its log entry.
    public struct Due: Sendable {
        public var sending: MailSending
        public var message: TextMessage
    }

    /// How long after the deadline a missing-minutes reminder is still sent.
    public static let missingMinutesWindow = 28
    /// How many approval reminders a set of minutes gets at most.
    public static let approvalRounds = 4

    /// The last meeting day of minutes that have waited long enough for an approval reminder.
    public static func heldThrough(today: LocalDate, configuration: RegionConfiguration) -> LocalDate {
        let shortest = ([configuration.mail.approvalDays] + configuration.structures.compactMap(\.approvalDays)).min() ?? 14
        return today.adding(days: -shortest - 1)
    }

    /// The earliest meeting day of minutes that may still get an approval reminder.
    public static func heldSince(today: LocalDate, configuration: RegionConfiguration) -> LocalDate {
        let longest = ([configuration.mail.approvalDays] + configuration.structures.compactMap(\.approvalDays)).max() ?? 14
        return today.adding(days: -(approvalRounds + 1) * longest)
    }

    public let configuration: RegionConfiguration
    public let texts: MailTexts
    public let today: LocalDate
    /// Seconds since 1970 for `Date:`.
    public let now: Int
    /// The people of each structure, from an index made once.
    let people: StructurePeople

    public init(configuration: RegionConfiguration, texts: MailTexts, today: LocalDate, now: Int) {
        self.configuration = configuration
        people = StructurePeople(configuration)
        self.texts = texts
        self.today = today
        self.now = now
    }

    /// The first day of meetings the planner needs (for missing minutes).
    public static func firstDay(today: LocalDate, settings: MailSettings) -> LocalDate {
        today.adding(days: -(settings.minutesDays + missingMinutesWindow))
    }

    /// The last day of meetings the planner needs (the longest notice period).
    public static func lastDay(today: LocalDate, configuration: RegionConfiguration) -> LocalDate {
        today.adding(days: configuration.structures.map { $0.noticeDays ?? configuration.mail.noticeDays }.max() ?? 0)
    }

    /// Everything due today; `messageID` gives each message a fresh unique id.
    public func due(_ input: NotifyInput, messageID: () -> String) -> [Due] {
        notices(input, messageID) + overdue(input, messageID) + approvals(input, messageID) + missingMinutes(input, messageID)
    }

    func notices(_ input: NotifyInput, _ messageID: () -> String) -> [Due] {
        let actions = Dictionary(grouping: input.openActions, by: \.structureID)
        let minutes = Dictionary(grouping: input.minutes.filter { $0.status != .cancelled && $0.amendedBy == nil }, by: \.structureID)
        var result: [Due] = []
        for meeting in input.meetings where meeting.isHeld {
            guard let structure = configuration.structure(meeting.structureID) else { continue }
            let days = today.days(to: meeting.start.date)
            let limit = structure.noticeDays ?? configuration.mail.noticeDays
            guard days <= limit, days > 0 || (limit == 0 && days == 0) else { continue }
            let open = (actions[structure.id] ?? []).filter { $0.decidedOn < meeting.start.date }
            let previous = (minutes[structure.id] ?? []).filter { $0.date < meeting.start.date }.max { $0.date < $1.date }
            let previousText =
                previous.map {
                    texts.phrases.text($0.status == .approved ? "notice.previous.approved" : "notice.previous.draft", ["date": $0.date.iso])
                } ?? texts.phrases.text("notice.previous.none")
            let organizer = organizer(of: structure)
            let body = texts.notice.render([
                "name": structure.name, "date": meeting.start.date.iso, "time": meeting.start.time.description,
                "end": meeting.end.time.description, "place": structure.place ?? "", "video": structure.videoLink ?? "",
                "agenda": structure.standingAgenda.map { "- \($0.title)" }.joined(separator: "\n"),
                "actions": open.map(actionLine).joined(separator: "\n"), "previous": previousText,
                "organizer": organizer?.name ?? configuration.region.name,
            ])
            let subject = texts.phrases.text("notice.subject", ["name": structure.name, "date": meeting.start.date.iso])
            for person in people.participants(of: structure) {
                guard let email = person.email else { continue }
                result.append(
                    make(
                        .notice, key: "notice|\(structure.id)|\(meeting.plannedDate.iso)|\(email)",
                        to: .init(name: person.name, email: email),
                        structure: structure, meetingDate: meeting.plannedDate.iso, item: nil,
                        subject: subject, body: body, messageID: messageID))
            }
        }
        return result
    }

    func overdue(_ input: NotifyInput, _ messageID: () -> String) -> [Due] {
        let late = input.openActions.filter { $0.isOverdue(today: today) }
        var order: [Responsible] = []
        var byResponsible: [Responsible: [OpenAction]] = [:]
        for action in late {
            if byResponsible[action.item.responsible] == nil { order.append(action.item.responsible) }
            byResponsible[action.item.responsible, default: []].append(action)
        }
        let week = today.adding(days: 1 - today.weekday.rawValue).iso
        return order.compactMap { responsible in
            guard let (name, email) = contact(responsible), let items = byResponsible[responsible] else { return nil }
            let lines = items.map { action in
                texts.phrases.text(
                    "reminder.overdue.item",
                    [
                        "id": action.item.id.map(String.init) ?? "", "text": action.item.text,
                        "structure": configuration.structure(action.structureID)?.name ?? action.structureID,
                        "due": action.item.due.iso, "status": texts.phrases.text(action.status.phraseKey),
                    ])
            }
            let body = texts.overdue.render(["name": name, "items": lines.joined(separator: "\n"), "region": configuration.region.name])
            let subject = texts.phrases.text("reminder.overdue.subject", ["count": String(items.count)])
            let ids = items.compactMap(\.item.id).map { "#\($0)" }.joined(separator: ",")
            return make(
                .overdue, key: "overdue|\(responsible.kind.rawValue):\(responsible.id)|\(email)|\(week)",
                to: .init(name: name, email: email), structure: nil, meetingDate: nil, item: ids,
                subject: subject, body: body, messageID: messageID)
        }
    }

    /// One reminder per signatory and day: every minutes that waited longer than
    /// `approval-days` since the meeting for which the person's signature is still missing,
    /// sent when one of them reached a round not reminded of yet.
    func approvals(_ input: NotifyInput, _ messageID: () -> String) -> [Due] {
        var order: [String] = []
        var waiting: [String: (person: Person, items: [ApprovalWait])] = [:]
        // Names are matched in directories made once, not by comparing every configured name
        // for each draft (thousands of people, thousands of drafts at national scale).
        let everyone = PersonDirectory(configuration.people)
        var directories: [String: PersonDirectory] = [:]
        for draft in input.drafts {
            guard let structure = configuration.structure(draft.structureID) else { continue }
            let limit = max(1, structure.approvalDays ?? configuration.mail.approvalDays)
            // As `minutes pending`: from the meeting, or from the day a correction was saved.
            let waited = draft.waitingSince.days(to: today)
            guard waited > limit else { continue }
            let round = (waited - 1) / limit
            guard round <= Self.approvalRounds else { continue }
            let candidates = directories[structure.id] ?? PersonDirectory(people.people(of: structure))
            directories[structure.id] = candidates
            let justering = configuration.justering(
                structure: structure, chair: draft.signatories.first ?? "", approvers: Array(draft.signatories.dropFirst()),
                signatures: draft.signed.map { Signature(name: $0, date: draft.date, recordedAt: "") },
                candidates: candidates, everyone: everyone)
            for name in justering.missing {
                guard let person = candidates.find(name) ?? everyone.find(name),
                    let email = person.email
                else { continue }
                if waiting[email] == nil { order.append(email) }
                waiting[email, default: (person, [])].items.append(
                    ApprovalWait(draft: draft, structure: structure, days: waited, round: round))
            }
        }
        return order.compactMap { email in
            guard let (person, items) = waiting[email],
                items.contains(where: { !input.remindedApprovals.contains("\($0.draft.id)/\($0.round)/\(email)") })
            else { return nil }
            let lines = items.map { wait in
                texts.phrases.text(
                    wait.draft.amends == nil ? "reminder.approval.item" : "reminder.approval.item-correction",
                    [
                        "structure": wait.structure.name, "date": wait.draft.date.iso, "days": String(wait.days),
                        "id": String(wait.draft.id), "person": person.id,
                        "original": wait.draft.amends.map(String.init) ?? "", "saved": wait.draft.waitingSince.iso,
                    ])
            }
            let single = items.count == 1 ? items.first : nil
            let subject =
                single.map {
                    texts.phrases.text("reminder.approval.subject", ["structure": $0.structure.name, "date": $0.draft.date.iso])
                } ?? texts.phrases.text("reminder.approval.subject-many", ["count": String(items.count)])
            let body = texts.approval.render([
                "name": person.name, "items": lines.joined(separator: "\n"), "region": configuration.region.name,
            ])
            return make(
                .approval, key: "approval|\(email)|\(today.iso)", to: .init(name: person.name, email: email),
                structure: single?.structure, meetingDate: single?.draft.date.iso,
                item: items.map { "#\($0.draft.id)/\($0.round)" }.joined(separator: ","), subject: subject, body: body,
                messageID: messageID)
        }
    }

    func missingMinutes(_ input: NotifyInput, _ messageID: () -> String) -> [Due] {
        missingMinutesMeetings(input).compactMap { structure, meeting in
            guard let writer = minutesWriter(of: structure) else { return nil }
            let past = meeting.start.date.days(to: today)
            let body = texts.missingMinutes.render([
                "name": writer.name ?? structure.name, "structure": structure.name, "date": meeting.start.date.iso, "days": String(past),
                "id": structure.id, "planned": meeting.plannedDate.iso, "region": configuration.region.name,
            ])
            let subject = texts.phrases.text("reminder.minutes.subject", ["structure": structure.name, "date": meeting.start.date.iso])
            return make(
                .missingMinutes, key: "missing-minutes|\(structure.id)|\(meeting.plannedDate.iso)|\(writer.email)",
                to: writer, structure: structure, meetingDate: meeting.plannedDate.iso, item: nil, subject: subject,
                body: body, messageID: messageID)
        }
    }

    /// The held meetings whose minutes are missing past `minutes-days` (within the window),
    /// with their structures.
    func missingMinutesMeetings(_ input: NotifyInput) -> [(CollaborationStructure, RegisteredMeeting)] {
        let recorded = Set(input.minutes.map { "\($0.structureID)|\($0.date.iso)" })
        let deadline = configuration.mail.minutesDays
        return input.meetings.compactMap { meeting in
            guard meeting.isHeld, let structure = configuration.structure(meeting.structureID) else { return nil }
            let past = meeting.start.date.days(to: today)
            guard past >= deadline, past <= deadline + Self.missingMinutesWindow,
                !recorded.contains("\(structure.id)|\(meeting.start.date.iso)"),
                !recorded.contains("\(structure.id)|\(meeting.plannedDate.iso)")
            else { return nil }
            return (structure, meeting)
        }
    }

    /// Who is reminded of a structure's missing minutes: its secretary (else chair) with an
    /// address, else the region's mailbox (`region: email`); nil when there is none.
    public func minutesWriter(of structure: CollaborationStructure) -> TextMessage.Address? {
        if let person = organizer(of: structure), let email = person.email { return .init(name: person.name, email: email) }
        return configuration.region.email.map { .init(name: configuration.region.name, email: $0) }
    }

    /// Reminders due today that have nobody to go to: the missing minutes of a structure with
    /// no secretary or chair address when the region has no mailbox either. `notify` says each.
    public func unaddressed(_ input: NotifyInput) -> [Unaddressed] {
        missingMinutesMeetings(input).compactMap { structure, meeting in
            minutesWriter(of: structure) == nil
                ? Unaddressed(kind: .missingMinutes, structure: structure, meetingDate: meeting.plannedDate) : nil
        }
    }

    /// One message to one recipient, from `mail: from` (else the structure's organizer, else the region).
    func make(
        _ kind: MailSending.Kind, key: String, to recipient: TextMessage.Address, structure: CollaborationStructure?,
        meetingDate: String?, item: String?, subject: String, body: String, messageID: () -> String
    ) -> Due {
        let id = messageID()
        let message = TextMessage(
            from: sender(structure), to: [recipient], replyTo: configuration.mail.replyTo.map { .init(name: nil, email: $0) },
            subject: subject, text: body, date: now, messageID: id)
        return Due(
            sending: MailSending(
                kind: kind, key: key, recipient: recipient.email, structureID: structure?.id,
                meetingDate: meetingDate, item: item, messageID: id),
            message: message)
    }

    /// The sender: `mail: from`, else the structure's secretary or chair, else the region's mailbox.
    public func sender(_ structure: CollaborationStructure?) -> TextMessage.Address {
        if let email = configuration.mail.fromAddress { return .init(name: configuration.mail.fromName, email: email) }
        if let structure, let person = organizer(of: structure), let email = person.email { return .init(name: person.name, email: email) }
        return .init(name: configuration.region.name, email: configuration.region.email ?? "samverkan@\(configuration.region.id).invalid")
    }

    func organizer(of structure: CollaborationStructure) -> Person? {
        [structure.secretary, structure.chair].compactMap { $0 }.compactMap(configuration.person).first { $0.email != nil }
    }

    func actionLine(_ action: OpenAction) -> String {
        texts.phrases.text(
            "notice.action",
            [
                "id": action.item.id.map(String.init) ?? "", "text": action.item.text,
                "responsible": contact(action.item.responsible)?.name ?? responsibleName(action.item.responsible),
                "due": action.item.due.iso, "status": texts.phrases.text(action.status.phraseKey),
            ])
    }

    func responsibleName(_ responsible: Responsible) -> String {
        switch responsible.kind {
        case .person: return configuration.person(responsible.id)?.name ?? responsible.id
        case .organisation: return configuration.organisation(responsible.id)?.name ?? responsible.id
        }
    }

    /// The name and address of a responsible; nil without an address.
    func contact(_ responsible: Responsible) -> (name: String, email: String)? {
        switch responsible.kind {
        case .person: return configuration.person(responsible.id).flatMap { person in person.email.map { (person.name, $0) } }
        case .organisation:
            return configuration.organisation(responsible.id).flatMap { organisation in organisation.email.map { (organisation.name, $0) } }
        }
    }
}

/// Minutes a signatory is reminded of: how long since the meeting, and which round.
struct ApprovalWait {
    var draft: NotifyInput.Draft
    var structure: CollaborationStructure
    var days: Int
    var round: Int
}
