import Foundation
import SamverkanStore
import SamverkanTemplates
import SamverkanTestSupport
import Testing

/// Every error code the sources use has a message in `errors.txt` of every language, and every
/// message belongs to a code in use.
@Suite("Error messages in Templates/")
struct ErrorCatalogueTests {
    /// The codes written in the sources: every string literal shaped like `"minutes.not-found"`
    /// whose group (`minutes`) is a group of error codes, except phrase keys and file names, plus
    /// the codes LookupError and the configuration parser compose. Whole files are read, so however a call is
    /// laid out over lines, its code is found.
    static func codesInSources() throws -> Set<String> {
        let root = CLIRunner.packageRoot
        let literal = try Regex(#""([a-z]+\.[a-z][a-z0-9-]*)""#)
        let groups = Set(try Templates.errors(language: "sv").keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        // File names and SQL column names (`minutes.id`) have the same shape.
        let notCodes: Set<String> = ["md", "txt", "html", "ics", "eml", "yaml", "json", "sqlite", "py", "sh", "csv", "id"]
        var codes: Set<String> = []
        for folder in ["Sources", "Templates"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                for match in text.matches(of: literal) {
                    let code = String(match.output[1].substring!)
                    let parts = code.split(separator: ".").map(String.init)
                    guard let group = parts.first, groups.contains(group), let last = parts.last, !notCodes.contains(last) else { continue }
                    codes.insert(code)
                }
            }
        }
        // Phrase keys (e.g. "invitation.subject") are words, not error codes.
        for language in Templates.languages { codes.subtract(try Templates.phrases(language: language).keys) }
        // So are help keys (e.g. "schedule.abstract"), in help.txt.
        for language in Templates.languages { codes.subtract(try Templates.help(language: language).keys) }
        // The audit log's action codes (`meeting.moved`) name writes, not errors.
        codes.subtract(AuditAction.allCases.map(\.rawValue))
        for kind in ["structure", "organisation", "person"] {
            codes.formUnion(["lookup.unknown-\(kind)", "lookup.unknown-\(kind)-close"])
        }
        // ConfigParser composes these from a reference's target and an id's namespace.
        for target in ["organisation", "person", "municipality", "care-centre"] { codes.insert("config.unknown-\(target)") }
        for namespace in ["organisation", "person", "structure"] { codes.insert("config.what-id-\(namespace)") }
        for reason in ["several-weekdays", "unsupported-parts", "too-often", "bounded"] { codes.insert("config.inexpressible-\(reason)") }
        return codes
    }

    @Test("Both languages have the same codes")
    func sameKeys() throws {
        let sv = try Templates.errors(language: "sv")
        let en = try Templates.errors(language: "en")
        #expect(
            Set(sv.keys) == Set(en.keys), "only sv: \(Set(sv.keys).subtracting(en.keys)); only en: \(Set(en.keys).subtracting(sv.keys))")
        #expect(sv.values.allSatisfy { !$0.isEmpty } && en.values.allSatisfy { !$0.isEmpty })
    }

    @Test("Every code in the sources has a message in sv and en, and every message a code")
    func everyCode() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count >= 50, "the scan found only \(codes.sorted())")
        for language in Templates.languages {
            // libyaml's own words (`yaml.*`, keyed by their English text) are looked up, not coded.
            let messages = Set(try Templates.errors(language: language).keys.filter { !$0.hasPrefix("yaml.") })
            #expect(codes.subtracting(messages).isEmpty, "\(language): no message for \(codes.subtracting(messages).sorted())")
            #expect(messages.subtracting(codes).isEmpty, "\(language): no code uses \(messages.subtracting(codes).sorted())")
        }
    }

    @Test("A message uses only placeholders written {{name}}, the same in both languages")
    func placeholders() throws {
        let sv = try Templates.errors(language: "sv")
        let en = try Templates.errors(language: "en")
        let placeholder = try Regex(#"\{\{([a-z]+)\}\}"#)
        let single = try Regex(#"\{[a-z]+\}"#)
        for (code, text) in sv {
            let names = Set(text.matches(of: placeholder).map { String($0.output[1].substring!) })
            let english = Set((en[code] ?? "").matches(of: placeholder).map { String($0.output[1].substring!) })
            #expect(names == english, "\(code): sv \(names.sorted()), en \(english.sorted())")
            let outside = text.replacing(placeholder, with: "")
            #expect(outside.firstMatch(of: single) == nil, "\(code): a placeholder is written {{name}}")
        }
    }
}
