import ClaimKit
import Foundation
import NeuralEngine

/// The three formulas compared (all with fan_in = fan_out = n, so in + out = 2n).
enum Formula: String, CaseIterable, Sendable, Codable {
    /// The note's "Xavier normal": N(0, 3/(in+out)), i.e. variance 1.5/n for square layers.
    case note = "note: N(0, 3/(in+out))"
    /// Glorot & Bengio (2010) eq. 12: N(0, 2/(in+out)) — the engine's `xavierNormal`.
    case glorotNormal = "Glorot normal: N(0, 2/(in+out))"
    /// Glorot & Bengio (2010) eq. 16: U[±√(6/(in+out))] — the engine's `xavierUniform` (variance 2/(in+out)).
    case glorotUniform = "Glorot uniform: U[±√(6/(in+out))]"

    func initializer(fanIn: Int, fanOut: Int) -> Initializer {
        switch self {
        case .note: .normal(standardDeviation: (3 / Double(fanIn + fanOut)).squareRoot())
        case .glorotNormal: .xavierNormal
        case .glorotUniform: .xavierUniform
        }
    }

    /// Var W · (in + out) that the formula intends: 3 for the note, 2 for Glorot's two.
    var variance: Double { self == .note ? 3 : 2 }

    /// The arm's colour in every figure: the positive control (Glorot normal) in the control's black.
    var arm: Arm {
        switch self {
        case .note: .other(0)
        case .glorotNormal: .control
        case .glorotUniform: .xavier
        }
    }
}

/// Signal propagation at initialisation through a deep stack of square layers (n → n, no bias) drawn by one formula,
/// once as a linear net (h_l = h_{l−1}·W_l) and once as a tanh net (h_l = tanh(h_{l−1}·W_l)) with the same weights:
/// the per-layer activation variance going up, and the gradient going down under a random read-out
/// L = Σ G ⊙ h_depth, G ~ N(0, 1).
struct Propagation: Sendable {
    /// Var of the linear net's layer outputs, layers 1…depth (the input has variance ≈ 1).
    let linearVariances: [Double]
    /// Var of the tanh net's layer outputs, layers 1…depth.
    let tanhVariances: [Double]
    /// ‖∂L/∂h_l‖² in the linear net, layers 1…depth.
    let linearGradientSquares: [Double]
    /// ‖∂L/∂h_l‖² in the tanh net, layers 1…depth.
    let tanhGradientSquares: [Double]
    /// Var of the input, for the per-layer gain.
    let inputVariance: Double
    /// Fraction of the last tanh layer's outputs with |h| > 0.97.
    let tanhSaturation: Double
    /// Var of the first layer's weights × (in + out): 3 for the note's formula, 2 for Glorot's.
    let weightVarianceTimesFans: Double

    init(formula: Formula, input: Tensor<Float>, upstream: Tensor<Float>, depth: Int,
         using rng: inout SeededGenerator) {
        let n = input.columns
        let initializer = formula.initializer(fanIn: n, fanOut: n)
        // One set of weights for both nets: the Linear layers are shared (each net runs forward and backward in turn).
        let linears = (0..<depth).map { _ in Linear<Float>(n, n, initializer: initializer, using: &rng) }
        let linearNet = Sequential<Float>(linears)
        let tanhNet = Sequential<Float>(linears.flatMap { [$0, Activation<Float>(.tanh)] as [any Layer<Float>] })

        // Var h = E[h²] − (E h)², from the engine's specialised reductions (accumulated in Double). The probe
        // function `standardDeviation(_:)` gives the same number but runs unspecialised, ~10× slower per entry.
        func variance(_ t: Tensor<Float>) -> Double {
            let m = t.mean()
            return t.squaredSum() / Double(t.count) - m * m
        }

        _ = linearNet.forward(input, phase: .evaluation)
        linearNet.backward(upstream)
        linearVariances = linearNet.outputs.map(variance)
        linearGradientSquares = linearNet.outputGradients.map { $0.squaredSum() }

        _ = tanhNet.forward(input, phase: .evaluation)
        tanhNet.backward(upstream)
        let tanhIndices = tanhNet.layers.indices.filter { tanhNet.layers[$0] is Activation<Float> }
        tanhVariances = tanhIndices.map { variance(tanhNet.outputs[$0]) }
        tanhGradientSquares = tanhIndices.map { tanhNet.outputGradients[$0].squaredSum() }
        tanhSaturation = ActivationStatistics(of: tanhNet.outputs[tanhIndices.last!], function: .tanh).saturatedFraction

        inputVariance = variance(input)
        weightVarianceTimesFans = variance(linears[0].weight.value) * Double(2 * n)
    }

    /// Geometric-mean growth of the activation variance per layer in the linear net: (Var h_depth / Var x)^(1/depth).
    var forwardGain: Double {
        Foundation.pow(linearVariances.last! / inputVariance, 1 / Double(linearVariances.count))
    }

    /// Geometric-mean growth of ‖∂L/∂h_l‖² per layer going down in the linear net:
    /// (‖∂L/∂h_1‖² / ‖∂L/∂h_depth‖²)^(1/(depth−1)).
    var backwardGain: Double {
        let g = linearGradientSquares
        return Foundation.pow(g[0] / g[g.count - 1], 1 / Double(g.count - 1))
    }

    /// The same backward gain in the tanh net.
    var tanhBackwardGain: Double {
        let g = tanhGradientSquares
        return Foundation.pow(g[0] / g[g.count - 1], 1 / Double(g.count - 1))
    }
}
