import Datasets
import Foundation
import NeuralEngine

/// How every Linear layer of a ReLU MLP draws its weights.
enum WeightScheme: String, CaseIterable, Sendable, Codable {
    /// CS231n's "Xavier", w = randn(n)/√n: the engine's LeCun normal N(0, 1/fan_in).
    case xavier
    /// He/Kaiming normal N(0, 2/fan_in) (He et al. 2015, eq. 10).
    case he
    /// The negative control: He's formula N(0, 2/fan_in) with its factor 2 dropped, N(0, 1/fan_in) — which is
    /// CS231n's "Xavier" itself: the control asks whether the 2 is what makes the difference.
    case heWithoutFactor2

    var initializer: Initializer { self == .he ? .heNormal : .lecunNormal }

    /// sizes[0] → … → sizes.last with ReLU after every hidden Linear layer (biases 0), weights by this scheme.
    func reluMLP(sizes: [Int], using rng: inout SeededGenerator) -> Sequential<Float> {
        Sequential.mlp(sizes: sizes, activation: .relu, initializer: initializer, using: &rng)
    }
}

/// The forward signal at initialisation through `depth` ReLU layers of `width` (the lecture's 10 × 500 net, fed
/// Fashion-MNIST images): the second moment E[h_l²] of each hidden layer's output on one batch.
///
/// He et al. (2015, §2.2): for ReLU, E[h_l²] = ½·fan_in·Var[w_l]·E[h_{l−1}²], so log₂E[h_l²] falls by 1 per layer
/// when fan_in·Var[w] = 1 (Xavier) and stays level in expectation when fan_in·Var[w] = 2 (He).
struct SignalPropagation: Sendable {
    /// E[h_l²] of hidden layers l = 1…depth (mean of the squared ReLU outputs over the batch and the units).
    let secondMoments: [Double]
    /// E[x²] of the input batch.
    let inputSecondMoment: Double

    init(scheme: WeightScheme, depth: Int, width: Int, batch: Tensor<Float>, using rng: inout SeededGenerator) {
        let network = scheme.reluMLP(sizes: [batch.columns] + Array(repeating: width, count: depth) + [10], using: &rng)
        _ = network.forward(batch, phase: .evaluation)
        inputSecondMoment = batch.squaredSum() / Double(batch.count)
        secondMoments = network.outputs.enumerated()
            .filter { network.layers[$0.offset] is Activation<Float> }
            .map { $0.element.squaredSum() / Double($0.element.count) }
    }

    var log2SecondMoments: [Double] { secondMoments.map { Foundation.log2($0) } }

    /// The least-squares slope of log₂E[h_l²] against l = 1…depth: −1 means E[h²] halves at every layer.
    var slope: Double { Self.leastSquaresSlope(log2SecondMoments) }

    /// The slope of the least-squares line through (1, y₁), (2, y₂), ….
    static func leastSquaresSlope(_ y: [Double]) -> Double {
        let n = Double(y.count), xMean = (n + 1) / 2, yMean = y.reduce(0, +) / n
        let covariance = y.indices.reduce(0) { $0 + (Double($1 + 1) - xMean) * (y[$1] - yMean) }
        let variance = y.indices.reduce(0) { $0 + (Double($1 + 1) - xMean) * (Double($1 + 1) - xMean) }
        return covariance / variance
    }
}

/// He et al. (2015) Fig. 3 in small: a `depth` × `width` ReLU MLP trained by SGD with momentum, recording the batch
/// loss and ‖∂L/∂W₁‖ at every step (`Sequential.train`, which stops at a non-finite loss).
struct DeepTraining: Sendable, Codable {
    var log = TrainingLog()
    /// ‖∂L/∂W₁‖ at each step taken.
    var firstLayerGradientNorms: [Double] = []

    /// "Final training loss": the mean batch loss over the last `finalWindow` steps (CLAIMS.md leaves it open).
    static let finalWindow = 50

    init() {}

    init(scheme: WeightScheme, settings: XavierVsHeReLU.Settings, learningRate: Double, data: LabeledDataset<Float>,
         using rng: inout SeededGenerator) {
        var weights = rng.split()
        let sizes = [data.featureCount] + Array(repeating: settings.deepWidth, count: settings.deepDepth) + [10]
        let network = scheme.reluMLP(sizes: sizes, using: &weights)
        let firstLayer = network.layers[0] as! Linear<Float>
        var norms: [Double] = []
        log = network.train(on: data, steps: settings.steps, batchSize: settings.batchSize,
                            optimizer: Momentum<Float>(learningRate: learningRate, momentum: settings.momentum),
                            using: &rng) { _, _ in norms.append(firstLayer.weight.gradient.norm()) }
        // ReLU can hide a first layer gone NaN from the loss: its gradient gives the run away.
        if norms.contains(where: { !$0.isFinite }) { log.diverged = true }
        firstLayerGradientNorms = norms
    }

    /// Mean batch loss over the last `finalWindow` steps; NaN when the run diverged.
    var finalLoss: Double { log.meanLoss(last: Self.finalWindow) }

    /// Mean ‖∂L/∂W₁‖ over the last `finalWindow` steps; NaN when the run diverged.
    var finalGradientNorm: Double {
        log.diverged ? .nan : firstLayerGradientNorms.suffix(Self.finalWindow).reduce(0, +)
            / Double(min(firstLayerGradientNorms.count, Self.finalWindow))
    }

    /// `values` averaged over consecutive windows of `window` steps, padded with NaN to `steps / window` windows.
    static func windowed(_ values: [Double], window: Int, steps: Int) -> [Double] {
        (0..<steps / window).map { k in
            let start = k * window
            guard start + window <= values.count else { return .nan }
            return values[start..<start + window].reduce(0, +) / Double(window)
        }
    }
}
