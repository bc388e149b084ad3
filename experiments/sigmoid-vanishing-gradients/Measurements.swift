import Datasets
import Foundation
import NeuralEngine

/// Gradient flow at initialisation through a deep MLP 784-[256]×L-10 (CLAIMS.md A1): one forward and backward pass
/// of softmax cross-entropy on one batch, no update.
struct GradientFlow: Sendable {
    /// ‖∂L/∂h_l‖ for hidden layers l = 1…L (h_l = the l-th activation's output).
    let hiddenGradientNorms: [Double]
    /// ‖∂L/∂W_l‖ for Linear layers l = 1…L+1 (the last is the output layer).
    let weightGradientNorms: [Double]

    /// Per-layer attenuation of the backward signal: the geometric mean of ‖∂L/∂h_l‖/‖∂L/∂h_{l+1}‖ over the hidden
    /// layers, (‖∂L/∂h_1‖/‖∂L/∂h_L‖)^(1/(L−1)). 1 means the gradient reaches the first layer undiminished.
    var attenuation: Double {
        let depth = hiddenGradientNorms.count
        return Foundation.pow(hiddenGradientNorms[0] / hiddenGradientNorms[depth - 1], 1 / Double(depth - 1))
    }

    /// ‖∂L/∂W_1‖ / ‖∂L/∂W_L‖: how much less the first hidden layer's weights learn than the last hidden layer's.
    var firstToLastWeightGradient: Double {
        weightGradientNorms[0] / weightGradientNorms[weightGradientNorms.count - 2]
    }

    /// Measures one network: `depth` hidden layers of `width`, each Linear (weights from `initializer`) followed by
    /// `activation()`, on the batch `(features, labels)`.
    init(activation: () -> any Layer<Float>, initializer: Initializer, depth: Int, width: Int = 256,
         batch features: Tensor<Float>, labels: [Int], using rng: inout SeededGenerator) {
        let network = Sequential<Float>.mlp(sizes: [features.columns] + Array(repeating: width, count: depth) + [10],
                                            initializer: initializer, using: &rng) { [activation()] }
        let loss = softmaxCrossEntropy(network.forward(features, phase: .training), labels: labels)
        network.backward(loss.gradient)
        let reports = network.layerReports()
        hiddenGradientNorms = reports.filter { !(network.layers[$0.index] is Linear<Float>) }.map(\.outputGradientNorm)
        weightGradientNorms = reports.compactMap(\.weightGradientNorm)
    }
}

/// Glorot & Bengio (2010) Fig. 2 in small: a 784-[128]×5-10 sigmoid net with the "standard" initialisation
/// W ~ U[−1/√fan_in, 1/√fan_in], trained by plain SGD; every `probeInterval` steps, on a fixed probe batch
/// (evaluation phase): each hidden layer's mean activation, the mean training loss since the last probe, and each
/// Linear layer's relative weight change ‖W_l(t) − W_l(0)‖/‖W_l(0)‖.
struct TrainingDynamics: Sendable, Codable {
    /// Steps at which the probes were taken (0 = at initialisation).
    var steps: [Int] = []
    /// `layerMeans[l][k]`: mean activation of hidden layer l+1 at `steps[k]`.
    var layerMeans: [[Double]] = []
    /// Mean training loss over the steps before each probe (the loss on the probe batch at step 0).
    var losses: [Double] = []
    /// `relativeChange[l][k]`: ‖W_{l+1}(steps[k]) − W_{l+1}(0)‖/‖W_{l+1}(0)‖ for Linear layers 1…6 (6 = output).
    var relativeChange: [[Double]] = []

    static let depth = 5
    static let width = 128

    init() {}

    init(training: LabeledDataset<Float>, probe: LabeledDataset<Float>, settings: SigmoidVanishingGradients.Settings,
         using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: Self.width, count: Self.depth) + [10]
        var layers: [any Layer<Float>] = []
        for i in 0..<sizes.count - 1 {
            let limit = 1 / Double(sizes[i]).squareRoot()
            layers.append(Linear<Float>(sizes[i], sizes[i + 1], initializer: .uniform(limit: limit), using: &rng))
            if i < sizes.count - 2 { layers.append(Activation<Float>(.sigmoid)) }
        }
        let network = Sequential(layers)
        let weights = network.layers.compactMap { ($0 as? Linear<Float>)?.weight }
        let initialWeights = weights.map(\.value)

        func record(step: Int, loss: Double?) {
            let scores = network.forward(probe.features, phase: .evaluation)
            let means = network.outputs.enumerated().filter { network.layers[$0.offset] is Activation<Float> }
                .map { $0.element.mean() }
            let changes = weights.indices.map { (weights[$0].value - initialWeights[$0]).norm() / initialWeights[$0].norm() }
            layerMeans = layerMeans.isEmpty ? means.map { [$0] } : zip(layerMeans, means).map { $0 + [$1] }
            relativeChange = relativeChange.isEmpty ? changes.map { [$0] } : zip(relativeChange, changes).map { $0 + [$1] }
            steps.append(step)
            losses.append(loss ?? softmaxCrossEntropy(scores, labels: probe.labels).value)
        }

        record(step: 0, loss: nil)
        var lossSum = 0.0
        network.train(on: training, steps: settings.dynamicsSteps, batchSize: settings.dynamicsBatch,
                      optimizer: SGD<Float>(learningRate: settings.learningRate), using: &rng) { step, loss in
            lossSum += loss
            if step % settings.probeInterval == 0 {
                record(step: step, loss: lossSum / Double(settings.probeInterval))
                lossSum = 0
            }
        }
    }
}
