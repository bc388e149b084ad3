import ArgumentParser
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension ClaimExperiment {
    /// The executable's entry point: parses the shared options (`--quick`, `--seeds N`, `--first-seed K`, `--output
    /// DIR`, `--formats LIST`, `--judge-only`), runs, and reports any failure as one line on stderr,
    /// `<command>: error: <what is wrong and how to fix it>`, exiting 64 for usage errors and 1 otherwise.
    public static func main() {
        let name = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "experiment"
        do {
            let options = try ExperimentOptions.parse(Array(CommandLine.arguments.dropFirst()))
            try execute(options)
        } catch {
            let code = ExperimentOptions.exitCode(for: error)
            if code == .success { ExperimentOptions.exit(withError: error) }   // --help
            var message = ExperimentOptions.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            if code == .validationFailure { message += " (see `\(name) --help`)" }
            // On a terminal the progress line may still be open: clear it, so the error starts its own line.
            let clear = isatty(FileHandle.standardError.fileDescriptor) != 0 ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data("\(clear)\(name): error: \(message)\n".utf8))
            Foundation.exit(code == .success ? 1 : code.rawValue)
        }
    }

    /// report.md, parsed.
    public static func template() throws -> ReportTemplate {
        guard let url = reportTemplate else {
            throw ClaimError.badTemplate(path: "report.md", reason: "not bundled with \(Self.self); add it to the target")
        }
        return try ReportTemplate(contentsOf: url)
    }

    /// Measures every seed, judges, then writes `<output>/<id>/` (figures, README.md, result.json) in one swap. With
    /// `--shard k/n` it measures only that shard's seeds and writes them unjudged (`shard-k-of-n.json`); with
    /// `--merge DIR` it reads every shard of the run from `DIR` instead of measuring, then judges and writes as usual,
    /// so the merged report is the single run's, byte for byte.
    public static func execute(_ options: ExperimentOptions) throws {
        if options.countUnits {
            let settings = options.quick ? quick : full
            print(options.seedList(quickSeedCount: quickSeedCount).count * max(1, configurationCount(settings)))
            return
        }
        BLASThreads.pin(1)
        let template = try template()
        let metadata = template.metadata
        let folder = ReportFolder(output: options.output, id: metadata.id)
        try folder.prepare()
        let settings = options.quick ? quick : full
        let seeds = options.seedList(quickSeedCount: quickSeedCount)
        let mode = options.quick ? "quick" : "full"
        let progress = Progress(id: metadata.id)
        if let shard = options.shard {
            try measureShard(shard, of: seeds, settings: settings, mode: mode, folder: folder, progress: progress)
            return
        }
        let outcomes: [Outcome<Metrics, Extra>]
        if let shards = options.merge {
            progress.stage("merging the shards in \(shards)/\(metadata.id)/")
            let configurations = configurationCount(settings)
            let expected = ShardMerge.Expected(claim: metadata.id, mode: mode, settings: StableDescription.of(settings),
                                               seeds: seeds, configurations: configurations)
            let entries = try ShardMerge.entries(in: URL(fileURLWithPath: shards, isDirectory: true),
                                                 expected: expected, as: ShardFile<Metrics, Extra, Part>.self)
            if configurations == 0 {
                outcomes = entries.map { $0.outcome! }   // ShardMerge checked that each entry has one
            } else {
                progress.stage("loading data to combine \(configurations) configurations per seed (\(mode) mode)")
                let inputs = try load(settings)
                outcomes = try seeds.enumerated().map { k, seed in
                    let parts = entries[(k * configurations)..<((k + 1) * configurations)].map { $0.part! }
                    return try combine(seed: seed, parts: parts, settings: settings, inputs: inputs)
                }
            }
        } else {
            progress.stage("loading data (\(mode) mode)")
            let inputs = try load(settings)
            outcomes = try measureSeeds(seeds, settings: settings, inputs: inputs, progress: progress)
        }
        progress.stage("judging \(seeds.count) seed\(seeds.count == 1 ? "" : "s")")
        let run = Run<Self>(settings: settings, seeds: seeds, quick: options.quick, outcomes: outcomes,
                            controlMustBe: metadata.control.mustBe)
        let written = try write(run, template: template, folder: folder, options: options, progress: progress)
        progress.finish()
        let judgement = run.judgement
        print("\(metadata.id): \(judgement.verdict.rawValue) \(judgement.verdict.symbol) (expected "
              + "\(metadata.expected.rawValue); pre-registered rules: \(judgement.preregistered.verdict.rawValue)) "
              + "→ \(options.output)/\(metadata.id)/ — \(written.takeHome)")
    }

    /// Measures shard `shard` of the run's units (seeds, or a sweep's (seed, configuration) pairs) and writes
    /// `<output>/<id>/shard-k-of-n.json` atomically (a failed or killed shard leaves no file, so a merge names it as
    /// missing).
    static func measureShard(_ shard: ShardSpec, of seeds: [Int], settings: Settings, mode: String,
                             folder: ReportFolder, progress: Progress) throws {
        typealias File = ShardFile<Metrics, Extra, Part>
        let configurations = configurationCount(settings)
        let own = shard.block(of: ShardUnit.all(seeds: seeds, configurations: configurations))
        progress.stage("shard \(shard): loading data (\(mode) mode)")
        let inputs = try load(settings)
        let entries: [File.Entry]
        if configurations == 0 {
            let outcomes = try measureSeeds(own.map(\.seed), settings: settings, inputs: inputs, progress: progress)
            entries = zip(own, outcomes).map { File.Entry(unit: $0, outcome: $1) }
        } else {
            // Configurations are independent like seeds: measured two at a time too (a task of 2+ units gets 2 CPUs).
            let workers = seedsInParallel ? min(own.count, ProcessInfo.processInfo.activeProcessorCount) : 1
            let parts = try inParallel(own.count, workers: workers) { i in
                progress.stage("measuring \(own[i]) (\(i + 1) of \(own.count) in this shard)")
                return Result { try measure(configuration: own[i].configuration!, seed: own[i].seed, settings: settings,
                                            inputs: inputs) }
            }
            entries = zip(own, parts).map { File.Entry(unit: $0, part: $1) }
        }
        let file = File(format: File.format, version: File.currentVersion, claim: folder.id, mode: mode,
                        settings: StableDescription.of(settings), build: BuildIdentity.current, runSeeds: seeds,
                        configurations: configurations, shard: shard, entries: entries)
        let claimFolder = folder.output.appendingPathComponent(folder.id, isDirectory: true)
        let url = claimFolder.appendingPathComponent(shard.fileName)
        do {
            try FileManager.default.createDirectory(at: claimFolder, withIntermediateDirectories: true)
            try AtomicFile.write(try File.encoder().encode(file), to: url)
        } catch {
            throw ClaimError.unwritableOutput(path: url.path, reason: "\(error)")
        }
        progress.finish()
        print("\(folder.id): shard \(shard) (\(ShardMerge.describe(own))) measured → \(url.path)")
    }

    /// Every seed's outcome, in seed order. With `seedsInParallel`, on up to `ProcessInfo.activeProcessorCount`
    /// threads (one OpenBLAS thread each, as pinned): the outcomes are the same as one at a time, since each depends
    /// only on its seed and the read-only `inputs`. The first error (in seed order) is rethrown.
    static func measureSeeds(_ seeds: [Int], settings: Settings, inputs: Inputs,
                             progress: Progress) throws -> [Outcome<Metrics, Extra>] {
        let workers = seedsInParallel ? min(seeds.count, ProcessInfo.processInfo.activeProcessorCount) : 1
        progress.stage("measuring \(seeds.count) seed\(seeds.count == 1 ? "" : "s")"
                       + (workers > 1 ? ", \(workers) at a time" : ""))
        return try inParallel(seeds.count, workers: workers) { k in
            progress.measuring(seeds[k], of: seeds.count) {   // binds SeedProgress and the steps' observer
                Result { try measure(seed: seeds[k], settings: settings, inputs: inputs) }
            }
        }
    }

    /// `body(0..<count)` in order, on up to `workers` threads (worker w takes w, w + workers, …, each writing only its
    /// own slots); the first error in index order is rethrown. Each item must depend only on its index and read-only
    /// inputs, as a seed or a sweep's configuration does.
    static func inParallel<T>(_ count: Int, workers: Int,
                              _ body: @escaping (Int) -> Result<T, any Error>) throws -> [T] {
        guard workers > 1 else { return try (0..<count).map { try body($0).get() } }
        let results = IndexedResults<T>(count: count)
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for k in stride(from: w, to: count, by: workers) { results.set(k, body(k)) }
        }
        return try results.values.map { try $0!.get() }
    }

    /// Renders the judged `run` into `folder`: figures, prose, README.md and result.json.
    static func write(_ run: Run<Self>, template: ReportTemplate, folder: ReportFolder,
                      options: ExperimentOptions, progress: Progress? = nil) throws -> ClaimResult {
        let metadata = template.metadata
        let figures = options.judgeOnly ? [] : figures(run)
        let path = "experiments/\(metadata.id)/report.md"
        if !options.judgeOnly { try checkCaptions(template, figures: figures.map(\.name), path: path) }
        let claim = run.outcomes.map { MetricFields.numbers(of: $0.claim) }
        let control = run.outcomes.map { MetricFields.numbers(of: $0.control) }
        let extra = run.outcomes.map { MetricFields.numbers(of: $0.extra) }
        let context = TemplateContext(claim: claim, control: control, extra: extra, facts: facts(run),
                                      settings: run.settings, judgement: run.judgement, quick: run.quick)
        let prose = try template.sections.map { section in
            (heading: section.heading, body: try context.render(section.body, section: section.heading, path: path))
        }
        func columns(_ perSeed: [[(name: String, value: Double)]]) -> [(name: String, values: [Double])] {
            guard let first = perSeed.first else { return [] }
            return first.indices.map { i in (first[i].name, perSeed.map { $0[i].value }) }
        }
        func dictionary(_ columns: [(name: String, values: [Double])]) -> [String: [Double]] {
            Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.values) })
        }
        let takeHome = prose.first { $0.heading == "Take-home" }?.body ?? ""
        let result = ClaimResult(metadata: metadata, mode: run.quick ? "quick" : "full", takeHome: takeHome,
                                 judgement: run.judgement, claimMetrics: dictionary(columns(claim)),
                                 controlMetrics: dictionary(columns(control)), extraMetrics: dictionary(columns(extra)),
                                 figures: figures.map(\.name), formats: options.formats.map(\.rawValue))
        let stability = try Robustness.read(in: folder.output)?.claims[metadata.id]
        let page = ClaimPage(metadata: metadata, prose: prose, judgement: run.judgement, figures: figures,
                             formats: options.formats, quick: run.quick, claimMetrics: columns(claim),
                             controlMetrics: columns(control), extraMetrics: columns(extra), stability: stability)
        let renderer = GnuplotRenderer()
        try folder.write { staging in
            for (j, named) in figures.enumerated() {
                progress?.stage("drawing figure \(j + 1) of \(figures.count): \(named.name)")
                do {
                    _ = try renderer.render(named.figure, named: named.name, in: staging, formats: Set(options.formats))
                } catch {
                    throw ClaimError.figureFailed("figure '\(named.name)': \(error)")
                }
            }
            progress?.stage("writing the report")
            if !options.judgeOnly {
                try AtomicFile.write(page.document.rendered(), to: staging.appendingPathComponent("README.md"))
            }
            try AtomicFile.write(try result.encoded(), to: staging.appendingPathComponent("result.json"))
        }
        return result
    }

    /// Every figure has a `## Figure: <name>` caption section and every such section a figure; the take-home and
    /// one-sentence sections exist.
    static func checkCaptions(_ template: ReportTemplate, figures: [String], path: String) throws {
        let captions = template.sections.map(\.heading).filter { $0.hasPrefix("Figure: ") }.map { String($0.dropFirst(8)) }
        let missing = figures.filter { !captions.contains($0) }
        let orphans = captions.filter { !figures.contains($0) }
        guard missing.isEmpty, orphans.isEmpty else {
            throw ClaimError.badTemplate(path: path, reason: "figures without a '## Figure: <name>' caption: "
                                         + "\(missing.joined(separator: ", ")); captions without a figure: "
                                         + orphans.joined(separator: ", "))
        }
        for required in ReportTemplate.requiredSections where template.section(required) == nil {
            throw ClaimError.badTemplate(path: path, reason: "no '## \(required)' section")
        }
    }
}

/// One slot per item (a seed, a configuration), filled from several threads (each slot by one thread), read after
/// all have finished.
final class IndexedResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ result: Result<Value, any Error>) { lock.withLock { slots[k] = result } }

    var values: [Result<Value, any Error>?] { lock.withLock { slots } }
}
