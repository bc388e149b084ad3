import ArgumentParser
import Foundation
import Gnuplot
import NeuralEngine

/// What one seed measured: the claim's metrics on the claim's arm and on the control's arm (the same measurement
/// with the mechanism mutated, or a plausible alternative), and extra numbers and curves for the prose and figures.
public struct Outcome<Metrics: SeedMetrics, Extra: SeedMetrics>: Sendable, Codable {
    public var claim: Metrics
    public var control: Metrics
    public var extra: Extra

    public init(claim: Metrics, control: Metrics, extra: Extra) {
        self.claim = claim
        self.control = control
        self.extra = extra
    }
}

extension Outcome where Extra == NoExtra {
    public init(claim: Metrics, control: Metrics) { self.init(claim: claim, control: control, extra: NoExtra()) }
}

/// A figure and the stable file name it is written under (`figures/<name>.svg`, `data/<name>.tsv`). Its caption
/// comes from the `## Figure: <name>` section of report.md.
public struct NamedFigure: Sendable {
    public let name: String
    public let figure: Figure
    public init(_ name: String, _ figure: Figure) {
        self.name = name
        self.figure = figure
    }
}

/// A claim's experiment. It only declares: settings (full and quick), the data it loads once, what one seed measures,
/// the rules, the figures and any named facts for the prose. `main()` runs the seeds, judges, and only then draws the
/// figures and renders `report.md` (DESIGN.md, "judge first, then write").
///
///     @main struct SigmoidVanishingGradients: ClaimExperiment {
///         struct Settings { var steps = 2500 }
///         static let full = Settings(), quick = Settings(steps: 500)
///         struct Metrics: SeedMetrics { var attenuation = 0.0 }
///         static let rules = [Rule("attenuation", \Metrics.attenuation, .between(0.20, 0.25))]
///         static func measure(seed: Int, settings: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> { … }
///         static func figures(_ run: Run<Self>) -> [NamedFigure] { … }
///     }
public protocol ClaimExperiment {
    associatedtype Settings: Sendable
    associatedtype Metrics: SeedMetrics
    associatedtype Extra: SeedMetrics = NoExtra
    associatedtype Facts: ClaimFacts = NoFacts
    associatedtype Inputs = Void
    /// What one configuration of a seed's sweep measures, for an experiment that shards its sweep (default: none).
    associatedtype Part: Codable & Sendable = NoPart

    /// The published run's settings and the quick variant `make check` runs (same metrics, fewer steps).
    static var full: Settings { get }
    static var quick: Settings { get }
    /// Seeds in quick mode (default 1).
    static var quickSeedCount: Int { get }
    /// Whether seeds may be measured two at a time on their own threads (default true). Each seed's outcome depends
    /// only on its seed, so the run is the same; `measure` must not mutate shared state. An experiment that times
    /// code sets this to false, so that its seeds do not compete for the cores they measure.
    static var seedsInParallel: Bool { get }
    /// report.md, bundled with the executable: `Bundle.module.url(forResource: "report", withExtension: "md")`.
    static var reportTemplate: URL? { get }
    /// Loads what every seed shares (a dataset) once.
    static func load(_ settings: Settings) throws -> Inputs
    /// Measures one seed: every random draw comes from `SeededGenerator(seed:)` or its splits.
    static func measure(seed: Int, settings: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra>
    /// The rules, each with its pre-registered form.
    static var rules: [Rule<Metrics>] { get }
    /// The figures, drawn from the judged run.
    static func figures(_ run: Run<Self>) -> [NamedFigure]
    /// Named facts for the prose (`{{facts.<name>}}`), computed from the judged run.
    static func facts(_ run: Run<Self>) -> Facts

    /// A sweep that may be sharded below the seed: the number of independent configurations one seed measures
    /// (default 0: the seed is the smallest unit). An experiment that returns n > 0 measures configuration j by
    /// `measure(configuration:seed:settings:inputs:)` — a function of seed and j alone, whatever ran before — and
    /// combines the n parts into the seed's outcome in `combine`; its `measure(seed:)` is then
    /// `try measureConfigurations(seed:settings:inputs:)`, so one machine and a merge of shards compute the same.
    static func configurationCount(_ settings: Settings) -> Int
    static func measure(configuration: Int, seed: Int, settings: Settings, inputs: Inputs) throws -> Part
    static func combine(seed: Int, parts: [Part], settings: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra>
}

/// No configurations below the seed.
public struct NoPart: Codable, Sendable {}

extension ClaimExperiment {
    public static var quickSeedCount: Int { 1 }
    public static var seedsInParallel: Bool { true }
    public static func configurationCount(_ settings: Settings) -> Int { 0 }
    public static func measure(configuration: Int, seed: Int, settings: Settings, inputs: Inputs) throws -> Part {
        throw ClaimError.badShards("\(Self.self) has no configurations to measure one at a time")
    }
    public static func combine(seed: Int, parts: [Part], settings: Settings,
                               inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        throw ClaimError.badShards("\(Self.self) has no configurations to combine")
    }

    /// A sweep's seed measured on one machine: every configuration in order, then combined — what a merge of
    /// configuration shards computes too.
    public static func measureConfigurations(seed: Int, settings: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        let parts = try (0..<configurationCount(settings)).map {
            try measure(configuration: $0, seed: seed, settings: settings, inputs: inputs)
        }
        return try combine(seed: seed, parts: parts, settings: settings, inputs: inputs)
    }
}

extension ClaimExperiment where Inputs == Void {
    public static func load(_ settings: Settings) throws {}
}

extension ClaimExperiment where Facts == NoFacts {
    public static func facts(_ run: Run<Self>) -> NoFacts { NoFacts() }
}

/// A judged run: the settings, the seeds, every seed's outcome and the judgement — what figures and facts read.
public struct Run<Experiment: ClaimExperiment> {
    public let settings: Experiment.Settings
    public let seeds: [Int]
    public let quick: Bool
    public let outcomes: [Outcome<Experiment.Metrics, Experiment.Extra>]
    public let judgement: Judgement

    /// Judges `outcomes` with the experiment's rules.
    public init(settings: Experiment.Settings, seeds: [Int], quick: Bool,
                outcomes: [Outcome<Experiment.Metrics, Experiment.Extra>], controlMustBe: ControlExpectation) {
        self.settings = settings
        self.seeds = seeds
        self.quick = quick
        self.outcomes = outcomes
        judgement = Judgement(rules: Experiment.rules, claim: outcomes.map(\.claim), control: outcomes.map(\.control),
                              seeds: seeds, controlMustBe: controlMustBe)
    }

    /// A claim metric, one value per seed.
    public func claim(_ metric: KeyPath<Experiment.Metrics, Double>) -> [Double] { outcomes.map { $0.claim[keyPath: metric] } }
    /// A control metric, one value per seed.
    public func control(_ metric: KeyPath<Experiment.Metrics, Double>) -> [Double] {
        outcomes.map { $0.control[keyPath: metric] }
    }
    /// An extra value, one per seed.
    public func extra<T>(_ value: KeyPath<Experiment.Extra, T>) -> [T] { outcomes.map { $0.extra[keyPath: value] } }
    /// Whether the rule `id` held (in force).
    public func held(_ id: String) -> Bool { judgement.rule(id)?.held ?? false }
}
