import ClaimKit
import Foundation
import NeuralEngine

/// The nets probed: tanh (the claim), sigmoid (for comparison), softsign (the negative control: zero-centred and
/// bounded like tanh, but its tails approach ±1 only polynomially).
enum ProbeArm: String, CaseIterable, Sendable, Codable {
    case tanh = "tanh"
    case sigmoid = "sigmoid"
    case softsign = "softsign x/(1+|x|) (control)"

    var colour: Arm { self == .tanh ? .tanh : self == .sigmoid ? .sigmoid : .control }

    /// The arm's nonlinearity as a layer.
    func layer() -> any Layer<Float> {
        switch self {
        case .tanh: Activation<Float>(.tanh)
        case .sigmoid: Activation<Float>(.sigmoid)
        case .softsign: Softsign<Float>()
        }
    }

    /// The engine's saturation convention for the output h: σ < 0.03 or > 0.97 for sigmoid; |h| > 0.97 for tanh and,
    /// with the very same cut, for softsign.
    var saturation: Activation<Float>.Function { self == .sigmoid ? .sigmoid : .tanh }
}

/// softsign(x) = x/(1 + |x|) (Bergstra et al. 2009; Glorot & Bengio 2010), softsign′(x) = 1/(1 + |x|)² = (1 − |y|)².
/// A local layer: the engine has no softsign. Its backward pass is gradient-checked in the experiment's test.
final class Softsign<Scalar: EngineScalar>: Layer {
    private var input: Tensor<Scalar>?
    var description: String { "Softsign()" }

    func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        self.input = input
        return Tensor(rows: input.rows, columns: input.columns, scalars: input.scalars.map { $0 / (1 + abs($0)) })
    }

    func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let x = requireInput()
        precondition(outputGradient.rows == x.rows && outputGradient.columns == x.columns, "Softsign.backward: shape")
        return Tensor(rows: x.rows, columns: x.columns, scalars: zip(outputGradient.scalars, x.scalars).map { dy, x in
            dy / ((1 + abs(x)) * (1 + abs(x)))
        })
    }

    private func requireInput() -> Tensor<Scalar> {
        guard let input else { preconditionFailure("Softsign.backward called before forward") }
        return input
    }
}

/// The lecture's two weight scales: W = 1.0·randn and "Xavier" W = randn/√fan_in (the engine's LeCun normal).
enum WeightScale: String, CaseIterable, Sendable, Codable {
    case large = "W ~ N(0, 1)"
    case xavier = "Xavier, W ~ N(0, 1/fan_in)"

    var initializer: Initializer { self == .large ? .normal(standardDeviation: 1) : .lecunNormal }
}

/// One net of the experiment: an activation arm at a weight scale.
struct Probe: Hashable, Sendable, Codable {
    let arm: ProbeArm
    let scale: WeightScale

    var initializer: Initializer { scale.initializer }
    static let all = ProbeArm.allCases.flatMap { arm in WeightScale.allCases.map { Probe(arm: arm, scale: $0) } }
}

/// What one layer's outputs h show: the engine's saturated fraction (σ < 0.03 or > 0.97; |h| > 0.97 for tanh and
/// softsign), the fraction with |tanh| > 0.99 (sigmoid: |2σ − 1| > 0.99; softsign: |h| > 0.99), the mean, and the mean
/// local derivative as a fraction of its maximum (tanh′ = 1 − h², σ′/¼ = 4h(1 − h), softsign′ = (1 − |h|)²).
struct LayerStatistics: Sendable, Codable {
    var saturated = 0.0, stronglySaturated = 0.0, mean = 0.0, derivative = 0.0
    var absoluteMean: Double { abs(mean) }

    /// An N×D input through `depth` layers h_l = f(h_{l−1}·W_l), each W_l of D×D drawn by `initializer`, no bias: the
    /// statistics of every layer's f output.
    static func forward(_ input: Tensor<Float>, arm: ProbeArm, initializer: Initializer, depth: Int,
                        using rng: inout SeededGenerator) -> [LayerStatistics] {
        let width = input.columns
        let network = Sequential((0..<depth).flatMap { _ -> [any Layer<Float>] in
            [Linear<Float>(width, width, initializer: initializer, using: &rng), arm.layer()]
        })
        _ = network.forward(input, phase: .evaluation)
        return network.layers.indices.filter { !(network.layers[$0] is Linear<Float>) }.map { i in
            let h = network.outputs[i].scalars.map(Double.init), n = Double(h.count)
            // On the symmetric scale s = h (tanh, softsign), 2σ − 1 (sigmoid): saturation is |s| near 1.
            let s = arm == .sigmoid ? h.map { 2 * $0 - 1 } : h
            func relativeDerivative(_ s: Double) -> Double {
                arm == .softsign ? (1 - abs(s)) * (1 - abs(s)) : 1 - s * s
            }
            return LayerStatistics(
                saturated: ActivationStatistics(of: network.outputs[i], function: arm.saturation).saturatedFraction,
                stronglySaturated: Double(s.filter { abs($0) > 0.99 }.count) / n, mean: h.reduce(0, +) / n,
                derivative: s.reduce(0) { $0 + relativeDerivative($1) } / n)
        }
    }
}
