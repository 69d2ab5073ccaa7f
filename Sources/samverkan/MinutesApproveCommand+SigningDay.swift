import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension MinutesCommand.Approve {
    /// Refuses a signature dated before a correction was saved: the correction did not exist then.
    ///
    /// The meeting day (the store) and today (the command) bound every signature; a correction
    /// is also bound by its own save day. Originals may be entered after their justering on paper,
    /// so their save day does not bind them.
    /// - Throws: ``StoreError`` `minutes.correction-approved-before-saved`, naming the earliest allowed day.
    static func checkNotBeforeSaved(_ minutes: Minutes, day: LocalDate) throws {
        guard let original = minutes.amends, let saved = minutes.createdAt.flatMap({ LocalDate(iso: String($0.prefix(10))) })
        else { return }
        let earliest = max(saved, minutes.date)
        guard day < earliest else { return }
        throw StoreError(
            "minutes.correction-approved-before-saved",
            ["id": String(minutes.id ?? 0), "original": String(original), "date": day.iso, "earliest": earliest.iso])
    }
}
