import Datasets
import Foundation
import NeuralEngine

/// One training run of a deep ReLU MLP 784-[width]×depth-10 (He init, biases 0) by plain SGD at one learning rate, with
/// or without batch norm between every hidden Linear layer and its activation: its final training loss, or NaN when
/// training diverged.
struct TrainingRun: Sendable {
    /// The mini-batch training loss of every step taken; a diverged run stops at its first non-finite loss, which is
    /// then the last entry.
    let losses: [Double]
    /// The mean mini-batch training loss over the last `tail` steps; NaN when the run diverged.
    let finalLoss: Double

    /// Whether the loss became NaN or ±∞ (the run was stopped there).
    var diverged: Bool { finalLoss.isNaN }

    /// Trains a fresh network for `steps` steps of `batchSize` examples from `training` (reshuffled every epoch). The
    /// weights and the batch order come from `rng`, so two runs given copies of one generator differ only in what
    /// the arguments change.
    init(training: LabeledDataset<Float>, normalization: Sequential<Float>.Normalization?, learningRate: Double,
         shape: NetworkShape, steps: Int, batchSize: Int, tail: Int, using rng: inout SeededGenerator) {
        precondition(tail >= 1 && tail <= steps, "TrainingRun: tail \(tail) must lie in 1…\(steps)")
        var weights = rng.split(), order = rng.split()
        let network = Sequential<Float>.mlp(sizes: shape.sizes(inputs: training.featureCount), activation: .relu,
                                            initializer: .heNormal, normalization: normalization, using: &weights)
        let optimizer = SGD<Float>(learningRate: learningRate)
        var losses: [Double] = []
        losses.reserveCapacity(steps)
        training: while losses.count < steps {
            for batch in training.batches(size: batchSize, dropLast: true, using: &order) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                losses.append(loss)
                if !loss.isFinite || losses.count == steps { break training }
            }
        }
        self.losses = losses
        let finished = losses.count == steps && losses.last!.isFinite
        finalLoss = finished ? losses.suffix(tail).reduce(0, +) / Double(tail) : .nan
    }
}

/// Hidden layers of an MLP: `depth` layers of `width` units, 10 outputs.
struct NetworkShape: Sendable {
    let depth: Int
    let width: Int
    func sizes(inputs: Int) -> [Int] { [inputs] + Array(repeating: width, count: depth) + [10] }
}

/// A learning-rate sweep of one network (one arm): the same initial weights and batch order at every learning rate.
struct LearningRateSweep: Sendable {
    let learningRates: [Double]
    /// `runs[i]` was trained at `learningRates[i]`.
    let runs: [TrainingRun]

    /// The final loss below which a run counts as trained: well under chance (ln 10 ≈ 2.30 for ten classes).
    static let trainedLoss = 1.0

    /// The largest learning rate of the grid whose run trained (final loss < `trainedLoss`); NaN when none did.
    var largestTrainingRate: Double {
        zip(learningRates, runs).filter { $0.1.finalLoss < Self.trainedLoss }.map(\.0).max() ?? .nan
    }

    /// The smallest learning rate of the grid at which the run diverged; NaN when none did.
    var smallestDivergingRate: Double {
        zip(learningRates, runs).filter { $0.1.diverged }.map(\.0).min() ?? .nan
    }

    /// The lowest final loss over the grid (NaN when every run diverged).
    var bestLoss: Double { runs.map(\.finalLoss).filter { !$0.isNaN }.min() ?? .nan }
}

extension LearningRateSweep {
    /// Trains one network per learning rate, each from a copy of `rng` (same weights and batch order).
    init(training: LabeledDataset<Float>, normalization: Sequential<Float>.Normalization?, learningRates: [Double],
         shape: NetworkShape, steps: Int, batchSize: Int, tail: Int, rng: SeededGenerator) {
        self.learningRates = learningRates
        runs = learningRates.map { rate in
            var copy = rng
            return TrainingRun(training: training, normalization: normalization, learningRate: rate, shape: shape,
                               steps: steps, batchSize: batchSize, tail: tail, using: &copy)
        }
    }
}

