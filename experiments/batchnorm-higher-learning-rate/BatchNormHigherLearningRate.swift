import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim B4b of CLAIMS.md: "BN allows higher learning rates." Plain SGD over a quarter-decade grid of learning rates
/// for a 784-[128]×6-10 ReLU net (He init), with and without batch norm before every activation; in each sweep the
/// largest rate whose run still trains (final loss < 1). The rule is on the ratio of the two. The negative control
/// replaces batch norm by the identity: the batch-norm arm rerun (same weights and batch order) without normalisation.
@main
struct BatchNormHigherLearningRate: ClaimExperiment {
    struct Settings: Sendable {
        var depth = 6
        var width = 128
        var batchSize = 50
        var steps = 300
        /// The final loss is the mean mini-batch loss over this many last steps.
        var tail = 50
        var examples = 10_000
        /// Four learning rates per decade, 10^(−2 + k/4) for k = 0…13: 0.01 to 17.8.
        var learningRates = (0...13).map { Foundation.pow(10, -2 + Double($0) / 4) }
    }
    static let full = Settings()
    static let quick = Settings(steps: 60, tail: 10)

    struct Metrics: SeedMetrics {
        /// Largest rate that trains, this arm ÷ the net without batch norm (its own weights and batch order).
        var largestRateRatio = 0.0
    }

    struct Extra: SeedMetrics {
        var largestRateBaseline = 0.0, largestRateBatchNorm = 0.0, largestRateIdentity = 0.0
        var divergingRateBaseline = 0.0, divergedRunsBatchNorm = 0.0
        /// Per arm: the final loss at each rate of the grid.
        var losses: [String: [Double]] = [:]
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [Rule("largest-rate-ratio", \Metrics.largestRateRatio, .greaterThan(3))]

    static func load(_ settings: Settings) throws -> LabeledDataset<Float> {
        try FashionMNIST.standardizedTraining(Float.self, limit: settings.examples)
    }

    static func measure(seed: Int, settings: Settings, inputs data: LabeledDataset<Float>) throws
        -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let baselineStream = rng.split(), batchNormStream = rng.split()
        let baseline = LearningRateSweep(training: data, normalization: nil, settings: settings, rng: baselineStream)
        let batchNorm = LearningRateSweep(training: data, normalization: .batch, settings: settings, rng: batchNormStream)
        let identity = LearningRateSweep(training: data, normalization: nil, settings: settings, rng: batchNormStream)
        let rates = settings.learningRates
        let limit = baseline.largestTrainingRate(rates)
        let extra = Extra(largestRateBaseline: limit, largestRateBatchNorm: batchNorm.largestTrainingRate(rates),
                          largestRateIdentity: identity.largestTrainingRate(rates),
                          divergingRateBaseline: baseline.smallestDivergingRate(rates),
                          divergedRunsBatchNorm: Double(batchNorm.finalLosses.filter(\.isNaN).count),
                          losses: [arms[0].name: baseline.finalLosses, arms[1].name: batchNorm.finalLosses,
                                   arms[2].name: identity.finalLosses])
        return Outcome(claim: Metrics(largestRateRatio: batchNorm.largestTrainingRate(rates) / limit),
                       control: Metrics(largestRateRatio: identity.largestTrainingRate(rates) / limit), extra: extra)
    }

    static let arms: [(name: String, arm: Arm)] = [("without batch norm", .withoutNormalization),
                                                   ("with batch norm", .batchNorm),
                                                   ("batch norm replaced by the identity (control)", .control)]

    struct Facts: ClaimFacts {
        /// No run with batch norm diverged on any seed.
        var batchNormNeverDiverged = false
    }

    static func facts(_ run: Run<Self>) -> Facts {
        Facts(batchNormNeverDiverged: run.extra(\.divergedRunsBatchNorm).allSatisfy { $0 == 0 })
    }
}
