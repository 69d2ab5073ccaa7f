public import Foundation

/// The seed corpus of each surface, from the repository: the shipped configurations, a draft
/// from the shipped template (and a correction's, with a follow-up of a withdrawn item), the sample
/// minutes export (and the same as version 2, with `meetingDecisions`), and the iCalendar samples
/// of the peers.
public enum FuzzSeeds {
    /// The repository: `$SAMVERKAN_ROOT`, else the folder this file is in, three levels up.
    public static var root: URL {
        if let root = ProcessInfo.processInfo.environment["SAMVERKAN_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The seeds of a surface, as bytes.
    public static func seeds(_ surface: FuzzSurface, root: URL = root, targets: FuzzTargets) -> [[UInt8]] {
        switch surface {
        case .config: return files(in: root.appendingPathComponent("Config"), ending: ".yaml")
        case .draft:
            let base = targets.drafts.baseDraft
            let filled =
                base.replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n- RUG ställer sig bakom rutinen.\n  Andra raden.\n")
                + "- Sprida rutinen | ansvarig: socialchef-halmstad | klart: 2025-04-30\n"
            return [Array(base.utf8), Array(filled.utf8), Array(targets.drafts.correctionDraft.utf8)]
        case .importJSON:
            let samples = files(in: root.appendingPathComponent("Config/samples"), ending: ".json")
            return samples + samples.compactMap(FuzzGenerator.withMeetingDecisions)
        case .ical: return files(in: root.appendingPathComponent("Tests/Peers/samples"), ending: ".ics")
        }
    }

    static func files(in folder: URL, ending: String) -> [[UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(ending) }.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { Array($0) }
        }
    }

    /// Writes the seeds of every surface to `folder/<surface>/`, for libFuzzer.
    public static func writeCorpus(to folder: URL, targets: FuzzTargets) throws {
        for surface in FuzzSurface.allCases {
            let directory = folder.appendingPathComponent(surface.rawValue)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (index, seed) in seeds(surface, targets: targets).enumerated() {
                try Data(seed).write(to: directory.appendingPathComponent("seed-\(index)"))
            }
        }
    }
}
