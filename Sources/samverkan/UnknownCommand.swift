import ArgumentParser
import SamverkanDomain

/// Finds a command word that is no command, so `samverkan frobnicate --config x` says that
/// `frobnicate` is unknown instead of complaining about `--config`.
enum UnknownCommand {
    /// The first word, before any option, that is not a subcommand of the group it follows,
    /// with the commands that group has; nil when every word names a command.
    static func find(in arguments: [String], root: any ParsableCommand.Type = Samverkan.self) -> CLIError? {
        var group = root
        var path = [root._commandName]
        for word in arguments {
            if word.hasPrefix("-") { return nil }
            let subcommands = group.configuration.subcommands
            if subcommands.isEmpty { return nil }
            guard let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) else {
                let names = subcommands.map { $0._commandName }.joined(separator: ", ")
                return CLIError("command.unknown", ["command": word, "group": path.joined(separator: " "), "commands": names])
            }
            group = next
            path.append(word)
        }
        return nil
    }
}
