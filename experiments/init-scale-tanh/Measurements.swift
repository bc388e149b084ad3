import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// The three weight scales of the lecture's experiment (CS231n Lecture 6, "Weight initialization"): W = 0.01·randn,
/// W = 1.0·randn, and "Xavier" W = randn/√fan_in (the engine's LeCun normal, as the current CS231n notes write it).
enum InitScale: String, CaseIterable, Sendable, Codable {
    case small = "std 0.01"
    case large = "std 1.0"
    case xavier = "Xavier 1/√fan_in"

    var initializer: Initializer { self == .xavier ? .lecunNormal : .normal(standardDeviation: self == .small ? 0.01 : 1) }
    /// The arm's colour in every figure.
    var arm: Arm { self == .small ? .other(0) : self == .large ? .other(5) : .xavier }
}

/// The negative control's mutation: a layer normalisation (Ba et al. 2016, γ = 1, β = 0 at the start) between every
/// hidden Linear layer and its tanh, which takes the weight scale out of the pre-activations and leaves the weights,
/// the inputs and the measurement unchanged.
func hiddenLayer(_ linear: Linear<Float>, normalized: Bool) -> [any Layer<Float>] {
    normalized ? [linear, LayerNorm<Float>(features: linear.outputSize), Activation<Float>(.tanh)]
               : [linear, Activation<Float>(.tanh)]
}

/// The lecture's forward experiment: an N×D input of N(0, 1) entries through `depth` layers h_l = tanh(h_{l−1}·W_l),
/// each W_l of D×D drawn by `initializer` (no bias; a layer norm before each tanh when `normalized`), probed per layer
/// with the engine's `ActivationStatistics` (mean, std, |h| > 0.97 saturation, histogram over [−1, 1]). Then one backward
/// pass of a random read-out L = Σ G ⊙ h_depth with G ~ N(0, 1) (so ∂L/∂h_depth = G), for the gradient per layer.
struct DeepTanhProbe: Sendable {
    /// Statistics of each tanh layer's output, layers 1…depth.
    let layers: [ActivationStatistics]
    /// ‖∂L/∂W_l‖, layers 1…depth.
    let weightGradientNorms: [Double]
    /// ‖∂L/∂h_l‖, layers 1…depth.
    let hiddenGradientNorms: [Double]

    static let histogramBins = 40

    init(initializer: Initializer, input: Tensor<Float>, depth: Int, upstream: Tensor<Float>, normalized: Bool = false,
         using rng: inout SeededGenerator) {
        let width = input.columns
        var modules: [any Layer<Float>] = []
        for _ in 0..<depth {
            modules += hiddenLayer(Linear<Float>(width, width, initializer: initializer, using: &rng), normalized: normalized)
        }
        let network = Sequential(modules)
        _ = network.forward(input, phase: .evaluation)
        network.backward(upstream)
        let tanhIndices = network.layers.indices.filter { network.layers[$0] is Activation<Float> }
        layers = tanhIndices.map {
            ActivationStatistics(of: network.outputs[$0], function: .tanh, histogramBins: Self.histogramBins,
                                 histogramRange: -1...1)
        }
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

/// The training part: a 784-[width]×depth-10 tanh MLP whose hidden layers are drawn by `initializer` (each followed by
/// a layer norm when `normalized`) and whose output layer is always LeCun N(0, 1/fan_in) (so the comparison is about
/// the hidden layers only, and a large hidden init does not also blow up the logits), trained by plain SGD with
/// softmax cross-entropy. Before training, one forward and backward pass on the first `gradientBatch` probe images
/// gives the gradients at initialisation.
struct TrainingRun: Sendable {
    /// Steps at which `losses` were recorded (0 = the probe loss at initialisation).
    var steps = [0]
    /// Mean training loss over the steps since the previous record (step 0: the probe set's loss).
    var losses: [Double] = []
    /// Cross-entropy on the fixed probe set after the last step (NaN when the run diverged).
    var finalProbeLoss = Double.nan
    /// ‖∂L/∂W_l‖ for the Linear layers l = 1…depth+1 and ‖∂L/∂h_l‖ for the tanh outputs l = 1…depth, at initialisation.
    var initialWeightGradientNorms: [Double] = []
    var initialHiddenGradientNorms: [Double] = []

    static let gradientBatch = 256

    init(initializer: Initializer, normalized: Bool = false, depth: Int, width: Int, training: LabeledDataset<Float>,
         probe: LabeledDataset<Float>, steps totalSteps: Int, batchSize: Int, learningRate: Double, recordInterval: Int,
         using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: width, count: depth)
        var modules: [any Layer<Float>] = []
        for i in 0..<depth {
            modules += hiddenLayer(Linear<Float>(sizes[i], sizes[i + 1], initializer: initializer, using: &rng),
                                   normalized: normalized)
        }
        modules.append(Linear<Float>(width, training.classCount, initializer: .lecunNormal, using: &rng))
        let network = Sequential(modules)

        let batch = probe.subset(Array(0..<Self.gradientBatch))
        network.backward(softmaxCrossEntropy(network.forward(batch.features, phase: .training), labels: batch.labels).gradient)
        let reports = network.layerReports()
        initialWeightGradientNorms = reports.compactMap(\.weightGradientNorm)
        initialHiddenGradientNorms = reports.filter { network.layers[$0.index] is Activation<Float> }.map(\.outputGradientNorm)

        func probeLoss() -> Double {
            softmaxCrossEntropy(network.forward(probe.features, phase: .evaluation), labels: probe.labels).value
        }
        losses = [probeLoss()]
        var lossSum = 0.0, lossCount = 0
        let log = network.train(on: training, steps: totalSteps, batchSize: batchSize,
                                optimizer: SGD<Float>(learningRate: learningRate), using: &rng) { step, loss in
            lossSum += loss
            lossCount += 1
            if step % recordInterval == 0 || step == totalSteps {
                steps.append(step)
                losses.append(lossSum / Double(lossCount))
                (lossSum, lossCount) = (0, 0)
            }
        }
        if !log.diverged { finalProbeLoss = probeLoss() }
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
