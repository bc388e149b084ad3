import ClaimKit
import Foundation

/// The claims discovered from `experiments/*/report.md`, for `claims list`, `index`, `check` and `robustness`.
enum Headline {
    static func catalogue(experiments: URL) throws -> [ClaimMetadata] {
        try ClaimCatalogue.discover(in: experiments)
    }

    static func read(_ claim: ClaimMetadata, in folder: URL) throws -> ClaimResult {
        try ClaimResult.read(from: folder.appendingPathComponent("\(claim.id)/result.json"))
    }
}
