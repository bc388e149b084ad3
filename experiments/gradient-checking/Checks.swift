import Foundation
import NeuralEngine

/// One layer type checked in Float64 on a fresh random draw: inputs N(0, 1) (not kept away from kinks), weights
/// N(0, 1), γ ~ U[0.5, 2], β ~ N(0, 1), a random upstream gradient G; the worst relative error over ∂/∂input and
/// every parameter.
struct LayerCase: Sendable {
    typealias Settings = GradientChecking.Settings
    let name: String
    let kinked: Bool
    /// (settings, entries closer than this count as exact, the draw) → worst relative error.
    let check: @Sendable (Settings, Double, inout SeededGenerator) -> Double

    /// Checks `make()` on an N×D input of N(mean, std²) draws.
    static func layer(_ name: String, kinked: Bool = false, mean: Double = 0, std: Double = 1,
                      phase: Phase = .training,
                      _ make: @escaping @Sendable (Settings, inout SeededGenerator) -> any Layer<Double>) -> LayerCase {
        LayerCase(name: name, kinked: kinked) { s, exact, rng in
            let layer = make(s, &rng)
            let input = Tensor<Double>.normal(rows: s.batch, columns: s.features, mean: mean, standardDeviation: std,
                                              using: &rng)
            return GradientCheck.check(layer, input: input, phase: phase, step: s.step, exactBelow: exact, using: &rng)
                .worst
        }
    }

    static func activation(_ name: String, _ function: Activation<Double>.Function, kinked: Bool = false) -> LayerCase {
        layer(name, kinked: kinked, std: 2) { _, _ in Activation(function) }
    }

    /// A normalisation layer with γ ~ U[0.5, 2], β ~ N(0, 1) (parameters 0 and 1), so a backward that ignores them
    /// cannot pass.
    static func randomised<L: Layer<Double>>(_ layer: L, using rng: inout SeededGenerator) -> L {
        let (scale, shift) = (layer.parameters[0], layer.parameters[1])
        scale.value = Tensor.uniform(rows: 1, columns: scale.value.columns, lower: 0.5, upper: 2, using: &rng)
        shift.value = Tensor.normal(rows: 1, columns: shift.value.columns, using: &rng)
        return layer
    }

    /// Every layer type of the engine, and both losses.
    static let engine: [LayerCase] = [
        layer("Linear") { s, rng in
            Linear(weight: .normal(rows: s.features, columns: s.outputs, using: &rng),
                   bias: .normal(rows: 1, columns: s.outputs, using: &rng))
        },
        activation("sigmoid", .sigmoid), activation("tanh", .tanh), activation("ELU", .elu(alpha: 1)),
        activation("ReLU", .relu, kinked: true), activation("leaky ReLU", .leakyReLU(slope: 0.01), kinked: true),
        layer("PReLU", kinked: true) { s, rng in
            let layer = PReLU<Double>(units: s.features)
            layer.alpha.value = .uniform(rows: 1, columns: s.features, lower: 0.05, upper: 0.5, using: &rng)
            return layer
        },
        layer("maxout", kinked: true) { s, rng in
            let layer = Maxout<Double>(s.features, s.outputs, pieces: s.pieces,
                                       initializer: .normal(standardDeviation: 1), using: &rng)
            layer.parameters[1].value = .normal(rows: 1, columns: s.outputs * s.pieces, using: &rng)
            return layer
        },
        layer("BN train", mean: 1, std: 2) { s, rng in randomised(BatchNorm<Double>(features: s.features), using: &rng) },
        layer("BN eval", mean: 1, std: 2, phase: .evaluation) { s, rng in
            let bn = BatchNorm<Double>(features: s.features)
            for _ in 0..<3 {   // running statistics away from their initial 0 and 1
                _ = bn.forward(.normal(rows: s.batch, columns: s.features, mean: 1, standardDeviation: 2, using: &rng),
                               phase: .training)
            }
            return randomised(bn, using: &rng)
        },
        layer("LayerNorm", mean: -1, std: 3) { s, rng in randomised(LayerNorm<Double>(features: s.features), using: &rng) },
        LayerCase(name: "softmax", kinked: false) { s, exact, rng in
            let scores = Tensor<Double>.normal(rows: s.batch, columns: s.outputs, standardDeviation: 2, using: &rng)
            let labels = (0..<s.batch).map { _ in Int(rng.next() % UInt64(s.outputs)) }
            return GradientCheck.check(loss: { softmaxCrossEntropy($0, labels: labels) }, at: scores, step: s.step,
                                       exactBelow: exact)
        },
        LayerCase(name: "MSE", kinked: false) { s, exact, rng in
            let output = Tensor<Double>.normal(rows: s.batch, columns: s.outputs, using: &rng)
            let targets = Tensor<Double>.normal(rows: s.batch, columns: s.outputs, using: &rng)
            return GradientCheck.check(loss: { meanSquaredError($0, targets: targets) }, at: output, step: s.step,
                                       exactBelow: exact)
        },
        LayerCase(name: "network", kinked: false, check: checkNetwork),
    ]

    /// The deliberate bugs of CLAIMS.md, each with the engine layer type whose slot (and draw) it takes.
    typealias Check = @Sendable (Settings, Double, inout SeededGenerator) -> Double
    static let bugs: [(name: String, replaces: String, check: Check)] = [
        ("σ′=σ", "sigmoid", layer("", std: 2) { _, _ in MutatedDerivative(.sigmoid) { _, y in y } }.check),
        ("σ′ × 0.9", "sigmoid",
         layer("", std: 2) { _, _ in MutatedDerivative(.sigmoid) { _, y in 0.9 * y * (1 - y) } }.check),
        ("tanh′=1−a", "tanh", layer("", std: 2) { _, _ in MutatedDerivative(.tanh) { _, y in 1 - y } }.check),
        ("BN no mean", "BN train", layer("", mean: 1, std: 2) { s, rng in
            randomised(BatchNormWithoutMeanTerm(features: s.features), using: &rng)
        }.check),
    ]

    /// Linear → BatchNorm → tanh → Linear → softmax cross-entropy, through `Sequential.backward`. The first Linear's
    /// bias is followed by BatchNorm, so its gradient is exactly 0 on both sides (exact under the 1e-9 rule).
    static func checkNetwork(_ s: Settings, exactBelow: Double, using rng: inout SeededGenerator) -> Double {
        let first = Linear<Double>(weight: .normal(rows: s.features, columns: s.hidden, using: &rng),
                                   bias: .normal(rows: 1, columns: s.hidden, using: &rng))
        let norm = randomised(BatchNorm<Double>(features: s.hidden), using: &rng)
        let last = Linear<Double>(weight: .normal(rows: s.hidden, columns: s.outputs, using: &rng),
                                  bias: .normal(rows: 1, columns: s.outputs, using: &rng))
        let input = Tensor<Double>.normal(rows: s.batch, columns: s.features, using: &rng)
        let labels = (0..<s.batch).map { _ in Int(rng.next() % UInt64(s.outputs)) }
        return GradientCheck.check(Sequential([first, norm, Activation(.tanh), last]), input: input, labels: labels,
                                   step: s.step, exactBelow: exactBelow).worst
    }

    /// tanh's input gradient checked at every step h of `s.sweep`, in Float64 and in Float32 on the same draw.
    static func precisionSweep(_ s: Settings, using rng: inout SeededGenerator) -> (float64: [Double], float32: [Double]) {
        let input = Tensor<Double>.normal(rows: s.batch, columns: s.features, using: &rng)
        let seed = rng.next()
        func sweep<Scalar: EngineScalar>(_: Scalar.Type) -> [Double] {
            s.sweep.map { h in
                var upstream = SeededGenerator(seed: seed)
                return GradientCheck.check(Activation<Scalar>(.tanh), input: input.converted(to: Scalar.self), step: h,
                                           exactBelow: 0, using: &upstream).worst
            }
        }
        return (sweep(Double.self), sweep(Float.self))
    }
}

/// Batch normalisation (training mode) whose backward forgets the −mean_n(g) term, g = γ ⊙ ∂L/∂y: the correct
/// ∂L/∂x = (1/√(σ²+ε))·(g − mean_n(g) − x̂ ⊙ mean_n(g ⊙ x̂)) plus γ/√(σ²+ε) ⊙ mean_n(∂L/∂y). Forward and the γ, β
/// gradients are `BatchNorm`'s.
final class BatchNormWithoutMeanTerm: Layer {
    let correct: BatchNorm<Double>
    private var inverseStd = Tensor<Double>(rows: 1, columns: 1)
    init(features: Int) { correct = BatchNorm(features: features) }
    var description: String { "BatchNorm without its mean term" }
    var parameters: [Parameter<Double>] { correct.parameters }

    func forward(_ x: Tensor<Double>, phase: Phase) -> Tensor<Double> {
        let centred = x - Tensor(rows: x.rows, columns: x.columns).addingRowVector(x.columnMeans())
        inverseStd = (centred * centred).columnMeans().map { 1 / ($0 + Double(correct.epsilon)).squareRoot() }
        return correct.forward(x, phase: phase)
    }

    func backward(_ dy: Tensor<Double>) -> Tensor<Double> {
        correct.backward(dy).addingRowVector(correct.scale.value * inverseStd * dy.columnMeans())
    }
}
