import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim O3 of CLAIMS.md: random search beats grid search when few hyper-parameters matter (Bergstra & Bengio 2012,
/// Fig. 1). Synthetic objectives of low effective dimension, many repetitions per configuration: the regret of a
/// centred grid against as many random trials, with bumps of the original design's width (pre-registered) and of the
/// amended width (in force). Negative control: the mechanism removed — every parameter weighs the same. Beside it, a
/// real coarse-to-fine search of η × λ (L2) for an MLP on Fashion-MNIST.
@main
struct RandomVsGridSearch: ClaimExperiment {
    struct Settings: Sendable {
        var configurations = [Configuration(dimensions: 2, trials: 9), Configuration(dimensions: 2, trials: 16),
                              Configuration(dimensions: 2, trials: 25), Configuration(dimensions: 3, trials: 27),
                              Configuration(dimensions: 4, trials: 16), Configuration(dimensions: 4, trials: 81)]
        var repetitions = 2000
        /// s, the width of each parameter's bump (amended; `originalWidth` is the pre-registered design's), and w,
        /// the weight of each unimportant parameter.
        var width = 0.06, originalWidth = 0.1, minorWeight = 0.1
        /// The weights of the second parameter for the importance sweep (d = 2, n = 9).
        var sweepWeights = [0.0, 0.1, 0.3, 0.6, 1.0]
        /// The optimum drawn in the layout figure (an illustration, between two of the grid's values of x₁).
        var layoutCentre = [0.62, 0.3]
        // The real search: data, network, training of each trial, trials per axis and stage, the coarse box.
        var trainingExamples = 3000, validationFraction = 1.0 / 3, hidden = 100
        var searchSteps = 150, batchSize = 64, perAxis = 3, stages = 2
        var learningRateRange = -5.0...0.0
        var weightDecayRange = -6.0...(-1.0)
    }
    static let full = Settings()
    static let quick = Settings(sweepWeights: [0.1, 1.0], trainingExamples: 1500, searchSteps: 40,
                                perAxis: 2, stages: 1)

    struct Metrics: SeedMetrics {
        /// The largest median(regret random) / median(regret grid) and the smallest P(random's regret < grid's) over
        /// the configurations, with bumps of width s (amended) and of the original width (pre-registered).
        var worstMedianRatio = 0.0, worstWinProbability = 0.0
        var worstMedianRatioOriginal = 0.0, worstWinProbabilityOriginal = 0.0
    }

    struct Extra: SeedMetrics {
        /// d = 2, n = 9 (Bergstra & Bengio's Fig. 1): medians and P(random wins); P at the original width, and P
        /// when both parameters matter equally (the control, w = 1).
        var medianGrid = 0.0, medianRandom = 0.0, winProbability = 0.0
        var winProbabilityOriginal = 0.0, winProbabilityEqualWeights = 0.0
        /// The real search: best validation accuracy and its log₁₀ η, grid and random.
        var bestAccuracyGrid = 0.0, bestAccuracyRandom = 0.0
        var bestLogLearningRateGrid = 0.0, bestLogLearningRateRandom = 0.0
        /// Curves: P(random wins) per configuration (claim, original width, control); the d = 2, n = 9 regrets; the
        /// sweep's P(random wins); the trials; one layout.
        var wins: [Double] = [], winsOriginal: [Double] = [], winsEqualWeights: [Double] = []
        var gridRegrets: [Double] = [], randomRegrets: [Double] = []
        var sweep: [Double] = [], gridTrials: [Trial] = [], randomTrials: [Trial] = [], layoutRandom: [[Double]] = []
    }

    /// The coarse box of the real search as text, "[−5, 0]".
    struct Facts: ClaimFacts { var learningRateBox = "", weightDecayBox = "" }
    static func facts(_ run: Run<Self>) -> Facts {
        func box(_ r: ClosedRange<Double>) -> String { "[\(Numbers.compact(r.lowerBound)), \(Numbers.compact(r.upperBound))]" }
        return Facts(learningRateBox: box(run.settings.learningRateRange), weightDecayBox: box(run.settings.weightDecayRange))
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("lower-median-regret", \Metrics.worstMedianRatioOriginal, .lessThan(1))
            .amended(to: \Metrics.worstMedianRatio, .lessThan(1)),
        Rule("win-probability", \Metrics.worstWinProbabilityOriginal, .greaterThan(0.6))
            .amended(to: \Metrics.worstWinProbability, .greaterThan(0.6)),
    ]

    typealias Inputs = (training: LabeledDataset<Float>, validation: LabeledDataset<Float>)

    static func load(_ settings: Settings) throws -> Inputs {
        var rng = SeededGenerator(seed: 2012)
        return try FashionMNIST.standardizedTraining(Float.self, limit: settings.trainingExamples)
            .split(validationFraction: settings.validationFraction, using: &rng)
    }

    static func measure(seed: Int, settings: Settings, inputs data: Inputs) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var extra = Extra()
        func study(_ c: Configuration, minorWeight: Double, width: Double) -> RegretStudy {
            var stream = rng.split()
            return RegretStudy(c, repetitions: settings.repetitions, width: width, minorWeight: minorWeight, using: &stream)
        }
        func studies(minorWeight: Double, width: Double) -> [RegretStudy] {
            settings.configurations.map { study($0, minorWeight: minorWeight, width: width) }
        }
        let claim = studies(minorWeight: settings.minorWeight, width: settings.width)
        let original = studies(minorWeight: settings.minorWeight, width: settings.originalWidth)
        let control = studies(minorWeight: 1, width: settings.width)
        let controlOriginal = studies(minorWeight: 1, width: settings.originalWidth)
        (extra.wins, extra.winsOriginal, extra.winsEqualWeights) =
            (claim.map(\.winProbability), original.map(\.winProbability), control.map(\.winProbability))
        (extra.gridRegrets, extra.randomRegrets) = (claim[0].grid, claim[0].random)
        (extra.medianGrid, extra.medianRandom, extra.winProbability) =
            (claim[0].medianGrid, claim[0].medianRandom, claim[0].winProbability)
        (extra.winProbabilityOriginal, extra.winProbabilityEqualWeights) = (extra.winsOriginal[0], control[0].winProbability)
        let first = settings.configurations[0]
        extra.sweep = settings.sweepWeights.map { study(first, minorWeight: $0, width: settings.width).winProbability }
        var layout = rng.split()
        extra.layoutRandom = (0..<first.trials).map { _ in [layout.unitUniform(), layout.unitUniform()] }
        var search = rng.split()
        extra.gridTrials = coarseToFineSearch(random: false, data: data, settings: settings, using: &search)
        extra.randomTrials = coarseToFineSearch(random: true, data: data, settings: settings, using: &search)
        let (bestGrid, bestRandom) = (bestTrial(extra.gridTrials), bestTrial(extra.randomTrials))
        (extra.bestAccuracyGrid, extra.bestLogLearningRateGrid) = (bestGrid.accuracy, bestGrid.logLearningRate)
        (extra.bestAccuracyRandom, extra.bestLogLearningRateRandom) = (bestRandom.accuracy, bestRandom.logLearningRate)
        func metrics(_ a: [RegretStudy], _ o: [RegretStudy]) -> Metrics {   // a: amended width, o: original width
            Metrics(worstMedianRatio: a.map(\.medianRatio).max()!, worstWinProbability: a.map(\.winProbability).min()!,
                    worstMedianRatioOriginal: o.map(\.medianRatio).max()!, worstWinProbabilityOriginal: o.map(\.winProbability).min()!)
        }
        return Outcome(claim: metrics(claim, original), control: metrics(control, controlOriginal), extra: extra)
    }
}
