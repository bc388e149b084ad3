import Datasets
import Foundation
import NeuralEngine

/// What sits before every hidden ReLU.
enum Normalizer: String, Sendable, CaseIterable, Codable {
    case batchNorm = "batch norm", none = "no normalisation", centring = "batch norm without ÷σ (control)"
}

/// One run of CS231n assignment 2's "batch normalization and initialization" experiment: a 784-[50]×7-10 ReLU MLP
/// whose weights are all drawn from N(0, scale²) (biases 0; γ = 1, β = 0), trained by Adam; after every epoch the
/// accuracy on the training and the validation images in the evaluation phase, as the assignment's `Solver` records.
struct ScaleRun: Sendable {
    var trainingAccuracies: [Double] = []
    var validationAccuracies: [Double] = []
    /// The mean mini-batch loss of the last epoch; NaN when training diverged.
    var finalLoss = Double.nan

    /// The best validation accuracy over the epochs (`solver.best_val_acc`); 0 if no epoch finished.
    var bestValidationAccuracy: Double { validationAccuracies.max() ?? 0 }

    init(data: (training: LabeledDataset<Float>, validation: LabeledDataset<Float>), weightScale: Double,
         normalizer: Normalizer, settings: BatchNormInitRobustness.Settings, using rng: inout SeededGenerator) {
        var weights = rng.split(), order = rng.split()
        let sizes = [data.training.featureCount] + Array(repeating: settings.width, count: settings.depth) + [10]
        var layers: [any Layer<Float>] = []
        for i in 0..<sizes.count - 1 {
            layers.append(Linear<Float>(sizes[i], sizes[i + 1], initializer: .normal(standardDeviation: weightScale),
                                        using: &weights))
            guard i < sizes.count - 2 else { break }
            switch normalizer {
            case .batchNorm: layers.append(BatchNorm<Float>(features: sizes[i + 1]))
            case .centring: layers.append(Centring(features: sizes[i + 1]))
            case .none: break
            }
            layers.append(Activation<Float>(.relu))
        }
        let network = Sequential(layers)
        let optimizer = Adam<Float>(learningRate: settings.learningRate)
        let stepsPerEpoch = data.training.count / settings.batchSize
        for _ in 0..<settings.epochs {
            let log = network.train(on: data.training, steps: stepsPerEpoch, batchSize: settings.batchSize,
                                    optimizer: optimizer, using: &order)
            finalLoss = log.meanLoss(last: stepsPerEpoch)
            if log.diverged { break }
            trainingAccuracies.append(network.accuracy(on: data.training))
            validationAccuracies.append(network.accuracy(on: data.validation))
        }
    }
}
