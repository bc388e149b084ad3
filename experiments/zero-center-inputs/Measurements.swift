import Datasets
import Foundation
import NeuralEngine

/// The input preprocessings compared (CLAIMS.md D1). Each is fitted on one set of images and then applied, unchanged,
/// to the training subset and to the test set.
enum Preprocessing: String, CaseIterable, Sendable {
    /// Pixels / 255 in [0, 1], as loaded.
    case raw
    /// x − μ_train per pixel (CS231n's `X -= np.mean(X, axis=0)`).
    case centred
    /// (x − μ_train) / σ_train per pixel (`X /= np.std(X, axis=0)` after centring; σ floored at 1e-8).
    case standardised
    /// The negative control: scaling without centring, x / σ_train with σ_train the training subset's scalar standard
    /// deviation over all pixels and no mean subtracted ("normalised" but not zero-centred).
    case scaled
    /// The pipeline check: centring whose mean μ_test is refit on the test set (leakage) and applied to both sets.
    case leaky

    /// The transform, fitted on `training` (on `test` for `.leaky`).
    func fitted(training: Tensor<Float>, test: Tensor<Float>) -> (Tensor<Float>) -> Tensor<Float> {
        switch self {
        case .raw: return { $0 }
        case .centred: return MeanSubtraction.fit(training).apply
        case .standardised: return FeatureStandardization.fit(training).apply
        case .scaled:
            let sigma = ScalarStandardization.fit(training).standardDeviation
            return ScalarStandardization(mean: 0, standardDeviation: sigma, epsilon: 1e-8).apply
        case .leaky: return MeanSubtraction.fit(test).apply
        }
    }

    /// The same mechanism with every statistic fitted on the training set (`.leaky` → `.centred`): what the leakage
    /// check compares against.
    var honest: Preprocessing { self == .leaky ? .centred : self }
}

/// One preprocessing measured on one seed's training subset: the spectrum of E[xxᵀ] of the preprocessed training
/// images, the per-pixel mean of the preprocessed test images, and softmax regression (784 → 10, SGD) trained from
/// the same initial weights and batch order at every learning rate of the grid.
struct PreprocessingRun: Sendable, Codable {
    /// λ₁ ≥ … ≥ λ₇₈₄ of E[xxᵀ] = XᵀX/N over the preprocessed training images (no re-centring).
    var spectrum: [Double] = []
    /// Per pixel: the mean of the preprocessed test images, and T_train(μ_test) — μ_test through the same mechanism
    /// fitted on the training subset (for centring: μ_test − μ_train).
    var testMean: [Double] = [], expectedTestMean: [Double] = []
    /// Per learning rate: the softmax cross-entropy on the whole training subset after the last step (NaN: diverged).
    var finalLoss: [Double] = []
    /// Per learning rate: the test accuracy after the last step (NaN: diverged).
    var testAccuracy: [Double] = []
    /// Per learning rate: the mini-batch loss averaged over consecutive windows of `curveWindow` steps.
    var curves: [[Double]] = []

    /// The index of the learning rate with the lowest final loss.
    var best: Int { finalLoss.indices.filter { !finalLoss[$0].isNaN }.min { finalLoss[$0] < finalLoss[$1] } ?? 0 }
    var bestLoss: Double { finalLoss[best] }

    init() {}

    init(_ preprocessing: Preprocessing, training: LabeledDataset<Float>, test: LabeledDataset<Float>,
         settings: ZeroCenterInputs.Settings, initialWeights: SeededGenerator) {
        let transform = preprocessing.fitted(training: training.features, test: test.features)
        let x = training.mappingFeatures(transform), xTest = test.mappingFeatures(transform)
        spectrum = PCA.fit(x.features, centring: false).eigenvalues.map(Double.init)
        testMean = MeanSubtraction.fit(xTest.features).mean.scalars.map(Double.init)
        let honest = preprocessing.honest.fitted(training: training.features, test: test.features)
        expectedTestMean = honest(MeanSubtraction.fit(test.features).mean).scalars.map(Double.init)
        for rate in settings.learningRates {
            var stream = initialWeights
            let network = Sequential<Float>([Linear(x.featureCount, x.classCount,
                                                    initializer: .normal(standardDeviation: settings.initialScale),
                                                    using: &stream)])
            let log = network.train(on: x, steps: settings.steps, batchSize: settings.batchSize,
                                    optimizer: SGD(learningRate: rate), using: &stream)
            let loss = log.diverged ? .nan : softmaxCrossEntropy(network.predict(x.features), labels: x.labels).value
            finalLoss.append(loss.isFinite ? loss : .nan)
            testAccuracy.append(loss.isFinite ? network.accuracy(on: xTest) : .nan)
            curves.append(stride(from: 0, to: settings.steps, by: settings.curveWindow).map { start in
                let window = log.losses.dropFirst(start).prefix(settings.curveWindow)
                return window.count == settings.curveWindow && !log.diverged ? window.reduce(0, +) / Double(window.count) : .nan
            })
        }
    }
}

/// max_j |mean_j(T(test)) − T_train(μ_test)_j|: zero (up to Float32 rounding) when T's statistics came from the
/// training set only; for centring refit on the test set, max_j |μ_test − μ_train|_j.
func leakageError(testMean: [Double], expected: [Double]) -> Double {
    zip(testMean, expected).map { abs($0 - $1) }.max()!
}
