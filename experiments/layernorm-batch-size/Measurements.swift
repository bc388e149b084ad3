import Datasets
import NeuralEngine

/// How the learning rate is set at each batch size.
enum LearningRateRule: String, Sendable, CaseIterable {
    /// η = η₀ · B / B₀ (the linear scaling rule, Goyal et al. 2017): every example moves the weights by about the
    /// same amount whatever the batch size, so the batch sizes differ only in how the gradient is averaged.
    case scaledWithBatch = "η ∝ batch size"
    /// η = η₀ at every batch size, as in CS231n's assignment.
    case fixed = "η fixed (CS231n)"
}

/// CS231n assignment 2's layer-norm experiment on Fashion-MNIST: a 784-[100]×5-10 ReLU net with weights N(0, 0.02²)
/// and BN or LN before each ReLU, trained with Adam on the training subset at one batch size; after every epoch
/// its accuracy on the training subset in the evaluation phase (BN: running averages).
struct BatchSizeRun: Sendable {
    /// Training accuracy (evaluation phase) at epochs 0…`epochs` (0 = at initialisation); NaN after divergence.
    let trainingAccuracy: [Double]
    /// Accuracy on the held-out test images after the last epoch (evaluation phase).
    let testAccuracy: Double
    /// How much the scores of some examples change when the rest of their batch changes.
    let batchDependence: BatchDependence

    init(normalization: Sequential<Float>.Normalization, batchSize: Int, learningRate: Double,
         training: LabeledDataset<Float>, test: LabeledDataset<Float>, settings: Settings,
         using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: settings.width, count: settings.depth) + [10]
        var weights = rng.split()
        let network = Sequential<Float>.mlp(sizes: sizes, activation: .relu,
                                            initializer: .normal(standardDeviation: settings.weightScale),
                                            normalization: normalization, using: &weights)
        let optimizer = Adam<Float>(learningRate: learningRate)
        func measureAccuracy() -> Double {
            accuracy(network.predict(training.features, batchSize: 1000), labels: training.labels)
        }
        var accuracies = [measureAccuracy()]
        var order = rng.split()
        var diverged = false
        for _ in 0..<settings.epochs {
            if !diverged {
                for batch in training.batches(size: batchSize, dropLast: true, using: &order) {
                    let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                    if !loss.isFinite { diverged = true; break }
                }
            }
            accuracies.append(diverged ? .nan : measureAccuracy())
        }
        trainingAccuracy = accuracies
        testAccuracy = diverged ? .nan : accuracy(network.predict(test.features, batchSize: 1000), labels: test.labels)
        var companions = rng.split()
        batchDependence = BatchDependence(network, examples: training.features, using: &companions)
    }

    /// Training accuracy averaged over the last `epochs` epochs: the end of training without the epoch-to-epoch
    /// jitter of small-batch Adam.
    func lateTrainingAccuracy(epochs: Int) -> Double {
        trainingAccuracy.suffix(epochs).reduce(0, +) / Double(epochs)
    }
}

/// Whether a sample's output depends on the rest of its batch, in the training phase (where BN uses the batch's
/// statistics): the scores of `probeCount` fixed examples computed in a batch with `companionCount` randomly drawn
/// other examples, and again with a different random draw of companions (the probes in the same rows).
struct BatchDependence: Sendable {
    /// max |Δscore| / max |score| over the probe examples.
    let relativeChange: Double
    /// max |Δscore|.
    let absoluteChange: Double

    static let probeCount = 10
    static let companionCount = 40

    init(_ network: Sequential<Float>, examples: Tensor<Float>, using rng: inout SeededGenerator) {
        let probes = Array(0..<Self.probeCount)
        let others = Array(Self.probeCount..<examples.rows)
        func scores() -> Tensor<Float> {
            let draw = rng.permutation(others.count).prefix(Self.companionCount).map { others[$0] }
            let all = network.forward(examples.gatheringRows(probes + draw), phase: .training)
            return all.gatheringRows(probes)
        }
        let first = scores(), second = scores()
        absoluteChange = (first - second).maxAbsolute()
        relativeChange = absoluteChange / first.maxAbsolute()
    }
}

/// The training settings shared by every run.
struct Settings: Sendable {
    var epochs: Int
    /// Hidden layers × units (CS231n: 5 × 100).
    var depth = 5
    var width = 100
    var trainingExamples = 1000
    var testExamples = 1000
    var batchSizes = [5, 10, 50]
    var weightScale = 2e-2
    /// Adam's η₀ at the reference batch size B₀ (the largest); CS231n uses it at every batch size.
    var baseLearningRate = 1e-3
    /// Epochs averaged for the end-of-training accuracy.
    var lateEpochs = 3
    /// The learning-rate rules trained (the check needs `.scaledWithBatch`; `.fixed` adds CS231n's protocol).
    var rules = LearningRateRule.allCases

    static let full = Settings(epochs: 10)
    static let quick = Settings(epochs: 5, trainingExamples: 500, testExamples: 500, lateEpochs: 2)

    var smallestBatch: Int { batchSizes.min()! }
    var referenceBatch: Int { batchSizes.max()! }

    func learningRate(_ rule: LearningRateRule, batchSize: Int) -> Double {
        switch rule {
        case .scaledWithBatch: baseLearningRate * Double(batchSize) / Double(referenceBatch)
        case .fixed: baseLearningRate
        }
    }
}
