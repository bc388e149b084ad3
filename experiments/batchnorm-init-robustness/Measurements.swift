import Datasets
import Foundation
import NeuralEngine

/// The data of the CS231n assignment-2 sweep on Fashion-MNIST: a small training set and a held-out validation set.
struct SweepData: Sendable {
    let training: LabeledDataset<Float>
    let validation: LabeledDataset<Float>
}

/// One run of CS231n assignment 2's "batch normalization and initialization" experiment: a deep ReLU MLP whose weights
/// are all drawn from N(0, scale²) (biases 0; with batch norm γ = 1, β = 0), trained by Adam for a number of epochs;
/// after every epoch the accuracy on the training and the validation set in the evaluation phase (batch norm with
/// running statistics), as the assignment's `Solver` records them.
struct ScaleRun: Sendable {
    /// Accuracy on the whole training set after each epoch.
    let trainingAccuracies: [Double]
    /// Accuracy on the validation set after each epoch.
    let validationAccuracies: [Double]
    /// The mean mini-batch training loss over the last epoch; NaN when the loss became NaN or ±∞ (the run stopped).
    let finalLoss: Double

    var diverged: Bool { finalLoss.isNaN }
    /// The best validation accuracy over the epochs (the assignment's `solver.best_val_acc`); NaN if no epoch finished.
    var bestValidationAccuracy: Double { validationAccuracies.max() ?? .nan }
    /// The best training accuracy over the epochs.
    var bestTrainingAccuracy: Double { trainingAccuracies.max() ?? .nan }

    init(data: SweepData, weightScale: Double, normalization: Sequential<Float>.Normalization?,
         settings: SweepSettings, using rng: inout SeededGenerator) {
        var weights = rng.split(), order = rng.split()
        let sizes = [data.training.featureCount] + Array(repeating: settings.width, count: settings.depth) + [10]
        let network = Sequential<Float>.mlp(sizes: sizes, activation: .relu,
                                            initializer: .normal(standardDeviation: weightScale),
                                            normalization: normalization, using: &weights)
        let optimizer = Adam<Float>(learningRate: settings.learningRate)
        var trainingAccuracies: [Double] = [], validationAccuracies: [Double] = []
        var finalLoss = Double.nan
        training: for _ in 0..<settings.epochs {
            var lossSum = 0.0, steps = 0
            for batch in data.training.batches(size: settings.batchSize, dropLast: true, using: &order) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                guard loss.isFinite else { finalLoss = .nan; break training }
                lossSum += loss
                steps += 1
            }
            finalLoss = lossSum / Double(steps)
            trainingAccuracies.append(accuracy(network.predict(data.training.features), labels: data.training.labels))
            validationAccuracies.append(accuracy(network.predict(data.validation.features),
                                                 labels: data.validation.labels))
        }
        self.trainingAccuracies = trainingAccuracies
        self.validationAccuracies = validationAccuracies
        self.finalLoss = finalLoss
    }
}

/// The fixed settings of one sweep.
struct SweepSettings: Sendable {
    /// Hidden layers (CS231n: hidden_dims = [50] * 7).
    var depth = 7
    var width = 50
    var learningRate = 1e-3
    var batchSize = 50
    var epochs = 10
    /// Nine weight scales, logspace(−4, 0): 10^(−4 + k/2), k = 0…8.
    var weightScales = (0...8).map { Foundation.pow(10, -4 + Double($0) / 2) }
    /// A run "trains" when its best validation accuracy reaches this.
    static let trainedAccuracy = 0.6
}

/// One weight-scale sweep of one architecture (one arm): a run per scale, each from its own sub-stream of the arm's
/// generator.
struct ScaleSweep: Sendable {
    let weightScales: [Double]
    let runs: [ScaleRun]

    /// How many scales trained (best validation accuracy ≥ `SweepSettings.trainedAccuracy`).
    var trainedScales: Int { runs.filter { $0.bestValidationAccuracy >= SweepSettings.trainedAccuracy }.count }

    /// The best validation accuracy of each scale, averaged over the scales.
    var meanBestValidationAccuracy: Double {
        runs.map(\.bestValidationAccuracy).reduce(0, +) / Double(runs.count)
    }

    init(data: SweepData, normalization: Sequential<Float>.Normalization?, settings: SweepSettings,
         rng: SeededGenerator) {
        var stream = rng
        weightScales = settings.weightScales
        runs = settings.weightScales.map { scale in
            var run = stream.split()
            return ScaleRun(data: data, weightScale: scale, normalization: normalization, settings: settings,
                            using: &run)
        }
    }
}
