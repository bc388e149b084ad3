import Datasets
import NeuralEngine

/// CS231n assignment 2's `run_batchsize_experiments` on Fashion-MNIST: a 784-[100]×5-10 ReLU net with weights
/// N(0, 0.02²), biases 0, and BN, LN or nothing before each ReLU, trained by Adam at one batch size; after every epoch
/// its accuracy on the training images in the evaluation phase (BN: running averages).
struct BatchSizeRun: Sendable {
    /// Training accuracy (evaluation phase) at epochs 0…E (0 = at initialisation); NaN after divergence.
    var trainingAccuracy: [Double] = []
    /// How much the scores of some examples move when the rest of their batch changes.
    var batchDependence = 0.0

    init() {}

    init(normalization: Sequential<Float>.Normalization?, batchSize: Int, training: LabeledDataset<Float>,
         settings: LayerNormBatchSize.Settings, using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: settings.width, count: settings.depth) + [10]
        var weights = rng.split(), order = rng.split(), companions = rng.split()
        let network = Sequential<Float>.mlp(sizes: sizes, activation: .relu,
                                            initializer: .normal(standardDeviation: settings.weightScale),
                                            normalization: normalization, using: &weights)
        let optimizer = Adam<Float>(learningRate: settings.learningRate)
        let stepsPerEpoch = training.count / batchSize
        trainingAccuracy = [network.accuracy(on: training)]
        for _ in 0..<settings.epochs {
            let log = network.train(on: training, steps: stepsPerEpoch, batchSize: batchSize, optimizer: optimizer,
                                    using: &order)
            trainingAccuracy.append(log.diverged || trainingAccuracy.last!.isNaN ? .nan : network.accuracy(on: training))
        }
        batchDependence = Self.batchDependence(network, examples: training.features, using: &companions)
    }

    /// Whether an example's output depends on the rest of its batch, in the training phase (where BN uses the batch's
    /// statistics): the scores of 10 fixed examples computed beside 40 randomly drawn other examples, and again beside
    /// another draw (the probes in the same rows); max |Δscore| / max |score|.
    static func batchDependence(_ network: Sequential<Float>, examples: Tensor<Float>,
                                using rng: inout SeededGenerator) -> Double {
        let probes = Array(0..<10), others = Array(10..<examples.rows)
        func scores() -> Tensor<Float> {
            let draw = rng.permutation(others.count).prefix(40).map { others[$0] }
            return network.forward(examples.gatheringRows(probes + draw), phase: .training).gatheringRows(probes)
        }
        let first = scores(), second = scores()
        return (first - second).maxAbsolute() / first.maxAbsolute()
    }
}
