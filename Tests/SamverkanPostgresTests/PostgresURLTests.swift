import SamverkanPostgres
import Testing

@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test("reads user, password, host, port, database, sslmode and connect_timeout; postgresql:// too")
    func reads() throws {
        let url = try PostgresURL(
            "postgresql://anna:hemligt@db.region.se:6543/samverkan?sslmode=require&connect_timeout=3", environment: [:])
        #expect(url.user == "anna")
        #expect(url.password == "hemligt")
        #expect(url.host == "db.region.se")
        #expect(url.port == 6543)
        #expect(url.database == "samverkan")
        #expect(url.sslMode == .require)
        #expect(url.connectTimeout == 3)
        #expect(url.redacted == "postgres://anna@db.region.se:6543/samverkan")
        #expect(!"\(url)".contains("hemligt"))
    }

    @Test("an IPv6 host is written in brackets and connected to without; a scheme with a typo is an address, not a file")
    func addresses() throws {
        let url = try PostgresURL("postgres://anna@[::1]:55432/samverkan", environment: [:])
        #expect(url.host == "::1")
        #expect(url.redacted == "postgres://anna@[::1]:55432/samverkan")
        for typo in ["postgress://anna@db/x", "postgres:/anna@db/x", "pg://anna@db/x", "POSTGRE://a@b/c", "postgresql:anna@db/x"] {
            #expect(PostgresURL.looksLikeAddress(typo), "\(typo)")
            #expect(throws: DatabaseAdminError.self) { try PostgresURL(typo, environment: [:]) }
        }
        for path in ["/home/anna/samverkan.sqlite", "samverkan.sqlite", "data/postgres.sqlite", "./postgres"] {
            #expect(!PostgresURL.looksLikeAddress(path), "\(path)")
        }
    }

    @Test("the password comes from PGPASSWORD when the URL has none; defaults are port 5432 and sslmode prefer")
    func passwordFromEnvironment() throws {
        let url = try PostgresURL("postgres://anna@localhost/samverkan", environment: ["PGPASSWORD": "frånmiljön"])
        #expect(url.password == "frånmiljön")
        #expect(url.port == 5432)
        #expect(url.sslMode == .prefer)
        #expect(try PostgresURL("postgres://anna:iurl@localhost/db", environment: ["PGPASSWORD": "x"]).password == "iurl")
    }

    @Test(
        "malformed URLs are refused with what to check, never echoing the password",
        arguments: [
            "postgres://localhost/db", "postgres://anna:hemligt@/db", "postgres://anna:hemligt@host",
            "postgres://anna:hemligt@host/db?sslmode=verify",
            "postgres://anna:hemligt@host/db?connect_timeout=0", "postgres://anna:hemligt@host/db?options=x",
        ])
    func refused(_ text: String) {
        #expect {
            try PostgresURL(text, environment: [:])
        } throws: { error in
            guard let error = error as? DatabaseAdminError else { return false }
            return error.code == "db.url-invalid" && !error.values.values.contains { $0.contains("hemligt") }
        }
    }

    @Test(
        "a password with # or @ not percent-encoded is refused as such, no part of it shown; encoded it is read",
        arguments: ["postgres://sekreterare:Xq:Zk@t9/Wv#Jy@db.region.se/samverkan", "postgres://anna:Pw@Qz@db.region.se/samverkan"])
    func unencodedPassword(_ text: String) throws {
        let error = #expect(throws: DatabaseAdminError.self) { try PostgresURL(text, environment: [:]) }
        #expect(error?.code == "db.url-password-characters")
        let shown = error?.values["url"] ?? ""
        #expect(shown.hasPrefix("postgres://") && !["Xq", "Zk", "t9", "Wv", "Jy", "Pw", "Qz"].contains { shown.contains($0) }, "\(shown)")
        let encoded = try PostgresURL("postgres://anna:hem%40l%23gt@db.region.se/samverkan", environment: [:])
        #expect(encoded.password == "hem@l#gt" && encoded.host == "db.region.se" && encoded.database == "samverkan")
    }

    @Test("a file path is an SQLite database, a postgres URL a PostgreSQL one")
    func locations() throws {
        guard case .sqlite(let path) = try DatabaseLocation("data/samverkan.sqlite", environment: [:]) else {
            Issue.record("not SQLite")
            return
        }
        #expect(path == "data/samverkan.sqlite")
        guard case .postgres = try DatabaseLocation("POSTGRES://a@b/c", environment: [:]) else {
            Issue.record("not PostgreSQL")
            return
        }
    }
}
