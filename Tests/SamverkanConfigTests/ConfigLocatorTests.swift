import Foundation
import Testing

@testable import SamverkanConfig

@Suite("Finding the configuration and database")
struct ConfigLocatorTests {
    @Test("The option wins, then the environment")
    func order() throws {
        #expect(try ConfigLocator.configPath(option: "a.yaml", environment: ["SAMVERKAN_CONFIG": "b.yaml"]) == "a.yaml")
        #expect(try ConfigLocator.configPath(option: nil, environment: ["SAMVERKAN_CONFIG": "b.yaml"]) == "b.yaml")
    }

    @Test("Without any, the error lists the shipped configurations")
    func none() throws {
        let root = Fixture.packageRoot.path
        do {
            _ = try ConfigLocator.configPath(option: nil, environment: [:], currentDirectory: root)
            Issue.record("should fail")
        } catch {
            // The message around them ("give --config FILE …") is in errors.txt; EndToEndTests prints it.
            #expect(error.code == "config.missing-shipped")
            #expect(error.values["shipped"]?.contains("Config/halland.yaml") == true)
            #expect(error.values["file"] == "Config/samverkan.yaml")
        }
    }

    @Test("The database defaults to the user's data folder")
    func database() {
        #expect(ConfigLocator.databasePath(option: "x.sqlite", environment: [:]) == "x.sqlite")
        #expect(ConfigLocator.databasePath(option: nil, environment: ["SAMVERKAN_DATABASE": "y.sqlite"]) == "y.sqlite")
        #expect(
            ConfigLocator.databasePath(option: nil, environment: ["HOME": "/home/u"]) == "/home/u/.local/share/samverkan/samverkan.sqlite")
        #expect(ConfigLocator.databasePath(option: nil, environment: ["XDG_DATA_HOME": "/d"]) == "/d/samverkan/samverkan.sqlite")
    }
}
