import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// A learning-rate sweep of one 784-[width]×depth-10 ReLU MLP (He init, biases 0), with or without batch norm between
/// every hidden Linear layer and its activation, trained by plain SGD at each rate of the grid from the same initial
/// weights and batch order: each run's final loss (the mean mini-batch loss of the last `tail` steps), NaN when the
/// loss became NaN or ±∞.
struct LearningRateSweep: Sendable {
    var finalLosses: [Double] = []

    init() {}

    init(training: LabeledDataset<Float>, normalization: Sequential<Float>.Normalization?,
         settings: BatchNormHigherLearningRate.Settings, rng: SeededGenerator) {
        finalLosses = settings.learningRates.map { rate in
            SeedProgress.configuration(of: 3 * settings.learningRates.count,
                                       "\(normalization == nil ? "without" : "with") batch norm, SGD η " + String(format: "%.3g", rate))
            var stream = rng
            var weights = stream.split(), order = stream.split()
            let sizes = [training.featureCount] + Array(repeating: settings.width, count: settings.depth) + [10]
            let network = Sequential<Float>.mlp(sizes: sizes, activation: .relu, initializer: .heNormal,
                                                normalization: normalization, using: &weights)
            return network.train(on: training, steps: settings.steps, batchSize: settings.batchSize,
                                 optimizer: SGD<Float>(learningRate: rate), using: &order)
                .meanLoss(last: settings.tail)
        }
    }

    /// The largest rate of the grid whose run trained (final loss < `trainedLoss`); NaN when none did.
    func largestTrainingRate(_ rates: [Double]) -> Double {
        zip(rates, finalLosses).filter { $0.1 < Self.trainedLoss }.map(\.0).max() ?? .nan
    }

    /// The smallest rate of the grid at which the run diverged; NaN when none did.
    func smallestDivergingRate(_ rates: [Double]) -> Double {
        zip(rates, finalLosses).filter { $0.1.isNaN }.map(\.0).min() ?? .nan
    }

    /// A run "trains" when its final loss is below this (CLAIMS.md): well under chance, ln 10 ≈ 2.30.
    static let trainedLoss = 1.0
}
