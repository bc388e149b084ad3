import ArgumentParser
import Foundation
import Gnuplot

/// The command line every experiment shares (`@OptionGroup var options: ExperimentOptions`).
public struct ExperimentOptions: ParsableArguments, Sendable {
    @Flag(help: "Run the quick variant (fewer steps and seeds, same metrics) that `make check` and CI use.")
    public var quick = false

    @Option(help: ArgumentHelp(
        "Number of seeds, run as seeds 0 through N−1 (default: 5, or the experiment's quick count with --quick).",
        valueName: "N"))
    public var seeds: Int?

    @Option(help: ArgumentHelp("Folder that receives the report folder <claim-id>/ (created if missing).",
                               valueName: "DIR"))
    public var output = "reports"

    @Option(help: ArgumentHelp("Comma-separated figure formats to render, from svg, png, pdf.", valueName: "LIST"),
            transform: ExperimentOptions.parseFormats)
    public var formats: [OutputFormat] = [.svg, .png, .pdf]

    @Option(help: ArgumentHelp("First seed; the run uses seeds K through K+N−1 (fresh-seed checks use 1000).",
                               valueName: "K"))
    public var firstSeed = 0

    @Flag(help: "Judge and write result.json only: no figures, no README (what `make robustness` runs).")
    public var judgeOnly = false

    public init() {}

    public func validate() throws {
        if let seeds, seeds < 1 {
            throw ValidationError("--seeds must be at least 1 (got \(seeds)); for example --seeds 5.")
        }
        if let seeds, seeds > 100 {
            throw ValidationError("--seeds \(seeds) is more than 100; use at most 100 seeds.")
        }
        if firstSeed < 0 {
            throw ValidationError("--first-seed must not be negative (got \(firstSeed)); for example --first-seed 1000.")
        }
        if formats.isEmpty {
            throw ValidationError("--formats needs at least one of svg, png, pdf; for example --formats svg,png.")
        }
    }

    static func parseFormats(_ text: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: trimmed) else {
                throw ValidationError("--formats: unknown format '\(trimmed)'; choose from svg, png, pdf (comma-separated).")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// The seeds to run: K..<K+N with K from `--first-seed` (default 0) and N from `--seeds`, else 5 (full) or
    /// `quickSeedCount` (quick).
    public func seedList(quickSeedCount: Int) -> [Int] {
        Array(firstSeed..<(firstSeed + (seeds ?? (quick ? quickSeedCount : 5))))
    }
}
