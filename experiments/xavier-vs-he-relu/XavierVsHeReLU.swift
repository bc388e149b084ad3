import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim W5 of CLAIMS.md: "Xavier breaks with ReLU (variance halves every layer); He/Kaiming (std √(2/fan_in)) fixes it."
///
/// At initialisation: log₂E[h²] per layer of a 10 × 500 ReLU net on Fashion-MNIST images. In training: He et al.'s
/// Fig. 3 in small, a 30 × 128 ReLU MLP with SGD and momentum. Negative control: "He" without its factor 2,
/// N(0, 1/fan_in), in He's place — the same measurement with the mechanism (the 2 that makes up for ReLU zeroing
/// half the pre-activations) removed.
@main
struct XavierVsHeReLU: ClaimExperiment {
    struct Settings: Sendable {
        var signalDepth = 10, signalWidth = 500, signalBatch = 1000
        var deepDepth = 30, deepWidth = 128, batchSize = 64, momentum = 0.9
        var trainingExamples = 38_400
        var steps = 600
        /// Xavier is trained at each of these rates (CLAIMS.md); He and the control at `heRate`.
        var xavierRates = [0.003, 0.01, 0.03]
        var heRate = 0.003
        /// Figures average the batch loss over windows of this many steps.
        var plotWindow = 20
    }
    static let full = Settings()
    static let quick = Settings(trainingExamples: 19_200, steps: 300, xavierRates: [0.01])

    struct Metrics: SeedMetrics {
        /// Least-squares slope of log₂E[h_l²] against l, 10 × 500 ReLU: Xavier, and the arm in He's place.
        var slopeXavier = 0.0, slopeHe = 0.0
        /// 30 × 128 ReLU: Xavier's lowest final loss over `xavierRates`; the final loss of the arm in He's place.
        var deepLossXavier = 0.0, deepLossHe = 0.0
    }

    struct Extra: SeedMetrics {
        var rmsXavierFirst = 0.0, rmsXavierLast = 0.0, rmsHeLast = 0.0, rmsControlLast = 0.0
        /// He's mean log₂ gain per layer, (log₂E[h₁₀²] − log₂E[h₁²])/9: 0 in expectation (He et al. §2.2).
        var heMeanLog2Gain = 0.0
        var gradientXavierInitial = 0.0, gradientHeInitial = 0.0, gradientRatioInitial = 0.0
        var gradientXavierFinal = 0.0, gradientHeFinal = 0.0
        /// The rate of Xavier's lowest final loss.
        var bestXavierRate = 0.0
        var inputLog2SecondMoment = 0.0
        var log2SecondMoments: [WeightScheme: [Double]] = [:]
        var xavierRuns: [DeepTraining] = [], heRun = DeepTraining(), controlRun = DeepTraining()
    }

    struct Facts: ClaimFacts {
        /// He's loss was still falling over the last 100 steps (mean over seeds).
        var heStillFalling = false
        /// 2^(deepDepth/2): the backward-pass ratio He et al. §2.2 predict for ‖∂L/∂W₁‖, He / Xavier.
        var predictedGradientRatio = 0.0
        /// Xavier runs (seeds × rates) whose final loss fell below 2.2, and all Xavier runs.
        var escapedRuns = 0, xavierRunCount = 0
        /// Seeds on which Xavier's lowest final loss stayed above 2.2 (the rule `deep-loss-xavier`).
        var stalledSeeds = 0
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("slope-xavier", \Metrics.slopeXavier, .between(-1.15, -0.85)),
        Rule("slope-he", \Metrics.slopeHe, .between(-0.15, 0.15)),
        Rule("deep-loss-xavier", \Metrics.deepLossXavier, .greaterThan(2.2)),
        Rule("deep-loss-he", \Metrics.deepLossHe, .lessThan(1.0)),
    ]

    static func load(_ settings: Settings) throws -> LabeledDataset<Float> {
        try FashionMNIST.standardizedTraining(Float.self, limit: settings.trainingExamples)
    }

    static func measure(seed: Int, settings: Settings, inputs data: LabeledDataset<Float>) throws
        -> Outcome<Metrics, Extra> {
        try measureConfigurations(seed: seed, settings: settings, inputs: data)
    }

    /// The sweep, shardable below the seed: Xavier at each of `xavierRates`, then He, then the control — each a
    /// 30-layer training run.
    static func configurationCount(_ settings: Settings) -> Int { settings.xavierRates.count + 2 }

    /// The signal-propagation nets of `seed`: the generator's first draws (the signal batch's permutation, then one
    /// stream per scheme). The training runs draw from the splits after these, so `measure(configuration:)` skips them.
    static func signals(seed: Int, data: LabeledDataset<Float>, settings: Settings) -> [WeightScheme: SignalPropagation] {
        var rng = SeededGenerator(seed: UInt64(seed))
        let batch = data.subset(Array(rng.permutation(data.count).prefix(settings.signalBatch))).features
        var signals: [WeightScheme: SignalPropagation] = [:]
        for scheme in WeightScheme.allCases {
            var weights = rng.split()
            signals[scheme] = SignalPropagation(scheme: scheme, depth: settings.signalDepth,
                                                width: settings.signalWidth, batch: batch, using: &weights)
        }
        return signals
    }

    static func measure(configuration j: Int, seed: Int, settings: Settings,
                        inputs data: LabeledDataset<Float>) throws -> DeepTraining {
        // Training run j's stream: the (j+1)-th split after `signals`' draws (the same draws, without building the nets).
        var rng = SeededGenerator(seed: UInt64(seed))
        _ = rng.permutation(data.count)
        for _ in WeightScheme.allCases { _ = rng.split() }
        for _ in 0..<j { _ = rng.split() }
        let n = settings.xavierRates.count
        let (scheme, rate) = j < n ? (WeightScheme.xavier, settings.xavierRates[j])
            : (j == n ? WeightScheme.he : .heWithoutFactor2, settings.heRate)
        SeedProgress.configuration(j + 1, of: configurationCount(settings), "\(scheme), η \(rate)")
        var stream = rng.split()
        return DeepTraining(scheme: scheme, settings: settings, learningRate: rate, data: data, using: &stream)
    }

    static func combine(seed: Int, parts: [DeepTraining], settings: Settings,
                        inputs data: LabeledDataset<Float>) throws -> Outcome<Metrics, Extra> {
        let signals = signals(seed: seed, data: data, settings: settings)
        let n = settings.xavierRates.count
        let xavierRuns = Array(parts[0..<n]), he = parts[n], control = parts[n + 1]
        let losses = xavierRuns.map(\.finalLoss)
        let xavierLowest = losses.contains(where: \.isNaN) ? .nan : losses.min()!   // a diverged run is no stall
        let best = losses.indices.min { losses[$0] < losses[$1] }!
        func rms(_ scheme: WeightScheme, _ layer: Int) -> Double { signals[scheme]!.secondMoments[layer].squareRoot() }
        let he1 = signals[.he]!.log2SecondMoments
        let extra = Extra(
            rmsXavierFirst: rms(.xavier, 0), rmsXavierLast: rms(.xavier, settings.signalDepth - 1),
            rmsHeLast: rms(.he, settings.signalDepth - 1), rmsControlLast: rms(.heWithoutFactor2, settings.signalDepth - 1),
            heMeanLog2Gain: (he1.last! - he1[0]) / Double(he1.count - 1),
            gradientXavierInitial: xavierRuns[0].firstLayerGradientNorms.first ?? .nan,
            gradientHeInitial: he.firstLayerGradientNorms.first ?? .nan,
            gradientRatioInitial: (he.firstLayerGradientNorms.first ?? .nan)
                / (xavierRuns[0].firstLayerGradientNorms.first ?? .nan),
            gradientXavierFinal: xavierRuns[0].finalGradientNorm, gradientHeFinal: he.finalGradientNorm,
            bestXavierRate: settings.xavierRates[best],
            inputLog2SecondMoment: Foundation.log2(signals[.xavier]!.inputSecondMoment),
            log2SecondMoments: signals.mapValues(\.log2SecondMoments),
            xavierRuns: xavierRuns, heRun: he, controlRun: control)
        return Outcome(
            claim: Metrics(slopeXavier: signals[.xavier]!.slope, slopeHe: signals[.he]!.slope,
                           deepLossXavier: xavierLowest, deepLossHe: he.finalLoss),
            control: Metrics(slopeXavier: signals[.xavier]!.slope, slopeHe: signals[.heWithoutFactor2]!.slope,
                             deepLossXavier: xavierLowest, deepLossHe: control.finalLoss),
            extra: extra)
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let losses = run.extra(\.heRun).map(\.log.losses)
        func mean(_ range: Range<Int>) -> Double {
            losses.map { $0.count >= range.upperBound ? $0[range].reduce(0, +) / Double(range.count) : .nan }
                .reduce(0, +) / Double(losses.count)
        }
        let n = run.settings.steps
        let xavier = run.extra(\.xavierRuns).flatMap { $0 }
        let stalled = rules.first { $0.id == "deep-loss-xavier" }!.inForce.condition
        return Facts(heStillFalling: mean(n - 50..<n) < mean(n - 100..<n - 50) - 0.01,
                     predictedGradientRatio: Foundation.pow(2, Double(run.settings.deepDepth) / 2),
                     escapedRuns: xavier.filter { !stalled.holds($0.finalLoss) }.count, xavierRunCount: xavier.count,
                     stalledSeeds: run.judgement.rule("deep-loss-xavier")?.passing ?? 0)
    }
}
