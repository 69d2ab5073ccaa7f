import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanServer
import SamverkanStore

extension Samverkan {
    /// `samverkan feeds`: secret subscription feeds for `samverkan serve`.
    struct FeedsCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "feeds",
                abstract: HelpWords.text("feeds.abstract"),
                subcommands: [Create.self, List.self, Revoke.self]
            )
        }
    }
}

extension Samverkan.FeedsCommand {
    /// `samverkan feeds create`: a new secret feed; the token is printed once and stored only as a hash.
    struct Create: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("feeds.create.abstract"),
                discussion: HelpWords.discussion("feeds.create.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StructureSelection

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                HelpWords.text("feeds.create.base-url"), valueName: "URL"))
        var baseURL = "http://127.0.0.1:8080"

        func validate() throws {
            guard selection.structures.count <= 1 else { throw ValidationError.localized("usage.feed-one-structure") }
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
                throw ValidationError.localized("usage.base-url")
            }
        }

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let chosen = selection.feedSelection
            _ = try chosen.resolve(in: configuration)
            let token = FeedToken.random()
            let database = try await global.openDatabase()
            let id = try await global.store {
                try await database.createFeed(tokenHash: token.hash, selectionKind: chosen.kind, selectionValue: chosen.value)
            }
            let phrases = try global.phrasebook()
            print(phrases.text("feeds.created", ["id": String(id)]))
            print(token.webcalURL(base: baseURL))
            print(token.httpsURL(base: baseURL))
        }
    }

    /// `samverkan feeds list`: every feed without its secret.
    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: HelpWords.text("feeds.list.abstract"))
        }

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let database = try await global.openDatabase()
            let feeds = try await global.store { try await database.feeds() }
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
    struct Revoke: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: HelpWords.text("feeds.revoke.abstract"))
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: HelpWords.help("feeds.revoke.id", value: "id"))
        var id: Int64

        func run() async throws {
            let database = try await global.openDatabase()
            guard try await global.store({ try await database.revokeFeed(id: id) }) else { throw FeedError.unknownFeed(String(id)) }
            print(try global.phrasebook().text("feeds.revoked", ["id": String(id)]))
        }
    }
}
