/// People found by id or by name (case and spacing ignored) with one dictionary lookup each: the
/// answers of ``RegionConfiguration/findPerson(_:among:)`` for many lookups among the same people,
/// without comparing every name again at each (at national scale, thousands of names per lookup).
public struct PersonDirectory: Sendable {
    /// The first person of each id and of each name's comparison key (``Justering/key(_:)``), as
    /// `findPerson` finds the first one in order.
    private var byID: [String: Person] = [:]
    private var byName: [String: Person] = [:]

    /// A directory of these people (in the order `findPerson` would search them).
    public init(_ people: [Person]) {
        byID.reserveCapacity(people.count)
        byName.reserveCapacity(people.count)
        for person in people {
            if byID[person.id] == nil { byID[person.id] = person }
            let key = Justering.key(person.name)
            if byName[key] == nil { byName[key] = person }
        }
    }

    /// The person named by id, else by name (case and spacing ignored); nil when nobody is.
    public func find(_ text: String) -> Person? {
        let wanted = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return byID[wanted] ?? byName[Justering.key(wanted)]
    }
}
