import Foundation
import Testing
import NeuralEngine

/// Every backward pass of the engine against centred differences in Float64 (`GradientCheck`, the oracle), worst
/// relative error < 1e-7; and the check itself against closed forms and against deliberately wrong derivatives,
/// which must score > 1e-2.
///
/// Shapes are small (N = 4 examples, D = 5 inputs, M = 3 outputs) to keep the suite fast; seeds are fixed per test.
struct GradientCheckTests {
    static let (n, d, m) = (4, 5, 3)
    /// The pass mark of DESIGN.md ("relative error … < 1e-7").
    static let passMark = 1e-7
    /// What a wrong derivative must score (GradientCheck's documentation).
    static let failMark = 1e-2

    // MARK: The check itself

    @Test func relativeErrorFollowsItsFormula() {
        // max_i |a_i − n_i| / max(1e-8, |a_i| + |n_i|): entry 0 gives 0.1/2.1, entry 1 gives 0.5/1.5 = 1/3 (worst),
        // entry 2 differs by < 1e-9 and counts as exact.
        let analytic = Tensor<Double>([[1.0, 1.0, 5e-10]]), numeric = Tensor<Double>([[1.1, 0.5, 0]])
        #expect(abs(GradientCheck.relativeError(analytic: analytic, numeric: numeric) - 1.0 / 3.0) < 1e-15)
        #expect(GradientCheck.relativeError(analytic: analytic, numeric: analytic) == 0)
        // Two tiny but different values: |a − n| = 2e-9 ≥ 1e-9, denominator max(1e-8, 2e-9) = 1e-8, so 0.2.
        #expect(abs(GradientCheck.relativeError(analytic: Tensor([[1e-9]]), numeric: Tensor([[-1e-9]])) - 0.2) < 1e-12)
    }

    @Test func numericGradientOfACubeIsThreeXSquared() {
        // f(x) = Σ x³, ∂f/∂x = 3x². The centred difference of x³ is exactly 3x² + h² (the Taylor series stops at x³),
        // so with h = 1e-5 the numeric value is 3x² + 1e-10, up to rounding of f/h ≈ 1e-16·|f|/1e-5.
        let x = Tensor<Double>([[-1.5, 0.25, 2.0]])
        let numeric = GradientCheck.numericGradient(at: x, step: 1e-5) { t in t.scalars.reduce(0) { $0 + $1 * $1 * $1 } }
        for (g, v) in zip(numeric.scalars, x.scalars) { #expect(abs(g - (3 * v * v + 1e-10)) < 1e-9, "\(g) vs 3·\(v)²") }
    }

    @Test func exactBelowZeroGivesTheRawRelativeError() {
        // Entry 2 differs by 2e-10: counted exact by default, 2e-10/max(1e-8, 2e-10) = 0.02 raw.
        let analytic = Tensor<Double>([[1.0, 2e-10]]), numeric = Tensor<Double>([[1.0, 0]])
        #expect(GradientCheck.relativeError(analytic: analytic, numeric: numeric) == 0)
        #expect(abs(GradientCheck.relativeError(analytic: analytic, numeric: numeric, exactBelow: 0) - 0.02) < 1e-12)
    }

    /// The same check in Float32 (x ± h, forward and backward in Float): a correct tanh scores > 1e-2 at h = 1e-5,
    /// because rounding x + h and f to Float32 costs ~6e-8·|f|/h — the reason the check is done in Float64.
    @Test func float32CheckIsTooNoisyAtTheUsualStep() {
        var rng = SeededGenerator(seed: 25)
        let input = Tensor<Double>.normal(rows: 16, columns: 8, using: &rng)
        var upstream = rng
        let float64 = GradientCheck.check(Activation<Double>(.tanh), input: input, exactBelow: 0, using: &rng)
        let float32 = GradientCheck.check(Activation<Float>(.tanh), input: input.converted(to: Float.self),
                                          exactBelow: 0, using: &upstream)
        #expect(float64.worst < Self.passMark, "\(float64)")
        #expect(float32.worst > Self.failMark, "\(float32)")
    }

    // MARK: Layers

    @Test func linear() {
        var rng = SeededGenerator(seed: 11)
        let layer = Linear<Double>(weight: Tensor.normal(rows: Self.d, columns: Self.m, using: &rng),
                                   bias: Tensor.normal(rows: 1, columns: Self.m, using: &rng))
        let report = GradientCheck.check(layer, input: .normal(rows: Self.n, columns: Self.d, using: &rng), using: &rng)
        #expect(report.errors.map(\.name) == ["input", "W", "b"])
        #expect(report.worst < Self.passMark, "\(report)")
    }

    @Test(arguments: [Activation<Double>.Function.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu(alpha: 1.0)])
    func activation(function: Activation<Double>.Function) {
        var rng = SeededGenerator(seed: 12)
        // Inputs at least 0.1 from 0: the kinks of ReLU/leaky ReLU and ELU's second-derivative jump stay out of reach.
        let report = GradientCheck.check(Activation<Double>(function), input: awayFromZero(Self.n, Self.d, using: &rng),
                                         using: &rng)
        #expect(report.errors.map(\.name) == ["input"])
        #expect(report.worst < Self.passMark, "\(function): \(report)")
    }

    @Test(arguments: [PReLU<Double>.Sharing.perUnit, .perLayer])
    func prelu(sharing: PReLU<Double>.Sharing) {
        var rng = SeededGenerator(seed: 13)
        let layer = PReLU<Double>(units: Self.d, sharing: sharing)
        // Distinct slopes per unit, so a backward that mixes up units cannot pass.
        layer.alpha.value = Tensor(rows: 1, columns: layer.alpha.value.columns,
                                   scalars: (0..<layer.alpha.value.columns).map { 0.1 + 0.07 * Double($0) })
        let report = GradientCheck.check(layer, input: awayFromZero(Self.n, Self.d, using: &rng), using: &rng)
        #expect(report.errors.map(\.name) == ["input", "α"])
        #expect(report.worst < Self.passMark, "\(sharing): \(report)")
    }

    @Test func maxout() {
        var rng = SeededGenerator(seed: 14)
        let layer = Maxout<Double>(Self.d, Self.m, pieces: 3, initializer: .normal(standardDeviation: 1), using: &rng)
        layer.parameters[1].value = Tensor.normal(rows: 1, columns: Self.m * 3, using: &rng)
        let input = Tensor<Double>.normal(rows: Self.n, columns: Self.d, using: &rng)
        // The max is not differentiable at a tie; make sure no two pieces of a unit are within 1e-3 of each other
        // (a step h = 1e-5 moves a piece by at most |x|·h ≪ 1e-3), so the check is meaningful for this seed.
        let z = Tensor.matmul(input, layer.parameters[0].value).addingRowVector(layer.parameters[1].value)
        for r in 0..<Self.n {
            for unit in 0..<Self.m {
                let pieces = (0..<3).map { z[r, unit * 3 + $0] }.sorted()
                #expect(pieces[2] - pieces[1] > 1e-3, "near tie at (\(r), \(unit)): \(pieces)")
            }
        }
        let report = GradientCheck.check(layer, input: input, using: &rng)
        #expect(report.errors.map(\.name) == ["input", "W", "b"])
        #expect(report.worst < Self.passMark, "\(report)")
    }

    /// A BatchNorm with γ, β away from their initial 1, 0 (so a backward that ignores them cannot pass).
    static func batchNorm(using rng: inout SeededGenerator) -> BatchNorm<Double> {
        let layer = BatchNorm<Double>(features: d)
        layer.scale.value = Tensor(rows: 1, columns: d, scalars: (0..<d).map { _ in rng.uniform(0.5, 2) })
        layer.shift.value = Tensor.normal(rows: 1, columns: d, using: &rng)
        return layer
    }

    @Test func batchNormInTraining() {
        var rng = SeededGenerator(seed: 15)
        let layer = Self.batchNorm(using: &rng)
        let input = Tensor<Double>.normal(rows: Self.n, columns: Self.d, mean: 1, standardDeviation: 2, using: &rng)
        let report = GradientCheck.check(layer, input: input, phase: .training, using: &rng)
        #expect(report.errors.map(\.name) == ["input", "γ", "β"])
        #expect(report.worst < Self.passMark, "\(report)")
    }

    @Test func batchNormInEvaluation() {
        var rng = SeededGenerator(seed: 16)
        let layer = Self.batchNorm(using: &rng)
        // A few training batches first, so the running statistics are not their initial 0 and 1.
        for _ in 0..<3 {
            _ = layer.forward(.normal(rows: 8, columns: Self.d, mean: 1, standardDeviation: 2, using: &rng), phase: .training)
        }
        let input = Tensor<Double>.normal(rows: Self.n, columns: Self.d, using: &rng)
        let report = GradientCheck.check(layer, input: input, phase: .evaluation, using: &rng)
        #expect(report.worst < Self.passMark, "\(report)")
    }

    @Test func layerNorm() {
        var rng = SeededGenerator(seed: 17)
        let layer = LayerNorm<Double>(features: Self.d)
        layer.scale.value = Tensor(rows: 1, columns: Self.d, scalars: (0..<Self.d).map { _ in rng.uniform(0.5, 2) })
        layer.shift.value = Tensor.normal(rows: 1, columns: Self.d, using: &rng)
        let input = Tensor<Double>.normal(rows: Self.n, columns: Self.d, mean: -1, standardDeviation: 3, using: &rng)
        let report = GradientCheck.check(layer, input: input, using: &rng)
        #expect(report.errors.map(\.name) == ["input", "γ", "β"])
        #expect(report.worst < Self.passMark, "\(report)")
    }

    // MARK: Losses

    @Test func softmaxCrossEntropyGradient() {
        var rng = SeededGenerator(seed: 18)
        let scores = Tensor<Double>.normal(rows: Self.n, columns: Self.m, standardDeviation: 2, using: &rng)
        let labels = [0, 2, 1, 2]
        let error = GradientCheck.check(loss: { softmaxCrossEntropy($0, labels: labels) }, at: scores)
        #expect(error < Self.passMark, "relative error \(error)")
    }

    @Test func meanSquaredErrorGradient() {
        var rng = SeededGenerator(seed: 19)
        let output = Tensor<Double>.normal(rows: Self.n, columns: Self.m, using: &rng)
        let targets = Tensor<Double>.normal(rows: Self.n, columns: Self.m, using: &rng)
        let error = GradientCheck.check(loss: { meanSquaredError($0, targets: targets) }, at: output)
        #expect(error < Self.passMark, "relative error \(error)")
    }

    // MARK: A whole network through the loss

    /// Linear → BatchNorm → Tanh → Linear → softmax cross-entropy: ∂L/∂input and ∂L/∂θ for every parameter from
    /// `Sequential.backward` against centred differences of the loss. The first Linear's bias is followed by
    /// BatchNorm, which subtracts the batch mean, so L does not depend on it: its gradient is exactly 0 on both sides
    /// (rounding noise < 1e-9, which `relativeError` counts as exact), and the check must still pass.
    @Test func sequentialWithBatchNormThroughTheLoss() {
        var rng = SeededGenerator(seed: 20)
        let first = Linear<Double>(weight: .normal(rows: Self.d, columns: 4, using: &rng),
                                   bias: .normal(rows: 1, columns: 4, using: &rng))
        let norm = BatchNorm<Double>(features: 4)
        norm.scale.value = Tensor([[0.5, 1.5, 2.0, 0.8]])
        norm.shift.value = Tensor([[0.1, -0.3, 0.2, 0.0]])
        let last = Linear<Double>(weight: .normal(rows: 4, columns: Self.m, using: &rng),
                                  bias: .normal(rows: 1, columns: Self.m, using: &rng))
        let network = Sequential<Double>([first, norm, Activation(.tanh), last])
        let input = Tensor<Double>.normal(rows: Self.n, columns: Self.d, using: &rng)
        let labels = [1, 0, 2, 1]
        func loss(_ x: Tensor<Double>) -> Double {
            softmaxCrossEntropy(network.forward(x, phase: .training), labels: labels).value
        }

        let result = softmaxCrossEntropy(network.forward(input, phase: .training), labels: labels)
        let inputGradient = network.backward(result.gradient, inputGradient: true)!
        let analytic = network.parameters.map(\.gradient)

        var errors = [("input", GradientCheck.relativeError(
            analytic: inputGradient, numeric: GradientCheck.numericGradient(at: input, loss)))]
        for (index, (parameter, gradient)) in zip(network.parameters, analytic).enumerated() {
            let saved = parameter.value
            let numeric = GradientCheck.numericGradient(at: saved) { value in
                parameter.value = value
                return loss(input)
            }
            parameter.value = saved
            errors.append(("\(index):\(parameter.name)", GradientCheck.relativeError(analytic: gradient, numeric: numeric)))
            if parameter === first.bias {
                #expect(gradient.maxAbsolute() < 1e-12, "bias before BatchNorm: analytic \(gradient)")
                #expect(numeric.maxAbsolute() < 1e-9, "bias before BatchNorm: numeric \(numeric)")
            }
        }
        #expect(errors.count == 1 + 6)   // input; W, b; γ, β; W, b
        for (name, error) in errors { #expect(error < Self.passMark, "\(name): \(error)") }
    }

    // MARK: Negative controls: wrong derivatives must fail

    @Test func sigmoidWithDerivativeSigmaFails() {
        var rng = SeededGenerator(seed: 21)
        let report = GradientCheck.check(WrongSigmoid(), input: .normal(rows: Self.n, columns: Self.d, using: &rng),
                                         using: &rng)
        #expect(report.worst > Self.failMark, "\(report)")
    }

    @Test func tanhWithDerivativeOneMinusAFails() {
        var rng = SeededGenerator(seed: 22)
        let report = GradientCheck.check(WrongTanh(), input: .normal(rows: Self.n, columns: Self.d, using: &rng),
                                         using: &rng)
        #expect(report.worst > Self.failMark, "\(report)")
    }

    @Test func batchNormWithoutItsMeanTermFails() {
        var rng = SeededGenerator(seed: 23)
        let input = Tensor<Double>.normal(rows: Self.n, columns: Self.d, mean: 1, standardDeviation: 2, using: &rng)
        let report = GradientCheck.check(BatchNormWithoutMeanTerm(features: Self.d), input: input, using: &rng)
        #expect(report.errors.first { $0.name == "input" }!.error > Self.failMark, "\(report)")
    }

    @Test func linearWithMeanBiasGradientFails() {
        // A classic slip: ∂L/∂b taken as the mean instead of the sum over the batch.
        var rng = SeededGenerator(seed: 24)
        let layer = LinearWithMeanBiasGradient(weight: .normal(rows: Self.d, columns: Self.m, using: &rng))
        let report = GradientCheck.check(layer, input: .normal(rows: Self.n, columns: Self.d, using: &rng), using: &rng)
        #expect(report.errors.first { $0.name == "b" }!.error > Self.failMark, "\(report)")
        #expect(report.errors.first { $0.name == "input" }!.error < Self.passMark, "\(report)")
    }
}

// MARK: Test-only layers with deliberately wrong backward passes

/// σ forward, but backward multiplies by σ instead of σ(1 − σ).
final class WrongSigmoid: Layer {
    private var output: Tensor<Double>?
    var description: String { "WrongSigmoid()" }
    func forward(_ input: Tensor<Double>, phase: Phase) -> Tensor<Double> {
        let y = input.map { 1 / (1 + Foundation.exp(-$0)) }
        output = y
        return y
    }
    func backward(_ outputGradient: Tensor<Double>) -> Tensor<Double> { outputGradient * output! }
}

/// tanh forward, but backward uses 1 − a instead of 1 − a².
final class WrongTanh: Layer {
    private var output: Tensor<Double>?
    var description: String { "WrongTanh()" }
    func forward(_ input: Tensor<Double>, phase: Phase) -> Tensor<Double> {
        let y = input.map { Foundation.tanh($0) }
        output = y
        return y
    }
    func backward(_ outputGradient: Tensor<Double>) -> Tensor<Double> { outputGradient * output!.map { 1 - $0 } }
}

/// Batch normalisation (γ = 1, β = 0, training mode) whose backward forgets the −mean_n(∂L/∂x̂) term:
/// ∂L/∂x = (1/√(σ²+ε))·(g − x̂ ⊙ mean_n(g ⊙ x̂)) instead of (1/√(σ²+ε))·(g − mean_n(g) − x̂ ⊙ mean_n(g ⊙ x̂)).
final class BatchNormWithoutMeanTerm: Layer {
    let features: Int
    private var normalized: Tensor<Double>?
    private var inverseStd: [Double] = []
    init(features: Int) { self.features = features }
    var description: String { "BatchNormWithoutMeanTerm(\(features))" }
    func forward(_ input: Tensor<Double>, phase: Phase) -> Tensor<Double> {
        let (mean, variance) = columnMoments(input)
        inverseStd = variance.map { 1 / ($0 + 1e-5).squareRoot() }
        var xhat = input
        for r in 0..<input.rows { for c in 0..<input.columns { xhat[r, c] = (input[r, c] - mean[c]) * inverseStd[c] } }
        normalized = xhat
        return xhat
    }
    func backward(_ outputGradient: Tensor<Double>) -> Tensor<Double> {
        let xhat = normalized!, n = Double(xhat.rows)
        var dx = outputGradient
        for c in 0..<xhat.columns {
            let meanGXhat = (0..<xhat.rows).reduce(0.0) { $0 + outputGradient[$1, c] * xhat[$1, c] } / n
            for r in 0..<xhat.rows { dx[r, c] = inverseStd[c] * (outputGradient[r, c] - xhat[r, c] * meanGXhat) }
        }
        return dx
    }
}

/// x·W + b whose bias gradient is the batch mean of ∂L/∂y instead of its sum (off by a factor N).
final class LinearWithMeanBiasGradient: Layer {
    let weight: Parameter<Double>, bias: Parameter<Double>
    private var input: Tensor<Double>?
    init(weight: Tensor<Double>) {
        self.weight = Parameter(name: "W", value: weight, isDecayed: true)
        bias = Parameter(name: "b", value: Tensor(rows: 1, columns: weight.columns), isDecayed: false)
    }
    var description: String { "LinearWithMeanBiasGradient()" }
    var parameters: [Parameter<Double>] { [weight, bias] }
    func forward(_ input: Tensor<Double>, phase: Phase) -> Tensor<Double> {
        self.input = input
        return Tensor.matmul(input, weight.value).addingRowVector(bias.value)
    }
    func backward(_ outputGradient: Tensor<Double>) -> Tensor<Double> {
        weight.gradient = Tensor.matmul(input!, outputGradient, transposeA: true)
        bias.gradient = (1 / Double(outputGradient.rows)) * outputGradient.columnSums()
        return Tensor.matmul(outputGradient, weight.value, transposeB: true)
    }
}
