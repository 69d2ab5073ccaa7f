import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanServer
import SamverkanStore

extension Samverkan {
    /// `samverkan feeds`: secret subscription feeds for `samverkan serve`.
    struct FeedsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feeds",
            abstract: "Create, list and revoke secret calendar subscription feeds (served by samverkan serve).",
            subcommands: [Create.self, List.self, Revoke.self]
        )
    }
}

extension Samverkan.FeedsCommand {
    /// `samverkan feeds create`: a new secret feed; the token is printed once and stored only as a hash.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a secret feed of a selection and print its webcal:// and https:// links.",
            discussion: HelpText.reflowed(
                """
                The link is the secret: anyone who has it can read the calendar. It is shown only now; \
                the database keeps only its SHA-256. Revoke it with `samverkan feeds revoke ID`.

                Example:
                  samverkan feeds create --config Config/halland.yaml --organisation halmstad --base-url https://kalender.regionhalland.se
                """)
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StructureSelection

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The server's public address (the reverse proxy's), e.g. https://kalender.example.se.", valueName: "URL"))
        var baseURL = "http://127.0.0.1:8080"

        func validate() throws {
            guard selection.structures.count <= 1 else { throw ValidationError.localized("usage.feed-one-structure") }
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
                throw ValidationError.localized("usage.base-url")
            }
        }

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let chosen = selection.feedSelection
            _ = try chosen.resolve(in: configuration)
            let token = FeedToken.random()
            let database = try global.openDatabase()
            let id = try global.store {
                try database.createFeed(tokenHash: token.hash, selectionKind: chosen.kind, selectionValue: chosen.value)
            }
            let phrases = try global.phrasebook()
            print(phrases.text("feeds.created", ["id": String(id)]))
            print(token.webcalURL(base: baseURL))
            print(token.httpsURL(base: baseURL))
        }
    }

    /// `samverkan feeds list`: every feed without its secret.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the feeds: id, selection, created, revoked (never the secret).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let database = try global.openDatabase()
            let feeds = try global.store { try database.feeds() }
            let phrases = try global.phrasebook()
            guard !feeds.isEmpty else {
                print(phrases.text("feeds.none"))
                return
            }
            print(["id", "selection", "created", "revoked"].map { phrases.text("feeds.column.\($0)") }.joined(separator: "\t"))
            for feed in feeds {
                let selection = feed.selectionKind == "all" ? "all" : "\(feed.selectionKind) \(feed.selectionValue)"
                print([String(feed.id), selection, feed.createdAt, feed.revokedAt ?? "–"].joined(separator: "\t"))
            }
        }
    }

    /// `samverkan feeds revoke ID`: the feed's link answers 404 from now on.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a feed: its link answers 404 from the next request on.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The feed's id (samverkan feeds list).")
        var id: Int64

        func run() throws {
            let database = try global.openDatabase()
            guard try global.store({ try database.revokeFeed(id: id) }) else { throw FeedError.unknownFeed(String(id)) }
            print(try global.phrasebook().text("feeds.revoked", ["id": String(id)]))
        }
    }
}
