import Datasets
import NeuralEngine

/// How the test set is cut into batches for evaluation.
enum Batching: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Consecutive test images, `size` at a time (the test set's own order, which mixes the classes).
    case consecutive(Int)
    /// The test set sorted by label (stable), `size` at a time: every batch holds one class.
    case classSorted(Int)

    var description: String {
        switch self {
        case .consecutive(let size): "\(size)"
        case .classSorted(let size): "\(size), 1 class"
        }
    }

    /// Consecutive batchings by size, then class-sorted ones.
    var figureOrder: Int {
        switch self {
        case .consecutive(let size): size
        case .classSorted(let size): Int.max / 2 + size
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

/// What one way of scoring the test set gave, against the same scoring of the whole test set as one batch.
struct Scoring: Sendable, Codable {
    /// Test accuracy per batching (the whole test set as one batch included).
    var accuracy: [Batching: Double] = [:]
    /// Largest |score − the same example's score in the whole-test-set batch| over examples and classes, per batching.
    var scoreChange: [Batching: Double] = [:]
    /// The largest |score| of the whole-test-set batch: the scores' scale.
    var scale = 0.0

    /// Scores `test` with `network` in every batching of `batchings` and as one batch (`full`).
    init(_ network: Sequential<Float>, _ test: LabeledDataset<Float>, batchings: [Batching], full: Batching,
         statistics: TestStatistics) {
        let reference = Self.scores(network, test, batching: full, statistics: statistics)
        scale = reference.maxAbsolute()
        for batching in batchings + [full] {
            let scores = batching == full ? reference : Self.scores(network, test, batching: batching, statistics: statistics)
            accuracy[batching] = NeuralEngine.accuracy(scores, labels: test.labels)
            scoreChange[batching] = (scores - reference).maxAbsolute()
        }
    }

    init() {}

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
