import Datasets
import Foundation
import NeuralEngine

/// The three weight scales of the lecture's experiment (CS231n Lecture 6, "Weight initialization"): W = 0.01·randn,
/// W = 1.0·randn, and "Xavier" W = randn/√fan_in (the engine's LeCun normal, as the current CS231n notes write it).
enum InitScale: String, CaseIterable, Sendable {
    case small = "std 0.01"
    case large = "std 1.0"
    case xavier = "Xavier 1/√fan_in"

    var initializer: Initializer {
        switch self {
        case .small: .normal(standardDeviation: 0.01)
        case .large: .normal(standardDeviation: 1.0)
        case .xavier: .lecunNormal
        }
    }

    /// Short name for metric keys.
    var key: String {
        switch self {
        case .small: "small"
        case .large: "large"
        case .xavier: "xavier"
        }
    }

    /// House palette slot, the same in every figure.
    var slot: Int {
        switch self {
        case .small: 0
        case .large: 3
        case .xavier: 2
        }
    }
}

/// The lecture's forward experiment: an N×D input of N(0, 1) entries through `depth` layers h_l = tanh(h_{l−1}·W_l),
/// each W_l of D×D drawn by `initializer` (no bias: b = 0 and never used for anything else), probed per layer with the
/// engine's `ActivationStatistics` (mean, std, |h| > 0.97 saturation, histogram over [−1, 1]). Then one backward
/// pass of a random read-out L = Σ G ⊙ h_depth with G ~ N(0, 1) (so ∂L/∂h_depth = G), for the gradient per layer.
struct DeepTanhProbe: Sendable {
    /// Statistics of each tanh layer's output, layers 1…depth.
    let layers: [ActivationStatistics]
    /// ‖∂L/∂W_l‖, layers 1…depth.
    let weightGradientNorms: [Double]
    /// ‖∂L/∂h_l‖, layers 1…depth.
    let hiddenGradientNorms: [Double]

    static let histogramBins = 40

    init(initializer: Initializer, input: Tensor<Float>, depth: Int, upstream: Tensor<Float>,
         using rng: inout SeededGenerator) {
        let width = input.columns
        var modules: [any Layer<Float>] = []
        for _ in 0..<depth {
            modules.append(Linear<Float>(width, width, initializer: initializer, using: &rng))
            modules.append(Activation<Float>(.tanh))
        }
        let network = Sequential(modules)
        _ = network.forward(input, phase: .evaluation)
        network.backward(upstream)
        let tanhIndices = network.layers.indices.filter { network.layers[$0] is Activation<Float> }
        layers = tanhIndices.map {
            ActivationStatistics(of: network.outputs[$0], function: .tanh, histogramBins: Self.histogramBins,
                                 histogramRange: -1...1)
        }
        // The two norms `layerReports()` would give, without its statistics of all 2·depth outputs again.
        hiddenGradientNorms = tanhIndices.map { network.outputGradients[$0].norm() }
        weightGradientNorms = network.layers.compactMap { ($0 as? Linear<Float>)?.weight.gradient.norm() }
    }

    /// Activation std of layer l (1-based).
    func standardDeviation(layer l: Int) -> Double { layers[l - 1].standardDeviation }
    /// The smallest |h| > 0.97 fraction over the layers: every layer is at least this saturated.
    var minimumSaturation: Double { layers.map(\.saturatedFraction).min()! }
    /// Per-layer growth of ‖∂L/∂h_l‖ going down: (‖∂L/∂h_1‖/‖∂L/∂h_depth‖)^(1/(depth−1)).
    var backwardGainPerLayer: Double {
        let n = hiddenGradientNorms.count
        return Foundation.pow(hiddenGradientNorms[0] / hiddenGradientNorms[n - 1], 1 / Double(n - 1))
    }
    /// max/min of ‖∂L/∂W_l‖ over the layers: 1 when every layer gets the same.
    var weightGradientSpread: Double { weightGradientNorms.max()! / weightGradientNorms.min()! }
}

/// The training part: a 784-[width]×depth-10 tanh MLP whose hidden layers are drawn by `initializer` and whose output layer
/// is always LeCun N(0, 1/fan_in) (so the comparison is about the hidden layers only, and a large hidden init does not
/// also blow up the logits), trained by plain SGD with softmax cross-entropy.
struct TrainingRun: Sendable {
    /// Steps at which `losses` were recorded (0 = the probe loss at initialisation).
    let steps: [Int]
    /// Mean training loss over the steps since the previous record (step 0: the probe set's loss); NaN after divergence.
    let losses: [Double]
    /// Cross-entropy on the fixed probe set after the last step (NaN when the run diverged).
    let finalProbeLoss: Double
    /// Whether a training loss became NaN or ∞ (the run was stopped there).
    let diverged: Bool
    /// ‖∂L/∂W_l‖ for the Linear layers l = 1…depth+1 at initialisation, on the first mini-batch.
    let initialWeightGradientNorms: [Double]
    /// ‖∂L/∂h_l‖ for the hidden tanh outputs l = 1…depth at initialisation, on the first mini-batch.
    let initialHiddenGradientNorms: [Double]

    init(initializer: Initializer, depth: Int, width: Int, training: LabeledDataset<Float>, probe: LabeledDataset<Float>,
         steps totalSteps: Int, batchSize: Int, learningRate: Double, recordInterval: Int,
         using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: width, count: depth) + [training.classCount]
        var modules: [any Layer<Float>] = []
        for i in 0..<sizes.count - 1 {
            let isOutput = i == sizes.count - 2
            modules.append(Linear<Float>(sizes[i], sizes[i + 1], initializer: isOutput ? .lecunNormal : initializer,
                                         using: &rng))
            if !isOutput { modules.append(Activation<Float>(.tanh)) }
        }
        let network = Sequential(modules)
        let optimizer = SGD<Float>(learningRate: learningRate)

        var steps = [0]
        var losses = [softmaxCrossEntropy(network.forward(probe.features, phase: .evaluation), labels: probe.labels).value]
        var weightNorms: [Double] = [], hiddenNorms: [Double] = []
        var step = 0, lossSum = 0.0, lossCount = 0, diverged = false
        training: while step < totalSteps {
            for batch in training.batches(size: batchSize, dropLast: true, using: &rng) {
                if step == 0 {
                    // Gradients at initialisation, before any update, from the engine's probes.
                    let loss = softmaxCrossEntropy(network.forward(batch.features, phase: .training), labels: batch.labels)
                    network.backward(loss.gradient)
                    let reports = network.layerReports()
                    weightNorms = reports.compactMap(\.weightGradientNorm)
                    hiddenNorms = reports.filter { network.layers[$0.index] is Activation<Float> }
                        .map(\.outputGradientNorm)
                }
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                step += 1
                guard loss.isFinite else {
                    diverged = true
                    steps.append(step)
                    losses.append(.nan)
                    break training
                }
                lossSum += loss
                lossCount += 1
                if step % recordInterval == 0 || step == totalSteps {
                    steps.append(step)
                    losses.append(lossSum / Double(lossCount))
                    lossSum = 0
                    lossCount = 0
                }
                if step == totalSteps { break training }
            }
        }
        self.steps = steps
        self.losses = losses
        self.diverged = diverged
        finalProbeLoss = diverged ? .nan
            : softmaxCrossEntropy(network.forward(probe.features, phase: .evaluation), labels: probe.labels).value
        initialWeightGradientNorms = weightNorms
        initialHiddenGradientNorms = hiddenNorms
    }

    /// Per-layer growth of the backward signal towards the input at initialisation:
    /// (‖∂L/∂h_1‖/‖∂L/∂h_depth‖)^(1/(depth−1)). Above 1 the gradient grows layer by layer going down (explodes).
    var backwardGainPerLayer: Double {
        let n = initialHiddenGradientNorms.count
        return Foundation.pow(initialHiddenGradientNorms[0] / initialHiddenGradientNorms[n - 1], 1 / Double(n - 1))
    }

    /// max/min of ‖∂L/∂W_l‖ over the hidden layers at initialisation: 1 when every hidden layer gets the same.
    var hiddenWeightGradientSpread: Double {
        let hidden = initialWeightGradientNorms.dropLast()
        return hidden.max()! / hidden.min()!
    }
}
