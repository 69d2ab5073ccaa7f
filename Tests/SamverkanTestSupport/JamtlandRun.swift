/// `samverkan` as the first-use trials ran it: Region Jämtland Härjedalen's configuration, a
/// database of the test's own, 2025-06-15 as today, and no editor.
public enum JamtlandRun {
    /// - Parameter dataHome: `XDG_DATA_HOME` (where drafts are kept with a PostgreSQL database);
    ///   a folder of the run's own when nil.
    public static func run(_ arguments: [String], database: String, dataHome: String? = nil, stdin: String? = nil) throws
        -> CLIRunner.Result
    {
        var environment = [
            "SAMVERKAN_CONFIG": "Config/jamtland-harjedalen.yaml", "SAMVERKAN_DATABASE": database,
            "SAMVERKAN_TODAY": "2025-06-15", "VISUAL": "", "EDITOR": "",
        ]
        environment["XDG_DATA_HOME"] = dataHome
        return try CLIRunner.run(arguments, environment: environment, stdin: stdin)
    }
}
