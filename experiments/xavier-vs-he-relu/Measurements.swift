import Datasets
import Foundation
import NeuralEngine

/// How every Linear layer of a ReLU MLP draws its weights. Each scheme is one of the engine's `Initializer`s; the
/// broken He is the engine's `.normal(standardDeviation:)` with σ = √(1/fan_in) computed per layer.
enum WeightScheme: String, CaseIterable, Sendable {
    /// CS231n's "Xavier", w = randn(n)/√n: the engine's LeCun normal N(0, 1/fan_in).
    case xavier
    /// He/Kaiming normal N(0, 2/fan_in) (He et al. 2015, eq. 10).
    case he
    /// The negative control: He's formula with its factor 2 dropped, N(0, 1/fan_in).
    case heWithoutFactor2

    /// The name used in figures and tables.
    var label: String {
        switch self {
        case .xavier: "Xavier N(0, 1/fan_in)"
        case .he: "He N(0, 2/fan_in)"
        case .heWithoutFactor2: "\"He\" without the factor 2, N(0, 1/fan_in)"
        }
    }

    /// The initializer of a fan_in × fan_out layer.
    func initializer(fanIn: Int) -> Initializer {
        switch self {
        case .xavier: .lecunNormal
        case .he: .heNormal
        case .heWithoutFactor2: .normal(standardDeviation: (1 / Double(fanIn)).squareRoot())
        }
    }

    /// sizes[0] → … → sizes.last with ReLU after every hidden Linear layer (biases 0), weights by this scheme.
    func reluMLP(sizes: [Int], using rng: inout SeededGenerator) -> Sequential<Float> {
        var layers: [any Layer<Float>] = []
        for i in 0..<sizes.count - 1 {
            layers.append(Linear<Float>(sizes[i], sizes[i + 1], initializer: initializer(fanIn: sizes[i]), using: &rng))
            if i < sizes.count - 2 { layers.append(Activation<Float>(.relu)) }
        }
        return Sequential(layers)
    }
}

/// The forward signal at initialisation through `depth` ReLU layers of `width` (the CS231n lecture's 10 × 500 net,
/// here fed Fashion-MNIST images): the second moment E[h_l²] of each hidden layer's output on one batch.
///
/// He et al. (2015, §2.2): for ReLU, E[h_l²] = ½·fan_in·Var[w_l]·E[h_{l−1}²], so log₂E[h_l²] falls by exactly 1 per
/// layer when fan_in·Var[w] = 1 (Xavier) and stays flat when fan_in·Var[w] = 2 (He).
struct SignalPropagation: Sendable {
    /// E[h_l²] of hidden layers l = 1…depth (mean of the squared ReLU outputs over the batch and the units).
    let secondMoments: [Double]
    /// E[x²] of the input batch (h_0 = x).
    let inputSecondMoment: Double

    init(scheme: WeightScheme, depth: Int, width: Int, batch: Tensor<Float>, using rng: inout SeededGenerator) {
        let sizes = [batch.columns] + Array(repeating: width, count: depth) + [10]
        let network = scheme.reluMLP(sizes: sizes, using: &rng)
        _ = network.forward(batch, phase: .evaluation)
        inputSecondMoment = batch.squaredSum() / Double(batch.count)
        secondMoments = network.outputs.enumerated()
            .filter { network.layers[$0.offset] is Activation<Float> }
            .map { $0.element.squaredSum() / Double($0.element.count) }
    }

    /// log₂E[h_l²] for l = 1…depth.
    var log2SecondMoments: [Double] { secondMoments.map { Foundation.log2($0) } }

    /// The least-squares slope of log₂E[h_l²] against l: −1 means the second moment halves at every layer.
    var slope: Double { Self.leastSquaresSlope(log2SecondMoments) }

    /// The slope of the least-squares line through (1, y₁), (2, y₂), ….
    static func leastSquaresSlope(_ y: [Double]) -> Double {
        let n = Double(y.count)
        let xs = y.indices.map { Double($0 + 1) }
        let xMean = xs.reduce(0, +) / n, yMean = y.reduce(0, +) / n
        let covariance = zip(xs, y).reduce(0) { $0 + ($1.0 - xMean) * ($1.1 - yMean) }
        let variance = xs.reduce(0) { $0 + ($1 - xMean) * ($1 - xMean) }
        return covariance / variance
    }
}

/// He et al. (2015) Fig. 3 in small: a `depth` × `width` ReLU MLP trained by SGD with momentum on Fashion-MNIST,
/// recording the batch loss and ‖∂L/∂W₁‖ (the first layer's weight gradient) at every step. A run whose loss or
/// first-layer gradient is no longer finite is stopped and recorded as diverged.
struct DeepTraining: Sendable {
    /// Batch loss before each update, steps 1…n (n < `steps` when the run diverged).
    let losses: [Double]
    /// ‖∂L/∂W₁‖ at each step, the same steps as `losses`.
    let firstLayerGradientNorms: [Double]
    /// Whether the loss or ‖∂L/∂W₁‖ became NaN or infinite (the run then stopped).
    let diverged: Bool
    /// Steps the run was meant to take.
    let steps: Int

    /// How many final steps `finalLoss` averages over.
    static let finalWindow = 50

    init(scheme: WeightScheme, depth: Int, width: Int, learningRate: Double, momentum: Double, steps: Int,
         batchSize: Int, data: LabeledDataset<Float>, using rng: inout SeededGenerator) {
        let sizes = [data.featureCount] + Array(repeating: width, count: depth) + [data.classCount]
        var weights = rng.split()
        let network = scheme.reluMLP(sizes: sizes, using: &weights)
        let firstLayer = network.layers[0] as! Linear<Float>
        let optimizer = Momentum<Float>(learningRate: learningRate, momentum: momentum)
        var losses: [Double] = [], gradients: [Double] = []
        var diverged = false
        training: while losses.count < steps {
            for batch in data.batches(size: batchSize, dropLast: true, using: &rng) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                // ReLU maps NaN to 0, so a first layer gone NaN can leave the loss finite: check its gradient too.
                let gradient = firstLayer.weight.gradient.norm()
                guard loss.isFinite && gradient.isFinite else {
                    diverged = true
                    break training
                }
                losses.append(loss)
                gradients.append(gradient)
                if losses.count == steps { break training }
            }
        }
        self.losses = losses
        self.firstLayerGradientNorms = gradients
        self.diverged = diverged
        self.steps = steps
    }

    /// Mean batch loss over the last `finalWindow` steps; NaN when the run diverged.
    var finalLoss: Double {
        diverged ? .nan : losses.suffix(Self.finalWindow).reduce(0, +) / Double(min(losses.count, Self.finalWindow))
    }

    /// Mean ‖∂L/∂W₁‖ over the last `finalWindow` steps; NaN when the run diverged.
    var finalFirstLayerGradientNorm: Double {
        diverged ? .nan : firstLayerGradientNorms.suffix(Self.finalWindow).reduce(0, +)
            / Double(min(firstLayerGradientNorms.count, Self.finalWindow))
    }

    /// `values` averaged over consecutive windows of `window` steps: (the window's last step, its mean).
    static func windowed(_ values: [Double], window: Int) -> [(step: Int, value: Double)] {
        stride(from: 0, to: values.count - window + 1, by: window).map { start in
            (start + window, values[start..<start + window].reduce(0, +) / Double(window))
        }
    }
}
