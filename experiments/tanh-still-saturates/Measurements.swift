import ClaimKit
import Foundation
import NeuralEngine

/// The nets probed: tanh (the claim), sigmoid (for comparison), tanh behind a layer norm (the negative control).
enum ProbeArm: String, CaseIterable, Sendable {
    case tanh = "tanh"
    case sigmoid = "sigmoid"
    case layerNormTanh = "layer norm + tanh (control)"

    var function: Activation<Float>.Function { self == .sigmoid ? .sigmoid : .tanh }
    var colour: Arm { self == .tanh ? .tanh : self == .sigmoid ? .sigmoid : .control }
}

/// The lecture's two weight scales: W = 1.0·randn and "Xavier" W = randn/√fan_in (the engine's LeCun normal).
enum WeightScale: String, CaseIterable, Sendable {
    case large = "W ~ N(0, 1)"
    case xavier = "Xavier, W ~ N(0, 1/fan_in)"

    var initializer: Initializer { self == .large ? .normal(standardDeviation: 1) : .lecunNormal }
}

/// One net of the experiment: an activation arm at a weight scale.
struct Probe: Hashable, Sendable {
    let arm: ProbeArm
    let scale: WeightScale

    var initializer: Initializer { scale.initializer }
    static let all = ProbeArm.allCases.flatMap { arm in WeightScale.allCases.map { Probe(arm: arm, scale: $0) } }
}

/// What one layer's outputs h show: the engine's saturated fraction (σ < 0.03 or > 0.97; |tanh| > 0.97, where the
/// local derivative is below 6% of its maximum), the fraction with |tanh| > 0.99 (sigmoid: |2σ − 1| > 0.99), the mean,
/// and the mean local derivative as a fraction of its maximum (tanh′ = 1 − h², σ′/¼ = 4h(1 − h)).
struct LayerStatistics: Sendable {
    var saturated = 0.0, stronglySaturated = 0.0, mean = 0.0, derivative = 0.0

    /// An N×D input through `depth` layers h_l = f(LN(h_{l−1}·W_l)) (no LN but for the control), each W_l of D×D drawn
    /// by `initializer`, no bias: the statistics of every layer's f output.
    static func forward(_ input: Tensor<Float>, arm: ProbeArm, initializer: Initializer, depth: Int,
                        using rng: inout SeededGenerator) -> [LayerStatistics] {
        let width = input.columns
        var modules: [any Layer<Float>] = []
        for _ in 0..<depth {
            modules.append(Linear<Float>(width, width, initializer: initializer, using: &rng))
            if arm == .layerNormTanh { modules.append(LayerNorm<Float>(features: width)) }
            modules.append(Activation<Float>(arm.function))
        }
        let network = Sequential(modules)
        _ = network.forward(input, phase: .evaluation)
        return network.layers.indices.filter { network.layers[$0] is Activation<Float> }.map { i in
            let h = network.outputs[i].scalars.map(Double.init), n = Double(h.count)
            // On the symmetric scale s = h for tanh, 2σ − 1 for sigmoid: saturation is |s| near 1, f′/max f′ = 1 − s².
            let s = arm.function == .tanh ? h : h.map { 2 * $0 - 1 }
            return LayerStatistics(
                saturated: ActivationStatistics(of: network.outputs[i], function: arm.function).saturatedFraction,
                stronglySaturated: Double(s.filter { abs($0) > 0.99 }.count) / n, mean: h.reduce(0, +) / n,
                derivative: s.reduce(0) { $0 + 1 - $1 * $1 } / n)
        }
    }
}
