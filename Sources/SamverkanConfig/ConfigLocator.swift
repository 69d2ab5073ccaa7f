public import Foundation

/// Finds the configuration and database files from options, the environment and defaults.
public enum ConfigLocator {
    /// The configuration file: `--config`, else `SAMVERKAN_CONFIG`, else `Config/samverkan.yaml`
    /// in the current folder if it exists.
    /// - Throws: ``ConfigError`` listing the shipped configurations when none is given.
    public static func configPath(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(ConfigError) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["SAMVERKAN_CONFIG"], !env.isEmpty { return env }
        let local = "Config/samverkan.yaml"
        if FileManager.default.fileExists(atPath: (currentDirectory as NSString).appendingPathComponent(local)) { return local }
        throw ConfigError.missing(file: local, shipped: shippedConfigurations(in: currentDirectory))
    }

    /// The `.yaml` files in `Config/` below a folder.
    public static func shippedConfigurations(in directory: String) -> [String] {
        let folder = (directory as NSString).appendingPathComponent("Config")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "Config/\($0)" }
    }

    /// The database file: `--database`, else `SAMVERKAN_DATABASE`, else
    /// `$XDG_DATA_HOME/samverkan/samverkan.sqlite` (default `~/.local/share/samverkan/samverkan.sqlite`).
    public static func databasePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["SAMVERKAN_DATABASE"], !env.isEmpty { return env }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((dataHome as NSString).appendingPathComponent("samverkan") as NSString).appendingPathComponent("samverkan.sqlite")
    }
}
