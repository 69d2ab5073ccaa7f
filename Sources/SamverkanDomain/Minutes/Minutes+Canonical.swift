public import SamverkanTime

extension Minutes {
    /// A stable text of everything the minutes say, the input of the content hash.
    ///
    /// One `key=value` line per fact, in a fixed order; values have `\`, newlines and `=`
    /// escaped. Store-assigned facts that come later (the approval itself, the creation time)
    /// are left out, so the hash computed at approval can be recomputed at any time. So is the
    /// number an action item of a correction keeps (``ActionItem/continues``): migration
    /// `v9-action-identity` gives it to corrections approved before it, whose hash must still
    /// verify; the read-only triggers of approved minutes guard it.
    public var canonicalText: String {
        var lines: [String] = ["samverkan-minutes=1"]
        func add(_ key: String, _ value: String) { lines.append(key + "=" + Self.escape(value)) }
        add("id", id.map { String($0) } ?? "")
        add("structure", structureID)
        add("date", date.iso)
        add("time", time?.description ?? "")
        add("planned", plannedDate?.iso ?? "")
        add("place", place)
        add("chair", chair)
        add("secretary", secretary)
        for approver in approvers { add("approver", approver) }
        for row in attendance {
            add(
                "attendance",
                [
                    row.personID, row.organisationID, row.principal.rawValue,
                    row.present ? "present" : "absent", row.substitute ?? "",
                ].map(Self.escape).joined(separator: "|"))
        }
        // Written only when there are any: the digest of minutes approved before organisation
        // attendance existed stays the same.
        for row in organisationAttendance {
            add(
                "organisation-attendance",
                [row.organisationID, row.principal.rawValue, row.present ? "present" : "absent", row.attendee]
                    .map(Self.escape).joined(separator: "|"))
        }
        for row in agenda { add("agenda", [row.itemID, row.covered ? "1" : "0", row.notes].map(Self.escape).joined(separator: "|")) }
        add("previous", previousApproved.map { $0 ? "1" : "0" } ?? "")
        for row in actionFollowUps {
            add("follow-up", [String(row.actionID), row.status.rawValue, row.comment].map(Self.escape).joined(separator: "|"))
        }
        for row in activityFollowUps {
            add("activity", [row.activityID, row.status.rawValue, row.comment].map(Self.escape).joined(separator: "|"))
        }
        for item in items { add("item", [item.title, item.notes].map(Self.escape).joined(separator: "|")) }
        for decision in decisions {
            add(
                "decision",
                [decision.number.map { String($0) } ?? "", decision.inherited ? "1" : "0", decision.text]
                    .map(Self.escape).joined(separator: "|"))
        }
        for action in newActions {
            add(
                "action",
                [
                    action.id.map { String($0) } ?? "", action.text, action.responsible.kind.rawValue,
                    action.responsible.id, action.due.iso,
                ].map(Self.escape).joined(separator: "|"))
        }
        add("amends", amends.map { String($0) } ?? "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// SHA-256 of ``canonicalText`` and the approval (who, which day), stored at approval and
    /// checked by `minutes verify`.
    public func approvalDigest(by: [String], date: LocalDate) -> String {
        var text = canonicalText
        for name in by { text += "approved-by=" + Self.escape(name) + "\n" }
        text += "approved-on=" + date.iso + "\n"
        return SHA256.hex(text)
    }

    /// Whether the stored approval still matches the content (false when unapproved).
    public var isIntact: Bool {
        guard let approval else { return false }
        return approvalDigest(by: approval.by, date: approval.date) == approval.contentHash
    }

    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "|": result += "\\|"
            case "=": result += "\\="
            default: result.append(character)
            }
        }
        return result
    }
}
