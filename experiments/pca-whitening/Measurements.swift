import Datasets
import Foundation
import NeuralEngine

/// The input representations softmax regression is trained on (CLAIMS.md D2), each built from the PCA fitted on the
/// seed's training subset (in Double: Float32's eigenvalues are rounding noise below ~1e−6): raw pixels / 255; the
/// coordinates on the top 100 principal directions, (x − μ)·U₁₀₀ᵀ; those divided by √(λ + 1e−5) (the claim's
/// whitening, CS231n's ε); all 784 directions whitened with ε = 1e−5, 0.1 and none (`Xrot / np.sqrt(S)`, directions of
/// λ = 0 left out); and the negative control, whitening without the rotation: the 100 pixels of largest training
/// variance, each centred and divided by its own training σ (per-pixel standardisation).
enum Representation: String, CaseIterable, Sendable {
    case raw, pca100, whitened100, whitenedSmallEpsilon, whitenedLargeEpsilon, plain, pixelStandardised

    var components: Int? { self == .pca100 || self == .whitened100 || self == .pixelStandardised ? 100 : nil }
    var epsilon: Double? { [.whitened100: 1e-5, .whitenedSmallEpsilon: 1e-5, .whitenedLargeEpsilon: 0.1, .plain: 0][self] }

    /// This representation of images whose coordinates on all principal directions, `projected` (N×784, computed
    /// once in Double and stored in Float), and `pixels` are given; `standardised` picks the control's pixels.
    func features(pixels: Tensor<Float>, projected: Tensor<Float>, pca: PCA<Double>,
                  standardised: (Tensor<Float>) -> Tensor<Float>) -> Tensor<Float> {
        if self == .raw { return pixels }
        if self == .pixelStandardised { return standardised(pixels) }
        let y = projected.selectingColumns(Array(0..<(components ?? pca.eigenvalues.filter { $0 > 0 }.count)))
        guard let epsilon else { return y }
        return PCAWhitening(pca: pca, epsilon: epsilon).whitening(projected: y)
    }
}

/// Softmax regression (k → 10, SGD) on one representation at every learning rate of the grid, from the same initial
/// weights and batch order; the rate with the best validation accuracy is kept.
struct SoftmaxRun: Sendable, Codable {
    var learningRate = Double.nan, validationAccuracy = Double.nan, testAccuracy = Double.nan

    init() {}

    init(training: LabeledDataset<Float>, validation: LabeledDataset<Float>, test: LabeledDataset<Float>,
         settings: PCAWhiteningClaim.Settings, initialWeights: SeededGenerator) {
        for rate in settings.learningRates {
            var stream = initialWeights
            let network = Sequential<Float>([Linear(training.featureCount, training.classCount,
                                                    initializer: .normal(standardDeviation: settings.initialScale),
                                                    using: &stream)])
            let log = network.train(on: training, steps: settings.steps, batchSize: settings.batchSize,
                                    optimizer: SGD(learningRate: rate), using: &stream)
            let accuracy = log.diverged ? Double.nan : network.accuracy(on: validation)
            if accuracy > validationAccuracy || validationAccuracy.isNaN {
                (learningRate, validationAccuracy, testAccuracy) = (rate, accuracy, network.accuracy(on: test))
            }
        }
    }
}
