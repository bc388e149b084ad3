import Datasets
import NeuralEngine

/// How the test set is cut into batches for evaluation.
enum Batching: Hashable, Sendable, CustomStringConvertible {
    /// Consecutive test images, `size` at a time (the test set's own order, which mixes the classes).
    case consecutive(Int)
    /// The test set sorted by label (stable), `size` at a time: every batch holds one class.
    case classSorted(Int)

    var description: String {
        switch self {
        case .consecutive(let size): "\(size)"
        case .classSorted(let size): "\(size), class-sorted"
        }
    }

    /// The example indices of each batch.
    func batches(labels: [Int]) -> [[Int]] {
        let order: [Int], size: Int
        switch self {
        case .consecutive(let s): (order, size) = (Array(labels.indices), s)
        case .classSorted(let s): (order, size) = (labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }, s)
        }
        return stride(from: 0, to: order.count, by: size).map { Array(order[$0..<min($0 + size, order.count)]) }
    }
}

/// How batch normalisation is applied at test time.
enum TestStatistics: Sendable {
    /// The evaluation phase: the running averages collected during training (Ioffe & Szegedy, Algorithm 2).
    case runningAverages
    /// The training phase on each test batch: the batch's own mean and variance. A batch of one example has
    /// x − μ_B = 0, so x̂ = 0 and BN outputs β (the engine's training phase refuses N = 1; this is its limit).
    case testBatch
}

/// A 784-[128]×3-10 ReLU net with BN before each ReLU, trained with Adam; then its test scores under each batching
/// and each kind of statistics.
struct TestTimeRun: Sendable {
    /// Accuracy of each batching with running averages and with test-batch statistics.
    let runningAccuracy: [Batching: Double]
    let testBatchAccuracy: [Batching: Double]
    /// Largest |score − score of the same example in a batch of `referenceSize`| over all test examples and
    /// classes, per batching.
    let runningLogitChange: [Batching: Double]
    let testBatchLogitChange: [Batching: Double]
    /// The largest |score| of the reference scoring (batches of `referenceSize`): the scale of the scores.
    let runningScoreScale: Double
    let testBatchScoreScale: Double
    /// The mean training loss over the last 50 steps (NaN if training diverged).
    let finalTrainingLoss: Double

    static let width = 128
    static let depth = 3

    /// Trains the net on `training`, then evaluates it on `test` with every batching in `batchings` and the
    /// reference batch size `referenceSize`: first every running-average evaluation (evaluation phase, which leaves
    /// the running averages alone), then every test-batch evaluation (training phase, which updates them).
    init(training: LabeledDataset<Float>, test: LabeledDataset<Float>, settings: Settings,
         using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: Self.width, count: Self.depth) + [10]
        var weights = rng.split()
        let network = Sequential<Float>.mlp(sizes: sizes, activation: .relu, initializer: .heNormal,
                                            normalization: .batch, using: &weights)
        let optimizer = Adam<Float>(learningRate: settings.learningRate)
        var order = rng.split()
        var step = 0, recent: [Double] = []
        training: while step < settings.steps {
            for batch in training.batches(size: settings.batchSize, dropLast: true, using: &order) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                step += 1
                recent.append(loss)
                if !loss.isFinite { break training }
                if step == settings.steps { break training }
            }
        }
        finalTrainingLoss = recent.suffix(50).reduce(0, +) / Double(min(recent.count, 50))

        let all = settings.batchings + [.consecutive(settings.referenceSize)]
        var scores: [TestStatistics: [Batching: Tensor<Float>]] = [.runningAverages: [:], .testBatch: [:]]
        for statistics in [TestStatistics.runningAverages, .testBatch] {
            for batching in all {
                scores[statistics]![batching] = Self.scores(network, test, batching: batching, statistics: statistics)
            }
        }
        func accuracies(_ s: TestStatistics) -> [Batching: Double] {
            scores[s]!.mapValues { accuracy($0, labels: test.labels) }
        }
        func changes(_ s: TestStatistics) -> [Batching: Double] {
            let reference = scores[s]![.consecutive(settings.referenceSize)]!
            return scores[s]!.mapValues { ($0 - reference).maxAbsolute() }
        }
        runningAccuracy = accuracies(.runningAverages)
        testBatchAccuracy = accuracies(.testBatch)
        runningLogitChange = changes(.runningAverages)
        testBatchLogitChange = changes(.testBatch)
        runningScoreScale = scores[.runningAverages]![.consecutive(settings.referenceSize)]!.maxAbsolute()
        testBatchScoreScale = scores[.testBatch]![.consecutive(settings.referenceSize)]!.maxAbsolute()
    }

    /// The scores of every test example (in the test set's order), computed batch by batch.
    static func scores(_ network: Sequential<Float>, _ test: LabeledDataset<Float>, batching: Batching,
                       statistics: TestStatistics) -> Tensor<Float> {
        var rows = [Int](repeating: 0, count: test.count)
        var output: [Float] = []
        var position = 0
        for indices in batching.batches(labels: test.labels) {
            let batch = test.features.gatheringRows(indices)
            let batchScores = statistics == .runningAverages ? network.forward(batch, phase: .evaluation)
                                                             : testBatchForward(network, batch)
            output.append(contentsOf: batchScores.scalars)
            for (k, i) in indices.enumerated() { rows[i] = position + k }
            position += indices.count
        }
        let stacked = Tensor(rows: test.count, columns: output.count / test.count, scalars: output)
        return stacked.gatheringRows(rows)
    }

    /// A forward pass with every BatchNorm normalising by the batch's own statistics (the training phase), and
    /// y = β for a batch of one example (x̂ = 0, since x − μ_B = 0).
    static func testBatchForward(_ network: Sequential<Float>, _ batch: Tensor<Float>) -> Tensor<Float> {
        var x = batch
        for layer in network.layers {
            if x.rows == 1, let norm = layer as? BatchNorm<Float> {
                x = norm.shift.value
            } else {
                x = layer.forward(x, phase: .training)
            }
        }
        return x
    }
}

/// Training and evaluation settings.
struct Settings: Sendable {
    var steps: Int
    var trainingExamples: Int
    var testExamples: Int
    var batchSize = 100
    var learningRate = 1e-3
    /// The batchings compared with the reference (consecutive batches of `referenceSize`).
    var batchings: [Batching] = [.consecutive(1), .consecutive(8), .consecutive(100), .classSorted(100)]
    var referenceSize = 1000

    static let full = Settings(steps: 600, trainingExamples: 60_000, testExamples: 10_000)
    static let quick = Settings(steps: 200, trainingExamples: 20_000, testExamples: 2000)

    /// Every batching in the figure's order: the compared ones with the reference inserted by size.
    var figureBatchings: [Batching] {
        [.consecutive(1), .consecutive(8), .consecutive(100), .consecutive(referenceSize), .classSorted(100)]
    }
}
