import Foundation
import NeuralEngine

/// The backward signal through a deep MLP 784-[width]×L-10 at initialisation, with or without batch normalisation
/// between each hidden Linear layer and its activation (Ioffe & Szegedy's placement): one forward pass in the training
/// phase (batch statistics) and one backward pass of softmax cross-entropy on one batch, no update.
struct GradientFlow: Sendable {
    /// ‖∂L/∂h_l‖ for hidden layers l = 1…L, h_l = the l-th activation's output (Frobenius norm over the batch).
    let hiddenGradientNorms: [Double]

    /// Per-layer factor of the backward signal, as in sigmoid-vanishing-gradients: the geometric mean of
    /// ‖∂L/∂h_l‖/‖∂L/∂h_{l+1}‖ over the hidden layers, (‖∂L/∂h_1‖/‖∂L/∂h_L‖)^(1/(L−1)). Below 1 the gradient
    /// shrinks on its way to the input (vanishes), above 1 it grows (explodes); 1 is undiminished.
    var attenuation: Double { Foundation.pow(firstToLast, 1 / Double(hiddenGradientNorms.count - 1)) }

    /// ‖∂L/∂h_1‖ / ‖∂L/∂h_L‖: how much of the gradient at the last hidden layer reaches the first.
    var firstToLast: Double { hiddenGradientNorms[0] / hiddenGradientNorms[hiddenGradientNorms.count - 1] }

    /// Measures one network: `activation` with `initializer`, `depth` hidden layers of `width`, batch norm before
    /// every activation when `normalization` is `.batch`, weights drawn from `rng`, on the batch `(features, labels)`.
    init(activation: Activation<Float>.Function, initializer: Initializer,
         normalization: Sequential<Float>.Normalization?, depth: Int, width: Int,
         batch features: Tensor<Float>, labels: [Int], using rng: inout SeededGenerator) {
        let sizes = [features.columns] + Array(repeating: width, count: depth) + [10]
        let network = Sequential<Float>.mlp(sizes: sizes, activation: activation, initializer: initializer,
                                            normalization: normalization, using: &rng)
        let loss = softmaxCrossEntropy(network.forward(features, phase: .training), labels: labels)
        network.backward(loss.gradient)
        // The engine records ∂L/∂(each layer's output) in `outputGradients`; its norm is exactly the probe's
        // `LayerReport.outputGradientNorm`. `layerReports()` would also sort every layer's activations for percentiles,
        // which costs 20× more than this whole measurement and is not needed here.
        hiddenGradientNorms = network.layers.indices
            .filter { network.layers[$0] is Activation<Float> }
            .map { network.outputGradients[$0].norm() }
    }
}

/// A mean-field estimate of the per-layer gain of ‖∂L/∂h‖ in a batch-normalised net at initialisation (infinitely wide
/// layers, large batch, fan_in = fan_out; cf. Yang et al. 2019): the pre-activation z of each unit is N(0, 1) after
/// batch norm, the backward pass multiplies by φ′(z), and batch norm divides by the batch standard deviation of the
/// next pre-activation, which is the weight scale times std φ(z) — so the gain is √(E[φ′(z)²] / Var[φ(z)]),
/// independent of the weight scale. For ReLU E[φ′²] = 1/2 while Var φ = 1/2 − 1/(2π), so the gain is
/// √(1/(1 − 1/π)) ≈ 1.21.
/// Computed by the midpoint rule with 20 000 cells on z ∈ [−10, 10] (Double; a kink at 0 falls on a cell boundary).
func meanFieldBatchNormGain(_ function: Activation<Double>.Function) -> Double {
    let count = 20_000, lower = -10.0, step = 20.0 / Double(count)
    var mean = 0.0, square = 0.0, derivativeSquare = 0.0
    for i in 0..<count {
        let z = lower + (Double(i) + 0.5) * step
        let weight = Foundation.exp(-z * z / 2) / (2 * Double.pi).squareRoot() * step
        let value = function.value(z), derivative = function.derivative(z)
        mean += weight * value
        square += weight * value * value
        derivativeSquare += weight * derivative * derivative
    }
    return (derivativeSquare / (square - mean * mean)).squareRoot()
}
