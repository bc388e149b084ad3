import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim B3 of CLAIMS.md: "At test time use the running averages, not the test batch" — Ioffe & Szegedy (2015),
/// §3.1 and Algorithm 2.
///
/// Per seed a 784-[128]×3-10 ReLU net with BN before each ReLU is trained with Adam; then the whole test set is
/// scored alone (batches of 1), in batches of 8, 100 and 1000, in class-sorted batches of 100 and as one batch, with
/// the running averages (evaluation phase; the claim) and with each test batch's own statistics (training phase; the
/// negative control CLAIMS.md names). Both arms go through the same scoring and the same rules.
@main
struct BatchNormTestTime: ClaimExperiment {
    struct Settings: Sendable {
        var steps = 600
        var trainingExamples = 60_000
        var testExamples = 10_000
        var batchSize = 100
        var learningRate = 1e-3
        var width = 128
        var depth = 3
        /// The batchings compared with the whole test set as one batch.
        var batchings: [Batching] = [.consecutive(1), .consecutive(8), .consecutive(100), .consecutive(1000),
                                     .classSorted(100)]
        var full: Batching { .consecutive(testExamples) }
    }
    static let full = Settings()
    static let quick = Settings(steps: 200, trainingExamples: 20_000, testExamples: 2000)

    struct Metrics: SeedMetrics {
        /// Largest |score of an image alone − its score in the whole test set as one batch| (absolute).
        var scoreChangeAlone = 0.0
        /// Largest such change over every batching, divided by the largest |score| (the scores' scale).
        var relativeScoreChange = 0.0
        /// |test accuracy alone − test accuracy as one batch|.
        var accuracyChangeAlone = 0.0
    }

    struct Extra: SeedMetrics {
        var accuracyFull = 0.0, scoreScale = 0.0, largestScoreChange = 0.0, largestAccuracyChange = 0.0
        var testBatchAccuracyFull = 0.0, testBatchAccuracy1000 = 0.0, testBatchAccuracy8 = 0.0
        var testBatchAccuracy1 = 0.0, testBatchAccuracySorted = 0.0, testBatchLargestScoreChange = 0.0
        /// Training loss, mean of the last 50 steps.
        var finalTrainingLoss = 0.0
        /// Curves: test accuracy per batching, running averages and test-batch statistics.
        var running = Scoring(), testBatch = Scoring()
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("score-independent-of-batch", \Metrics.scoreChangeAlone, .lessThan(1e-5))
            .amended(to: \Metrics.relativeScoreChange, .lessThan(1e-5)),
        Rule("accuracy-alone", \Metrics.accuracyChangeAlone, .lessThan(0.01)),
    ]

    static func load(_ s: Settings) throws -> (training: LabeledDataset<Float>, test: LabeledDataset<Float>) {
        let data = try FashionMNIST.standardized(Float.self, trainingLimit: s.trainingExamples, testLimit: s.testExamples)
        return (data.training, data.test!)
    }

    static func measure(seed: Int, settings s: Settings,
                        inputs: (training: LabeledDataset<Float>, test: LabeledDataset<Float>)) throws
        -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var weights = rng.split(), order = rng.split()
        let sizes = [inputs.training.featureCount] + Array(repeating: s.width, count: s.depth) + [10]
        let network = Sequential<Float>.mlp(sizes: sizes, activation: .relu, initializer: .heNormal,
                                            normalization: .batch, using: &weights)
        let log = network.train(on: inputs.training, steps: s.steps, batchSize: s.batchSize,
                                optimizer: Adam<Float>(learningRate: s.learningRate), using: &order)
        // Running averages first: the evaluation phase leaves them alone; the training phase would update them.
        let running = Scoring(network, inputs.test, batchings: s.batchings, full: s.full, statistics: .runningAverages)
        let testBatch = Scoring(network, inputs.test, batchings: s.batchings, full: s.full, statistics: .testBatch)
        func metrics(_ scoring: Scoring) -> Metrics {
            Metrics(scoreChangeAlone: scoring.scoreChange[.consecutive(1)]!,
                    relativeScoreChange: scoring.scoreChange.values.max()! / scoring.scale,
                    accuracyChangeAlone: abs(scoring.accuracy[.consecutive(1)]! - scoring.accuracy[s.full]!))
        }
        let extra = Extra(
            accuracyFull: running.accuracy[s.full]!, scoreScale: running.scale,
            largestScoreChange: running.scoreChange.values.max()!,
            largestAccuracyChange: running.accuracy.values.map { abs($0 - running.accuracy[s.full]!) }.max()!,
            testBatchAccuracyFull: testBatch.accuracy[s.full]!, testBatchAccuracy1000: testBatch.accuracy[.consecutive(1000)]!,
            testBatchAccuracy8: testBatch.accuracy[.consecutive(8)]!, testBatchAccuracy1: testBatch.accuracy[.consecutive(1)]!,
            testBatchAccuracySorted: testBatch.accuracy[.classSorted(100)]!,
            testBatchLargestScoreChange: testBatch.scoreChange.values.max()!,
            finalTrainingLoss: log.meanLoss(last: 50), running: running, testBatch: testBatch)
        return Outcome(claim: metrics(running), control: metrics(testBatch), extra: extra)
    }
}
