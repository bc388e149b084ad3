import Foundation
import NeuralEngine

/// One layer type checked on a fresh random draw: inputs N(mean, std²) (not kept away from kinks), weights N(0, 1),
/// γ ~ U[0.5, 2], β ~ N(0, 1), a random upstream gradient G; the worst relative error over ∂/∂input and every
/// parameter. The draws are made in Float64 and rounded to the checked precision, so both precisions see one draw.
struct LayerCase: Sendable {
    typealias Settings = GradientChecking.Settings
    enum Kind: Sendable { case layer(mean: Double, std: Double, phase: Phase), softmax, mse, network }
    let name: String
    var kinked = false
    var kind = Kind.layer(mean: 0, std: 1, phase: .training)
    /// For a deliberate bug: the engine layer type whose slot (and draw) it takes.
    var replaces: String? = nil

    static let activationDraw = Kind.layer(mean: 0, std: 2, phase: .training), batchNormDraw = Kind.layer(
        mean: 1, std: 2, phase: .training)

    /// Every layer type of the engine, both losses and a whole network.
    static let engine: [LayerCase] = [
        LayerCase(name: "Linear"), LayerCase(name: "sigmoid", kind: activationDraw),
        LayerCase(name: "tanh", kind: activationDraw), LayerCase(name: "ELU", kind: activationDraw),
        LayerCase(name: "ReLU", kinked: true, kind: activationDraw),
        LayerCase(name: "leaky ReLU", kinked: true, kind: activationDraw),
        LayerCase(name: "PReLU", kinked: true), LayerCase(name: "maxout", kinked: true),
        LayerCase(name: "BN train", kind: batchNormDraw),
        LayerCase(name: "BN eval", kind: .layer(mean: 1, std: 2, phase: .evaluation)),
        LayerCase(name: "LayerNorm", kind: .layer(mean: -1, std: 3, phase: .training)),
        LayerCase(name: "softmax", kind: .softmax), LayerCase(name: "MSE", kind: .mse),
        LayerCase(name: "network", kind: .network),
    ]

    /// The deliberate bugs of CLAIMS.md, each with the engine layer type whose slot (and draw) it takes.
    static let bugs: [LayerCase] = [
        LayerCase(name: "σ′=σ", kind: activationDraw, replaces: "sigmoid"),
        LayerCase(name: "σ′ × 0.9", kind: activationDraw, replaces: "sigmoid"),
        LayerCase(name: "tanh′=1−a", kind: activationDraw, replaces: "tanh"),
        LayerCase(name: "BN no mean", kind: batchNormDraw, replaces: "BN train"),
    ]

    /// The layer named `name`, in precision `Scalar`.
    static func make<Scalar: EngineScalar>(_ name: String, _ s: Settings,
                                           using rng: inout SeededGenerator) -> any Layer<Scalar> {
        switch name {
        case "Linear":
            return Linear<Scalar>(weight: .normal(rows: s.features, columns: s.outputs, using: &rng),
                                  bias: .normal(rows: 1, columns: s.outputs, using: &rng))
        case "sigmoid", "tanh", "ELU", "ReLU", "leaky ReLU":
            let functions: [String: Activation<Scalar>.Function] = ["sigmoid": .sigmoid, "tanh": .tanh,
                "ELU": .elu(alpha: 1), "ReLU": .relu, "leaky ReLU": .leakyReLU(slope: 0.01)]
            return Activation<Scalar>(functions[name]!)
        case "PReLU":
            let layer = PReLU<Scalar>(units: s.features)
            layer.alpha.value = .uniform(rows: 1, columns: s.features, lower: 0.05, upper: 0.5, using: &rng)
            return layer
        case "maxout":
            let layer = Maxout<Scalar>(s.features, s.outputs, pieces: s.pieces,
                                       initializer: .normal(standardDeviation: 1), using: &rng)
            layer.parameters[1].value = .normal(rows: 1, columns: s.outputs * s.pieces, using: &rng)
            return layer
        case "BN train": return randomised(BatchNorm<Scalar>(features: s.features), using: &rng)
        case "BN eval":
            let bn = BatchNorm<Scalar>(features: s.features)
            for _ in 0..<3 {   // running statistics away from their initial 0 and 1
                _ = bn.forward(.normal(rows: s.batch, columns: s.features, mean: 1, standardDeviation: 2, using: &rng),
                               phase: .training)
            }
            return randomised(bn, using: &rng)
        case "LayerNorm": return randomised(LayerNorm<Scalar>(features: s.features), using: &rng)
        case "σ′=σ": return MutatedDerivative<Scalar>(.sigmoid) { _, y in y }
        case "σ′ × 0.9": return MutatedDerivative<Scalar>(.sigmoid) { _, y in 0.9 * y * (1 - y) }
        case "tanh′=1−a": return MutatedDerivative<Scalar>(.tanh) { _, y in 1 - y }
        case "BN no mean": return randomised(BatchNormWithoutMeanTerm<Scalar>(features: s.features), using: &rng)
        default: fatalError("no layer type \(name)")
        }
    }

    /// A normalisation layer with γ ~ U[0.5, 2], β ~ N(0, 1) (parameters 0 and 1), so a backward that ignores them
    /// cannot pass.
    static func randomised<L: Layer>(_ layer: L, using rng: inout SeededGenerator) -> L {
        let (scale, shift) = (layer.parameters[0], layer.parameters[1])
        scale.value = .uniform(rows: 1, columns: scale.value.columns, lower: 0.5, upper: 2, using: &rng)
        shift.value = .normal(rows: 1, columns: shift.value.columns, using: &rng)
        return layer
    }

    /// The check in precision `Scalar` at step `s.step`; entries closer than `exactBelow` count as exact.
    func check<Scalar: EngineScalar>(_: Scalar.Type, _ s: Settings, exactBelow exact: Double,
                                     using rng: inout SeededGenerator) -> Double {
        switch kind {
        case let .layer(mean, std, phase):
            let layer: any Layer<Scalar> = Self.make(name, s, using: &rng)
            let input = Tensor<Scalar>.normal(rows: s.batch, columns: s.features, mean: mean, standardDeviation: std,
                                              using: &rng)
            return GradientCheck.check(layer, input: input, phase: phase, step: s.step, exactBelow: exact, using: &rng)
                .worst
        case .softmax:
            let scores = Tensor<Scalar>.normal(rows: s.batch, columns: s.outputs, standardDeviation: 2, using: &rng)
            let labels = (0..<s.batch).map { _ in Int(rng.next() % UInt64(s.outputs)) }
            return GradientCheck.check(loss: { softmaxCrossEntropy($0, labels: labels) }, at: scores, step: s.step,
                                       exactBelow: exact)
        case .mse:
            let output = Tensor<Scalar>.normal(rows: s.batch, columns: s.outputs, using: &rng)
            let targets = Tensor<Scalar>.normal(rows: s.batch, columns: s.outputs, using: &rng)
            return GradientCheck.check(loss: { meanSquaredError($0, targets: targets) }, at: output, step: s.step,
                                       exactBelow: exact)
        case .network: return Self.checkNetwork(Scalar.self, s, exactBelow: exact, using: &rng)
        }
    }

    /// Linear → BatchNorm → tanh → Linear → softmax cross-entropy, through `Sequential.backward`. The first Linear's
    /// bias is followed by BatchNorm, so its gradient is exactly 0 on both sides (exact under the 1e-9 rule).
    static func checkNetwork<Scalar: EngineScalar>(_: Scalar.Type, _ s: Settings, exactBelow: Double,
                                                   using rng: inout SeededGenerator) -> Double {
        let first = Linear<Scalar>(weight: .normal(rows: s.features, columns: s.hidden, using: &rng),
                                   bias: .normal(rows: 1, columns: s.hidden, using: &rng))
        let norm = randomised(BatchNorm<Scalar>(features: s.hidden), using: &rng)
        let last = Linear<Scalar>(weight: .normal(rows: s.hidden, columns: s.outputs, using: &rng),
                                  bias: .normal(rows: 1, columns: s.outputs, using: &rng))
        let input = Tensor<Scalar>.normal(rows: s.batch, columns: s.features, using: &rng)
        let labels = (0..<s.batch).map { _ in Int(rng.next() % UInt64(s.outputs)) }
        return GradientCheck.check(Sequential<Scalar>([first, norm, Activation(.tanh), last]), input: input,
                                   labels: labels, step: s.step, exactBelow: exactBelow).worst
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
final class BatchNormWithoutMeanTerm<Scalar: EngineScalar>: Layer {
    let correct: BatchNorm<Scalar>
    private var inverseStd = Tensor<Scalar>(rows: 1, columns: 1)
    init(features: Int) { correct = BatchNorm(features: features) }
    var description: String { "BatchNorm without its mean term" }
    var parameters: [Parameter<Scalar>] { correct.parameters }

    func forward(_ x: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        let centred = x - Tensor(rows: x.rows, columns: x.columns).addingRowVector(x.columnMeans())
        let epsilon = Scalar(correct.epsilon)
        inverseStd = (centred * centred).columnMeans().map { 1 / ($0 + epsilon).squareRoot() }
        return correct.forward(x, phase: phase)
    }

    func backward(_ dy: Tensor<Scalar>) -> Tensor<Scalar> {
        correct.backward(dy).addingRowVector(correct.scale.value * inverseStd * dy.columnMeans())
    }
}
