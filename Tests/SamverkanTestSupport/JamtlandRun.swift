/// `samverkan` as the first-use trials ran it: Region Jämtland Härjedalen's configuration, a
/// database of the test's own, 2025-06-15 as today, and no editor.
public enum JamtlandRun {
    public static func run(_ arguments: [String], database: String, stdin: String? = nil) throws -> CLIRunner.Result {
        try CLIRunner.run(
            arguments,
            environment: [
                "SAMVERKAN_CONFIG": "Config/jamtland-harjedalen.yaml", "SAMVERKAN_DATABASE": database,
                "SAMVERKAN_TODAY": "2025-06-15", "VISUAL": "", "EDITOR": "",
            ], stdin: stdin)
    }
}
