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

    @Option(help: ArgumentHelp("Comma-separated figure formats to render, from svg, png, pdf, latex (cairolatex: "
                               + "figures/latex/<name>.tex + .pdf).", valueName: "LIST"),
            transform: ExperimentOptions.parseFormats)
    public var formats: [OutputFormat] = OutputFormat.allCases

    @Option(help: ArgumentHelp("First seed; the run uses seeds K through K+N−1 (fresh-seed checks use 1000).",
                               valueName: "K"))
    public var firstSeed = 0

    @Flag(help: "Judge and write result.json only: no figures, no README (what `make robustness` runs).")
    public var judgeOnly = false

    @Option(help: ArgumentHelp(
        "Measure only shard k of n of the seeds (contiguous blocks) and write <DIR>/<claim-id>/shard-k-of-n.json, "
        + "unjudged, into the --output folder; `--merge` judges the shards (a Slurm job array runs one per task).",
        valueName: "k/n"), transform: ExperimentOptions.parseShard)
    public var shard: ShardSpec?

    @Option(help: ArgumentHelp(
        "Judge the shards in <DIR>/<claim-id>/ (every seed of the run exactly once, same mode and seeds as given "
        + "here) and write the report into --output, as a single run would.", valueName: "DIR"))
    public var merge: String?

    @Flag(help: "Print the number of units --shard divides (seeds, or seeds × configurations for a sweep) and exit.")
    public var countUnits = false

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
        if shard != nil, merge != nil {
            throw ValidationError("--shard and --merge exclude each other: measure the shards first, then merge them.")
        }
        if let merge, Self.sameFolder(merge, output) {
            throw ValidationError("--merge \(merge) and --output name the same folder; the report would replace the "
                                  + "shards. Write the report elsewhere, e.g. --output reports.")
        }
        if formats.isEmpty {
            throw ValidationError("--formats needs at least one of svg, png, pdf, latex; for example --formats svg,png.")
        }
    }

    static func parseFormats(_ text: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: trimmed) else {
                throw ValidationError("--formats: unknown format '\(trimmed)'; choose from svg, png, pdf, latex (comma-separated).")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    static func sameFolder(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolved(a) == resolved(b)
    }

    static func parseShard(_ text: String) throws -> ShardSpec {
        guard let spec = ShardSpec(parsing: text) else {
            throw ValidationError("--shard: '\(text)' is not k/n with 1 ≤ k ≤ n; for example --shard 2/5.")
        }
        return spec
    }

    /// The seeds to run: K..<K+N with K from `--first-seed` (default 0) and N from `--seeds`, else 5 (full) or
    /// `quickSeedCount` (quick).
    public func seedList(quickSeedCount: Int) -> [Int] {
        Array(firstSeed..<(firstSeed + (seeds ?? (quick ? quickSeedCount : 5))))
    }
}
