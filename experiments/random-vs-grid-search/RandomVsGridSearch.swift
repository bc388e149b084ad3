import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim O3 of CLAIMS.md: random search beats grid search when few hyper-parameters matter (Bergstra & Bengio 2012,
/// Fig. 1). Synthetic objectives of low effective dimension, many repetitions per configuration: the regret of a
/// centred grid against as many random trials. Negative control: a grid whose values on the important axis happen to
/// contain its optimum. Beside it, a real coarse-to-fine search of η × λ (L2) for an MLP on Fashion-MNIST.
@main
struct RandomVsGridSearch: ClaimExperiment {
    struct Settings: Sendable {
        var configurations = [Configuration(dimensions: 2, trials: 9), Configuration(dimensions: 2, trials: 16),
                              Configuration(dimensions: 2, trials: 25), Configuration(dimensions: 3, trials: 27),
                              Configuration(dimensions: 4, trials: 16), Configuration(dimensions: 4, trials: 81)]
        var repetitions = 2000
        /// s, the width of each parameter's bump (and a wider one for the sensitivity check at d = 2, n = 9), and w,
        /// the weight of each unimportant parameter.
        var width = 0.06, wideWidth = 0.1, minorWeight = 0.1
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
    static let quick = Settings(repetitions: 500, sweepWeights: [0.1, 1.0], trainingExamples: 1500, searchSteps: 40,
                                perAxis: 2, stages: 1)

    struct Metrics: SeedMetrics {
        /// The largest median(regret random) / median(regret grid) over the configurations.
        var worstMedianRatio = 0.0
        /// The smallest P(random's regret < grid's) over the configurations.
        var worstWinProbability = 0.0
    }

    struct Extra: SeedMetrics {
        /// d = 2, n = 9 (Bergstra & Bengio's Fig. 1): medians and P(random wins), and the same against the aligned grid.
        var medianGrid = 0.0, medianRandom = 0.0, winProbability = 0.0
        var medianAlignedGrid = 0.0, winProbabilityAligned = 0.0
        /// P(random wins) at d = 2, n = 9 when both parameters matter equally (w = 1).
        var winProbabilityEqualWeights = 0.0
        /// P(random wins) at d = 2, n = 9 with the wider bump s = `wideWidth`.
        var winProbabilityWideBump = 0.0
        /// The real search: best validation accuracy and its log₁₀ η, grid and random.
        var bestAccuracyGrid = 0.0, bestAccuracyRandom = 0.0
        var bestLogLearningRateGrid = 0.0, bestLogLearningRateRandom = 0.0
        /// Curves: per configuration name, the studies; the sweep's P(random wins); the trials; one layout.
        var studies: [String: RegretStudy] = [:], alignedStudies: [String: RegretStudy] = [:]
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
        Rule("lower-median-regret", \Metrics.worstMedianRatio, .lessThan(1)),
        Rule("win-probability", \Metrics.worstWinProbability, .greaterThan(0.6)),
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
        func study(_ c: Configuration, minorWeight: Double, aligned: Bool, width: Double? = nil) -> RegretStudy {
            var stream = rng.split()
            return RegretStudy(c, repetitions: settings.repetitions, width: width ?? settings.width,
                               minorWeight: minorWeight, aligned: aligned, using: &stream)
        }
        for c in settings.configurations {
            extra.studies[c.name] = study(c, minorWeight: settings.minorWeight, aligned: false)
            extra.alignedStudies[c.name] = study(c, minorWeight: settings.minorWeight, aligned: true)
        }
        let first = settings.configurations[0]
        extra.sweep = settings.sweepWeights.map { study(first, minorWeight: $0, aligned: false).winProbability }
        let headline = extra.studies[first.name]!, aligned = extra.alignedStudies[first.name]!
        (extra.medianGrid, extra.medianRandom, extra.winProbability) =
            (headline.medianGrid, headline.medianRandom, headline.winProbability)
        (extra.medianAlignedGrid, extra.winProbabilityAligned) = (aligned.medianGrid, aligned.winProbability)
        extra.winProbabilityEqualWeights = study(first, minorWeight: 1, aligned: false).winProbability
        extra.winProbabilityWideBump = study(first, minorWeight: settings.minorWeight, aligned: false,
                                             width: settings.wideWidth).winProbability
        var layout = rng.split()
        extra.layoutRandom = (0..<first.trials).map { _ in [layout.unitUniform(), layout.unitUniform()] }
        var search = rng.split()
        extra.gridTrials = coarseToFineSearch(random: false, data: data, settings: settings, using: &search)
        extra.randomTrials = coarseToFineSearch(random: true, data: data, settings: settings, using: &search)
        let (bestGrid, bestRandom) = (bestTrial(extra.gridTrials), bestTrial(extra.randomTrials))
        (extra.bestAccuracyGrid, extra.bestLogLearningRateGrid) = (bestGrid.accuracy, bestGrid.logLearningRate)
        (extra.bestAccuracyRandom, extra.bestLogLearningRateRandom) = (bestRandom.accuracy, bestRandom.logLearningRate)
        func metrics(_ studies: [String: RegretStudy]) -> Metrics {
            Metrics(worstMedianRatio: studies.values.map(\.medianRatio).max()!,
                    worstWinProbability: studies.values.map(\.winProbability).min()!)
        }
        return Outcome(claim: metrics(extra.studies), control: metrics(extra.alignedStudies), extra: extra)
    }
}
