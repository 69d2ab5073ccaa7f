import Foundation
import SamverkanTestSupport
import Testing

/// A `samverkan serve` a test started on a free loopback port (the server picks it: `--port 0`,
/// and prints it), and `curl` against it.
final class ServedFeeds {
    let folder: TemporaryFolder
    let environment: [String: String]
    private(set) var server: RunningProcess?
    private(set) var port = 0

    /// - Parameter more: more environment variables of every program started (e.g. `LOG_LEVEL`).
    init(today: String = "2025-06-01", more: [String: String] = [:]) throws {
        folder = try TemporaryFolder("serve")
        environment = ["SAMVERKAN_DATABASE": TestDatabase.path(in: folder, name: "db.sqlite"), "SAMVERKAN_TODAY": today]
            .merging(more) { $1 }
    }

    /// Always stops the server this test started (by its pid), even when an expectation failed.
    deinit { stop() }

    @discardableResult
    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// Creates a feed and returns its token (from the printed https:// link).
    func createFeed(_ selection: [String]) throws -> String {
        let result = try run(
            ["feeds", "create", "--config", "Config/halland.yaml", "--base-url", "https://kalender.example.se"] + selection)
        let link = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("https://kalender.example.se/feeds/") })
        #expect(result.stdout.contains("webcal://kalender.example.se/feeds/"))
        return String(link.dropFirst("https://kalender.example.se/feeds/".count).dropLast(".ics".count))
    }

    /// Starts the server and waits until `/health` answers.
    func start(_ more: [String] = []) throws {
        let process = try CLIRunner.start(["serve", "--config", "Config/halland.yaml", "--port", "0"] + more, environment: environment)
        server = process
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let line = process.standardOutputSoFar().split(separator: "\n").first(where: {
                $0.hasPrefix("lyssnar på http://127.0.0.1:") || $0.hasPrefix("listening on http://127.0.0.1:")
            }),
                let match = line.firstMatch(of: /http:\/\/127\.0\.0\.1:([0-9]+)/), let number = Int(match.1)
            {
                port = number
                if (try? curl(["/health"]).status) == 200 { return }
            }
            usleep(50_000)
        }
        Issue.record("the server did not come up: \(process.standardOutputSoFar()) \(process.standardErrorSoFar())")
        throw CancellationError()
    }

    /// Stops the server with SIGTERM (SIGKILL after 10 s) and returns how it ended.
    @discardableResult
    func stop() -> CLIRunner.Result? {
        guard let server else { return nil }
        self.server = nil
        if server.isRunning { server.signal(SIGTERM) }
        let deadline = Date().addingTimeInterval(10)
        while server.isRunning, Date() < deadline { usleep(20_000) }
        if server.isRunning { server.kill() }
        return try? server.wait()
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// `curl` of a path on the server (`--path-as-is`, so `..` reaches the server), with more options.
    func curl(_ path: String, _ options: [String] = []) throws -> Reply {
        try curl([path], options)
    }

    func curl(_ paths: [String], _ options: [String] = []) throws -> Reply {
        let headers = folder.path("headers-\(UUID().uuidString)")
        let body = folder.path("body-\(UUID().uuidString)")
        let result = try CLIRunner.runTool(
            "/usr/bin/curl",
            ["-s", "--path-as-is", "-o", body, "-D", headers, "-w", "%{http_code}"]
                + options + paths.map { "http://127.0.0.1:\(port)\($0)" })
        let raw = (try? String(contentsOfFile: headers, encoding: .utf8)) ?? ""
        var fields: [String: String] = [:]
        for line in raw.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(
            status: Int(result.stdout.suffix(3)) ?? 0, headers: fields,
            body: (try? Data(contentsOf: URL(fileURLWithPath: body))) ?? Data())
    }
}
