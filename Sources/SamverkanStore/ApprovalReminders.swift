/// The approval reminders a row of the mail log stands for, as `minutes id/round/address`,
/// whichever engine it was read from.
public enum ApprovalReminders {
    /// Adds the reminders of one `approval` row of the mail log: read from the item of the
    /// message (`#7/1,#9/2`), or from the key of one message per minutes
    /// (`approval|7|address|1`, as earlier versions wrote them).
    public static func add(key: String, recipient: String, item: String?, to result: inout Set<String>) {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count == 4, Int64(parts[1]) != nil {
            result.insert("\(parts[1])/\(parts[3])/\(recipient)")
            return
        }
        for pair in (item ?? "").split(separator: ",") where pair.hasPrefix("#") {
            result.insert("\(pair.dropFirst())/\(recipient)")
        }
    }
}
