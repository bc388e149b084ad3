import ArgumentParser
import ClaimKit
import Datasets
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

/// Claims W2–W4 of CLAIMS.md: "Deep tanh net, 10 layers × 500: std 0.01 → activations collapse to 0; std 1 → saturate
/// at ±1; Xavier keeps them healthy."
///
/// Part 1 is the lecture's own code: X = randn(1000, 500) through 10 layers h = tanh(h·W) of 500 units, no bias, with
/// W = 0.01·randn, 1.0·randn and randn/√fan_in, probing each layer's activations. Part 2 trains a 784-[256]×6-10 tanh
/// net from each hidden-layer initialisation with SGD for 300 steps on Fashion-MNIST. The negative control applies the
/// healthy-initialisation rules to std 0.01, which must fail them.
@main
struct InitScaleTanh: ClaimCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-scale-tanh",
        abstract: "Reproduce 'too small or too large an init breaks a deep tanh net; Xavier keeps it healthy' and write its report.")

    @OptionGroup var options: ExperimentOptions

    /// The check (thresholds explained in `reason`).
    static let check = LegacyCheck(
        rules: [
            LegacyRule("small-collapse", .between(0.8, 1.2)),
            LegacyRule("large-saturation", .greaterThan(0.8)),
            LegacyRule("healthy-std-10", .between(0.15, 0.35)),
            LegacyRule("small-loss", .greaterThan(2.25)),
            LegacyRule("healthy-loss", .lessThan(0.8)),
        ],
        reason: "With W = 0.01·randn each layer multiplies the activation std by 0.01·√500 ≈ 0.224 while tanh is still "
            + "linear, so layer 10 should sit near 0.224¹⁰ ≈ 3.2e-7; tanh compresses layer 1 by about 1 − 0.224² ≈ 5% "
            + "(std tanh(z) ≈ σ(1 − σ²) for small σ) and is linear after that, so the expected ratio to the collapse "
            + "law is ≈ 0.95, and the rule allows ±20% around 1 for the finite-width spread. With W = randn the "
            + "pre-activations have std ≈ √500 ≈ 22, so |h| ≤ 0.97 needs |z| ≤ atanh 0.97 ≈ 2.09, which a N(0, 22²) "
            + "value meets only about 7.6% of the time: ≈ 92% saturated is expected in every layer, and the rule asks "
            + "for more than 80% in the least saturated one. Healthy means the Xavier net's layer-10 std stays of "
            + "order 1 — neither collapsed (10⁻⁷) nor saturated (≈ 1): [0.15, 0.35] brackets CLAIMS.md's float64 "
            + "reference 0.228 with a wide margin on both sides. After the SGD steps a net that has not learned sits "
            + "at chance, ln 10 = 2.303: loss > 2.25 is 'still at chance' for std 0.01, and < 0.8 is 'clearly "
            + "learning' for Xavier — comfortably above where the Xavier runs end and far below chance. The negative "
            + "control feeds the std-0.01 measurements into the two healthy rules (layer-10 std and loss), which must "
            + "fail on every seed; its other two metrics are the claim's own, unchanged.")

    /// The run's sizes (the defaults are the full experiment; tests shrink them).
    struct Settings {
        var inputRows = 1000
        var width = 500
        var depth = 10
        var trainingWidth = 256
        var trainingDepth = 6
        var trainingExamples = 10_000
        var probeExamples = 2_000
        var steps = 300
        var batchSize = 64
        var learningRate = 0.1
        var recordInterval = 10
    }

    func run() throws {
        let experiment = LegacyExperimentRun(Catalogue.initScaleTanh, options: options, quickSeedCount: 1)
        let settings = options.quick
            ? Settings(inputRows: 200, trainingExamples: 3_000, probeExamples: 1_000, steps: 150) : Settings()
        let data = try Self.loadData(settings: settings)
        let results = experiment.seeds.map { Self.measure(seed: $0, data: data, settings: settings) }
        let (evidence, control) = Self.evidence(results, seeds: experiment.seeds, settings: settings)
        let report = Self.report(results, evidence: evidence, settings: settings, seeds: experiment.seeds)
        try experiment.write(report, check: Self.check, evidence: evidence, control: control)
    }

    /// The first `trainingExamples + probeExamples` Fashion-MNIST training images: the first part to train on, the
    /// rest as a fixed probe set; both standardised by one scalar mean and std of the training part.
    static func loadData(settings: Settings) throws -> (training: LabeledDataset<Float>, probe: LabeledDataset<Float>) {
        let raw = try FashionMNIST.load(Float.self, part: .training,
                                        limit: settings.trainingExamples + settings.probeExamples)
        let training = raw.prefix(settings.trainingExamples)
        let probe = raw.subset(Array(settings.trainingExamples..<raw.count))
        let standardization = ScalarStandardization.fit(training.features)
        return (training.mappingFeatures { standardization.apply($0) },
                probe.mappingFeatures { standardization.apply($0) })
    }

    /// Everything measured on one seed, per initialisation.
    struct SeedResult: Sendable {
        let probes: [InitScale: DeepTanhProbe]
        let training: [InitScale: TrainingRun]
    }

    /// One seed: the input, then each initialisation's forward probe and training run. The three initialisations share
    /// their random numbers (common random numbers): the same standard-normal draws scaled by 0.01, 1 or 1/√fan_in,
    /// and the same mini-batch order — exactly the lecture's W = scale·randn, so only the scale differs.
    static func measure(seed: Int, data: (training: LabeledDataset<Float>, probe: LabeledDataset<Float>),
                        settings: Settings) -> SeedResult {
        var rng = SeededGenerator(seed: UInt64(seed))
        var inputStream = rng.split()
        let input = Tensor<Float>.normal(rows: settings.inputRows, columns: settings.width, using: &inputStream)
        let upstream = Tensor<Float>.normal(rows: settings.inputRows, columns: settings.width, using: &inputStream)
        let probeSeed = rng.next(), trainingSeed = rng.next()
        var probes: [InitScale: DeepTanhProbe] = [:]
        var training: [InitScale: TrainingRun] = [:]
        for scale in InitScale.allCases {
            var weights = SeededGenerator(seed: probeSeed)
            probes[scale] = DeepTanhProbe(initializer: scale.initializer, input: input, depth: settings.depth,
                                          upstream: upstream, using: &weights)
            var stream = SeededGenerator(seed: trainingSeed)
            training[scale] = TrainingRun(initializer: scale.initializer, depth: settings.trainingDepth,
                                          width: settings.trainingWidth,
                                          training: data.training, probe: data.probe, steps: settings.steps,
                                          batchSize: settings.batchSize, learningRate: settings.learningRate,
                                          recordInterval: settings.recordInterval, using: &stream)
        }
        return SeedResult(probes: probes, training: training)
    }

    /// The measured last-layer std at std 0.01 over its collapse law (0.01·√fan_in)^depth: while tanh is still
    /// linear (tanh x ≈ x for small x) each layer multiplies the activation std by 0.01·√fan_in.
    static func collapseRatio(_ probe: DeepTanhProbe, width: Int, depth: Int) -> Double {
        probe.standardDeviation(layer: depth) / Foundation.pow(0.01 * Double(width).squareRoot(), Double(depth))
    }

    /// Geometric mean over layers of a[l] / b[l].
    static func geometricMeanRatio(_ a: [Double], _ b: [Double]) -> Double {
        let logSum = zip(a, b).reduce(0.0) { $0 + Foundation.log($1.0 / $1.1) }
        return Foundation.exp(logSum / Double(a.count))
    }

    /// The claim's metrics, and the negative control: the same metrics with the std-0.01 measurements in place of
    /// Xavier's in the two healthy rules.
    static func evidence(_ results: [SeedResult], seeds: [Int], settings: Settings) -> (LegacyEvidence, LegacyControl) {
        let depth = settings.depth
        func probe(_ r: SeedResult, _ s: InitScale) -> DeepTanhProbe { r.probes[s]! }
        func run(_ r: SeedResult, _ s: InitScale) -> TrainingRun { r.training[s]! }

        func common(_ e: inout LegacyEvidence, healthy: InitScale) {
            let unchanged = healthy == .xavier ? "" : " (unchanged)"
            e.add("small-collapse",
                  label: "layer-\(depth) std at std 0.01 ÷ (0.01·√\(settings.width))^\(depth)\(unchanged)",
                  values: results.map { collapseRatio(probe($0, .small), width: settings.width, depth: depth) })
            e.add("large-saturation", label: "least saturated layer at std 1.0: fraction with |h| > 0.97\(unchanged)",
                  values: results.map { probe($0, .large).minimumSaturation })
            e.add("healthy-std-10", label: "layer-\(depth) activation std, \(healthy.rawValue)",
                  values: results.map { probe($0, healthy).standardDeviation(layer: depth) })
            e.add("small-loss", label: "probe loss after \(settings.steps) steps, std 0.01",
                  values: results.map { run($0, .small).finalProbeLoss })
            e.add("healthy-loss", label: "probe loss after \(settings.steps) steps, \(healthy.rawValue)",
                  values: results.map { run($0, healthy).finalProbeLoss })
        }

        var claim = LegacyEvidence(seeds: seeds)
        common(&claim, healthy: .xavier)
        for scale in InitScale.allCases {
            claim.add("std-1-\(scale.key)", label: "layer-1 activation std, \(scale.rawValue)",
                      values: results.map { probe($0, scale).standardDeviation(layer: 1) })
        }
        claim.add("std-10-small", label: "layer-\(depth) activation std, std 0.01",
                  values: results.map { probe($0, .small).standardDeviation(layer: depth) })
        claim.add("std-10-large", label: "layer-\(depth) activation std, std 1.0",
                  values: results.map { probe($0, .large).standardDeviation(layer: depth) })
        claim.add("saturation-xavier", label: "most saturated layer at Xavier: fraction with |h| > 0.97",
                  values: results.map { probe($0, .xavier).layers.map(\.saturatedFraction).max()! })
        claim.add("large-loss", label: "probe loss after \(settings.steps) steps, std 1.0",
                  values: results.map { run($0, .large).finalProbeLoss })
        claim.add("lecture-gradient-ratio",
                  label: "lecture net: ‖∂L/∂W_l‖ Xavier ÷ std 0.01 (geometric mean over the \(depth) layers)",
                  values: results.map { geometricMeanRatio(probe($0, .xavier).weightGradientNorms,
                                                           probe($0, .small).weightGradientNorms) })
        claim.add("lecture-gradient-spread-small",
                  label: "lecture net: max ÷ min of ‖∂L/∂W_l‖ over the \(depth) layers, std 0.01",
                  values: results.map { probe($0, .small).weightGradientSpread })
        for scale in InitScale.allCases {
            claim.add("lecture-backward-gain-\(scale.key)",
                      label: "lecture net: growth of ‖∂L/∂h_l‖ per layer towards the input, \(scale.rawValue)",
                      values: results.map { probe($0, scale).backwardGainPerLayer })
        }
        let hidden = settings.trainingDepth
        claim.add("training-gradient-ratio",
                  label: "trained net at init: ‖∂L/∂W_l‖ Xavier ÷ std 0.01 (geometric mean over the \(hidden) hidden layers)",
                  values: results.map { geometricMeanRatio(Array(run($0, .xavier).initialWeightGradientNorms.prefix(hidden)),
                                                           Array(run($0, .small).initialWeightGradientNorms.prefix(hidden))) })
        claim.add("training-gradient-spread-small",
                  label: "trained net at init: max ÷ min of ‖∂L/∂W_l‖ over the \(hidden) hidden layers, std 0.01",
                  values: results.map { run($0, .small).hiddenWeightGradientSpread })
        claim.add("training-backward-gain-large",
                  label: "trained net at init: growth of ‖∂L/∂h_l‖ per layer towards the input, std 1.0",
                  values: results.map { run($0, .large).backwardGainPerLayer })

        var control = LegacyEvidence(seeds: seeds)
        common(&control, healthy: .small)
        return (claim, LegacyControl("the healthy-initialisation rules applied to std 0.01 instead of Xavier",
                               mustBe: .rejected, evidence: control))
    }
}
