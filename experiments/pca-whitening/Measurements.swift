import Datasets
import Foundation
import NeuralEngine

/// The input representations softmax regression is trained on (CLAIMS.md D2), each built from the PCA fitted on the
/// seed's training subset (in Double: Float32's eigenvalues are rounding noise below ~1e−6).
enum Representation: String, CaseIterable, Sendable {
    /// Pixels / 255 in [0, 1].
    case raw
    /// The coordinates on the top 100 principal directions, (x − μ)·U₁₀₀ᵀ.
    case pca100
    /// Those coordinates divided by √(λ + 1e−5): the claim's whitening (CS231n's ε).
    case whitened100
    /// All 784 directions whitened with ε = 1e−5 and with ε = 0.1.
    case whitenedSmallEpsilon, whitenedLargeEpsilon
    /// The negative control: every direction of non-zero training variance (all 784 here) whitened with no ε
    /// (plain whitening, `Xrot / np.sqrt(S)`).
    case plain

    var components: Int? { self == .pca100 || self == .whitened100 ? 100 : nil }
    var epsilon: Double? {
        switch self {
        case .raw, .pca100: nil
        case .whitened100, .whitenedSmallEpsilon: 1e-5
        case .whitenedLargeEpsilon: 0.1
        case .plain: 0
        }
    }

    /// This representation of images whose coordinates on all principal directions, `projected` (N×784, computed
    /// once in Double and stored in Float), and `pixels` are given.
    func features(pixels: Tensor<Float>, projected: Tensor<Float>, pca: PCA<Double>) -> Tensor<Float> {
        guard self != .raw else { return pixels }
        let y = leadingColumns(projected, components ?? pca.eigenvalues.filter { $0 > 0 }.count)
        guard let epsilon else { return y }
        return PCAWhitening(pca: pca, epsilon: epsilon).whitening(projected: y)
    }
}

/// The first k columns of x.
func leadingColumns(_ x: Tensor<Float>, _ k: Int) -> Tensor<Float> {
    guard k < x.columns else { return x }
    return Tensor(rows: x.rows, columns: k) { out in
        for r in 0..<x.rows {
            for c in 0..<k { out[r * k + c] = x.scalars[r * x.columns + c] }
        }
    }
}

/// Softmax regression (k → 10, SGD) on one representation at every learning rate of the grid, from the same initial
/// weights and batch order; the rate with the best validation accuracy is kept.
struct SoftmaxRun: Sendable {
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

/// The covariance (1/N) Σ (z − z̄)(z − z̄)ᵀ of N×k data (the mean accumulated in Double, the product by sgemm).
func covariance(_ z: Tensor<Float>) -> Tensor<Float> {
    let centred = MeanSubtraction.fit(z).apply(z)
    return (1 / Float(z.rows)) * Tensor.matmul(centred, centred, transposeA: true)
}

/// max_ij |C_ij − δ_ij|: how far a covariance is from the identity, entry by entry.
func distanceFromIdentity(_ c: Tensor<Float>) -> Double {
    var largest = 0.0
    for i in 0..<c.rows {
        for j in 0..<c.columns { largest = max(largest, abs(Double(c[i, j]) - (i == j ? 1 : 0))) }
    }
    return largest
}
