import Testing

@testable import SamverkanDomain

/// `notify` matches the names written in minutes through a ``PersonDirectory``; it must find
/// exactly whom `RegionConfiguration.findPerson(_:among:)` finds, the first one of a name included.
@Suite("Person directory")
struct PersonDirectoryTests {
    static let people = [
        Person(id: "anna", name: "Anna Berg", organisation: "region"),
        Person(id: "bo", name: "Bo  Ek", organisation: "halmstad"),
        Person(id: "anna-2", name: "anna berg", organisation: "varberg"),
        Person(id: "Cilla Dahl", name: "Cecilia Dahl", organisation: "region"),
        Person(id: "cilla", name: "Cilla Dahl", organisation: "varberg"),
        Person(id: "bo", name: "Bo Eriksson", organisation: "varberg"),
    ]

    @Test(
        "Finds by id first, then by name ignoring case and spacing, the first in order; nil for nobody",
        arguments: [
            "anna", "Anna Berg", "ANNA   berg", " anna berg ", "bo", "bo ek", "Bo Eriksson", "Cilla Dahl", "cilla dahl",
            "cecilia  dahl", "anna-2", "Dag", "", "  ",
        ])
    func sameAsFindPerson(text: String) {
        let configuration = RegionConfiguration(
            region: Organisation(id: "region", name: "Region", kind: .region), organisations: [], people: Self.people,
            structures: [])
        let expected = configuration.findPerson(text, among: Self.people)
        let found = PersonDirectory(Self.people).find(text)
        #expect(found?.id == expected?.id && found?.name == expected?.name, "\(text)")
    }

    @Test("Which person a name finds depends on the order of the people, as findPerson's does")
    func firstInOrder() {
        #expect(PersonDirectory(Self.people).find("anna berg")?.id == "anna")
        #expect(PersonDirectory(Self.people.reversed()).find("anna berg")?.id == "anna-2")
        #expect(PersonDirectory(Self.people).find("bo")?.name == "Bo  Ek")
        #expect(PersonDirectory(Self.people).find("Cilla Dahl")?.name == "Cecilia Dahl", "an id before a name")
    }
}
