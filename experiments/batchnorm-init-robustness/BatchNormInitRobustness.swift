import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim B4a of CLAIMS.md: "BN reduces the strong dependence on initialization" — CS231n assignment 2's sweep on
/// Fashion-MNIST: a 784-[50]×7-10 ReLU net with every weight drawn from N(0, s²) for nine scales s = 10^−4 … 1,
/// trained by Adam (1e-3, batch 50, 10 epochs) on 1000 images, with batch norm before every ReLU and without; a scale
/// "trains" when its best validation accuracy reaches 0.6. The negative control is batch norm with its division by σ
/// coded as 1 (centring only), the same weights and batch order.
@main
struct BatchNormInitRobustness: ClaimExperiment {
    struct Settings: Sendable {
        var epochs = 10
        var depth = 7
        var width = 50
        var learningRate = 1e-3
        var batchSize = 50
        var trainingExamples = 1000
        var validationExamples = 1000
        /// Nine weight scales, logspace(−4, 0): 10^(−4 + k/2), k = 0…8.
        var weightScales = (0...8).map { Foundation.pow(10, -4 + Double($0) / 2) }
        /// A run "trains" when its best validation accuracy reaches this (CLAIMS.md).
        var trainedAccuracy = 0.6
    }
    static let full = Settings()
    static let quick = Settings(validationExamples: 500)

    struct Metrics: SeedMetrics {
        /// Weight scales (of 9) whose best validation accuracy reaches 0.6, this arm's net.
        var scalesTrained = 0.0
        /// The same count for the net without normalisation.
        var baselineScalesTrained = 0.0
    }

    struct Extra: SeedMetrics {
        var meanBestBatchNorm = 0.0, meanBestBaseline = 0.0
        var smallestScaleBatchNorm = 0.0, smallestScaleBaseline = 0.0
        /// Per normalizer: best validation accuracy and final loss at each scale.
        var bestValidation: [Normalizer: [Double]] = [:]
        var finalLoss: [Normalizer: [Double]] = [:]
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("bn-scales", \Metrics.scalesTrained, .greaterThan(4.5)),
        Rule("baseline-scales", \Metrics.baselineScalesTrained, .lessThan(2.5)),
    ]

    /// Training images 0..<1000 and validation images 1000..<2000 of Fashion-MNIST's training part, both standardised
    /// by one scalar mean and std of the training images.
    static func load(_ s: Settings) throws -> (training: LabeledDataset<Float>, validation: LabeledDataset<Float>) {
        let raw = try FashionMNIST.load(Float.self, part: .training, limit: s.trainingExamples + s.validationExamples)
        let training = raw.subset(Array(0..<s.trainingExamples))
        let standardization = ScalarStandardization.fit(training.features)
        return (training.mappingFeatures { standardization.apply($0) },
                raw.subset(Array(s.trainingExamples..<raw.count)).mappingFeatures { standardization.apply($0) })
    }

    static func measure(seed: Int, settings: Settings,
                        inputs data: (training: LabeledDataset<Float>, validation: LabeledDataset<Float>)) throws
        -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var runs: [Normalizer: [ScaleRun]] = [:]
        for scale in settings.weightScales {
            let paired = rng.split()
            for normalizer in Normalizer.allCases {
                SeedProgress.configuration(of: settings.weightScales.count * Normalizer.allCases.count,
                                           "\(normalizer.rawValue), weights σ " + String(format: "%.3g", scale),
                                           steps: settings.epochs * (data.training.count / settings.batchSize))
                var stream = paired
                runs[normalizer, default: []].append(ScaleRun(data: data, weightScale: scale, normalizer: normalizer,
                                                              settings: settings, using: &stream))
            }
        }
        let best = runs.mapValues { $0.map(\.bestValidationAccuracy) }
        func trained(_ n: Normalizer) -> Double { Double(best[n]!.filter { $0 >= settings.trainedAccuracy }.count) }
        func mean(_ n: Normalizer) -> Double { best[n]!.reduce(0, +) / Double(best[n]!.count) }
        let extra = Extra(meanBestBatchNorm: mean(.batchNorm), meanBestBaseline: mean(.none),
                          smallestScaleBatchNorm: best[.batchNorm]![0], smallestScaleBaseline: best[.none]![0],
                          bestValidation: best, finalLoss: runs.mapValues { $0.map(\.finalLoss) })
        return Outcome(claim: Metrics(scalesTrained: trained(.batchNorm), baselineScalesTrained: trained(.none)),
                       control: Metrics(scalesTrained: trained(.centring), baselineScalesTrained: trained(.none)),
                       extra: extra)
    }
}
