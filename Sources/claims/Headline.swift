import ClaimKit
import Foundation

/// What `claims index` and `claims check` read of a claim and its result.
struct Headline {
    struct Entry {
        let id: String
        let title: String
        let expected: Verdict
        /// Written by a not-yet-migrated experiment (schema 1).
        let legacy: Bool
    }

    let verdict: Verdict
    let preregisteredVerdict: Verdict
    let takeHome: String
    let keyFigure: String?
    let formats: [String]

    /// The claims discovered from `experiments/*/report.md`, then the legacy catalogue's claims whose experiment
    /// folder exists but has no report.md yet.
    static func catalogue(experiments: URL) throws -> [Entry] {
        let discovered = try ClaimCatalogue.discover(in: experiments)
        let ids = Set(discovered.map(\.id))
        let folders = Set((try? FileManager.default.contentsOfDirectory(atPath: experiments.path)) ?? [])
        return discovered.map { Entry(id: $0.id, title: $0.title, expected: $0.expected, legacy: false) }
            + Catalogue.all.filter { !ids.contains($0.id) && folders.contains($0.id) }
            .map { Entry(id: $0.id, title: $0.title, expected: $0.expected, legacy: true) }
    }

    static func read(_ entry: Entry, in folder: URL) throws -> Headline {
        let url = folder.appendingPathComponent("\(entry.id)/result.json")
        if entry.legacy {
            let result = try LegacyResultFile.read(from: url)
            return Headline(verdict: result.verdict, preregisteredVerdict: result.verdict, takeHome: result.keyNumber,
                            keyFigure: result.keyFigure, formats: result.formats)
        }
        let result = try ClaimResult.read(from: url)
        return Headline(verdict: result.verdict, preregisteredVerdict: result.preregisteredVerdict,
                        takeHome: result.takeHome, keyFigure: result.keyFigure, formats: result.formats)
    }
}
