import Datasets
import NeuralEngine

/// Gradient flow at initialisation through a deep MLP 784-[256]×L-10 (CLAIMS.md A1): one forward and backward pass
/// of softmax cross-entropy on one batch, no update.
struct GradientFlow: Sendable {
    /// ‖∂L/∂h_l‖ for hidden layers l = 1…L (h_l = the l-th activation's output).
    let hiddenGradientNorms: [Double]
    /// ‖∂L/∂W_l‖ for Linear layers l = 1…L+1 (the last is the output layer).
    let weightGradientNorms: [Double]
    /// Mean activation of each hidden layer.
    let hiddenMeans: [Double]

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

    /// Measures one network: `activation` with `initializer` at `depth` hidden layers of `width`, weights drawn from
    /// `rng`, on the batch `(features, labels)`.
    init(activation: Activation<Float>.Function, initializer: Initializer, depth: Int, width: Int = 256,
         batch features: Tensor<Float>, labels: [Int], using rng: inout SeededGenerator) {
        let sizes = [features.columns] + Array(repeating: width, count: depth) + [10]
        let network = Sequential<Float>.mlp(sizes: sizes, activation: activation, initializer: initializer, using: &rng)
        let loss = softmaxCrossEntropy(network.forward(features, phase: .training), labels: labels)
        network.backward(loss.gradient)
        let reports = network.layerReports()
        let hidden = reports.filter { network.layers[$0.index] is Activation<Float> }
        hiddenGradientNorms = hidden.map(\.outputGradientNorm)
        hiddenMeans = hidden.map(\.output.mean)
        weightGradientNorms = reports.compactMap(\.weightGradientNorm)
    }
}

/// Glorot & Bengio (2010) Fig. 2 in small: a 784-[128]×5-10 sigmoid net with the "standard" initialisation
/// W ~ U[−1/√fan_in, 1/√fan_in], trained by plain SGD; every `probeInterval` steps the mean activation of each hidden
/// layer on a fixed probe batch (evaluation phase) and the mean training loss since the last probe.
struct TrainingDynamics: Sendable {
    /// Steps at which the probes were taken (0 = at initialisation).
    let steps: [Int]
    /// `layerMeans[l][k]`: mean activation of hidden layer l+1 at `steps[k]`.
    let layerMeans: [[Double]]
    /// Mean training loss over the steps before each probe (the loss on the probe batch at step 0).
    let losses: [Double]

    static let depth = 5
    static let width = 128

    init(training: LabeledDataset<Float>, probe: Tensor<Float>, probeLabels: [Int], steps totalSteps: Int,
         probeInterval: Int, learningRate: Double, batchSize: Int, using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: Self.width, count: Self.depth) + [10]
        var layers: [any Layer<Float>] = []
        for i in 0..<sizes.count - 1 {
            let limit = 1 / Double(sizes[i]).squareRoot()
            layers.append(Linear<Float>(sizes[i], sizes[i + 1], initializer: .uniform(limit: limit), using: &rng))
            if i < sizes.count - 2 { layers.append(Activation<Float>(.sigmoid)) }
        }
        let network = Sequential(layers)
        let optimizer = SGD<Float>(learningRate: learningRate)

        func probeMeans() -> (means: [Double], loss: Double) {
            let scores = network.forward(probe, phase: .evaluation)
            let means = network.outputs.enumerated()
                .filter { network.layers[$0.offset] is Activation<Float> }
                .map { $0.element.mean() }
            return (means, softmaxCrossEntropy(scores, labels: probeLabels).value)
        }

        var steps = [0], losses: [Double] = []
        let initial = probeMeans()
        var layerMeans = initial.means.map { [$0] }
        losses.append(initial.loss)
        var step = 0, lossSum = 0.0, lossCount = 0
        training: while step < totalSteps {
            for batch in training.batches(size: batchSize, dropLast: true, using: &rng) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                step += 1
                lossSum += loss
                lossCount += 1
                if step % probeInterval == 0 {
                    let probed = probeMeans()
                    steps.append(step)
                    for l in probed.means.indices { layerMeans[l].append(probed.means[l]) }
                    losses.append(lossSum / Double(lossCount))
                    lossSum = 0
                    lossCount = 0
                }
                if step == totalSteps { break training }
            }
        }
        self.steps = steps
        self.layerMeans = layerMeans
        self.losses = losses
    }

    /// The probe value closest to `step` (the probes are every `probeInterval` steps).
    func index(atStep step: Int) -> Int {
        steps.indices.min { abs(steps[$0] - step) < abs(steps[$1] - step) }!
    }
}

import Foundation
