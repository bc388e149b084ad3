import Testing
import NeuralEngine

/// Three steps of each optimizer on a 1×2 parameter w₀ = [1, −2] with given gradients, against values worked by hand.
///
/// SGD and momentum use η = 0.1, μ = 0.9 and gradients g₁ = [0.5, −1], g₂ = [0.25, 2], g₃ = [−1, 0.5], distinct per
/// step so that a mix-up of old and new gradients shows. All hand values are sums of few decimal terms, so the
/// tolerance 1e-12 only absorbs binary rounding.
struct OptimizerTests {
    static let gradients: [[Double]] = [[0.5, -1], [0.25, 2], [-1, 0.5]]

    /// The parameter after each of the three steps.
    func trajectory(_ optimizer: some Optimizer<Double>, gradients: [[Double]] = gradients) -> [[Double]] {
        let w = Parameter(name: "W", value: Tensor<Double>([[1, -2]]), isDecayed: true)
        return gradients.map { g in
            w.gradient = Tensor([g])
            optimizer.update([w])
            return w.value.scalars
        }
    }

    func expectClose(_ actual: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-12,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        for (step, (a, e)) in zip(actual, expected).enumerated() {
            for (x, y) in zip(a, e) {
                #expect(abs(x - y) < tolerance, "step \(step + 1): \(a) vs \(e)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func sgd() {
        // w ← w − η·g:
        // w₁ = [1 − 0.05, −2 + 0.1]       = [0.95, −1.9]
        // w₂ = [0.95 − 0.025, −1.9 − 0.2]  = [0.925, −2.1]
        // w₃ = [0.925 + 0.1, −2.1 − 0.05]  = [1.025, −2.15]
        expectClose(trajectory(SGD(learningRate: 0.1)), [[0.95, -1.9], [0.925, -2.1], [1.025, -2.15]])
    }

    @Test func momentum() {
        // v ← μv − ηg, w ← w + v, v₀ = 0:
        // v₁ = −0.1·g₁ = [−0.05, 0.1];                                   w₁ = [0.95, −1.9]
        // v₂ = 0.9·v₁ − 0.1·g₂ = [−0.045 − 0.025, 0.09 − 0.2] = [−0.07, −0.11];  w₂ = [0.88, −2.01]
        // v₃ = 0.9·v₂ − 0.1·g₃ = [−0.063 + 0.1, −0.099 − 0.05] = [0.037, −0.149]; w₃ = [0.917, −2.159]
        expectClose(trajectory(Momentum(learningRate: 0.1, momentum: 0.9)),
                    [[0.95, -1.9], [0.88, -2.01], [0.917, -2.159]])
    }

    @Test func nesterov() {
        // Same velocities as `momentum`; w ← w − μ·v_prev + (1 + μ)·v (CS231n notes):
        // w₁ = w₀ + 1.9·v₁                 = [1 − 0.095, −2 + 0.19]                = [0.905, −1.81]
        // w₂ = w₁ − 0.9·v₁ + 1.9·v₂        = [0.905 + 0.045 − 0.133, −1.81 − 0.09 − 0.209] = [0.817, −2.109]
        // w₃ = w₂ − 0.9·v₂ + 1.9·v₃        = [0.817 + 0.063 + 0.0703, −2.109 + 0.099 − 0.2831] = [0.9503, −2.2931]
        expectClose(trajectory(Momentum(learningRate: 0.1, momentum: 0.9, nesterov: true)),
                    [[0.905, -1.81], [0.817, -2.109], [0.9503, -2.2931]])
    }

    @Test func adam() {
        // η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Gradients chosen so the bias-corrected second moment is exact:
        // coordinate 0 sees g = +1, −1, +1, so g² = 1 and v_t = 1 − β₂ᵗ, v̂_t = 1; coordinate 1 sees g = −2 each step,
        // so m̂_t = −2 and v̂_t = 4 (a constant gradient is fully corrected).
        // Coordinate 0: m₁ = 0.1, m̂₁ = 0.1/0.1 = 1;        w₁ = 1 − 0.1·1 = 0.9
        //               m₂ = 0.09 − 0.1 = −0.01, m̂₂ = −0.01/(1 − 0.81) = −1/19;  w₂ = 0.9 + 0.1/19
        //               m₃ = −0.009 + 0.1 = 0.091, m̂₃ = 0.091/(1 − 0.729) = 91/271; w₃ = w₂ − 9.1/271
        // Coordinate 1: each step w ← w − 0.1·(−2)/√4 = w + 0.1: −1.9, −1.8, −1.7.
        // ε shifts each step by a relative ε/√v̂ ≤ 1e-8, i.e. by ≤ 1e-9 here: tolerance 1e-8.
        let w1 = 0.9, w2 = 0.9 + 0.1 / 19, w3 = 0.9 + 0.1 / 19 - 9.1 / 271
        expectClose(trajectory(Adam(learningRate: 0.1), gradients: [[1, -2], [-1, -2], [1, -2]]),
                    [[w1, -1.9], [w2, -1.8], [w3, -1.7]], tolerance: 1e-8)
    }

    @Test func adamCorrectsEveryParameterOfAStepWithTheSameT() {
        // Two parameters updated in one call share the step count t = 1: both move by η·g/(|g| + ε) (m̂ = g, v̂ = g²),
        // i.e. by η·sign(g) short by η·ε/|g| ≤ 0.01·1e-8/0.5 = 2e-10: tolerance 1e-9.
        let a = Parameter(name: "W", value: Tensor<Double>([[0]]), isDecayed: true)
        let b = Parameter(name: "b", value: Tensor<Double>([[0]]), isDecayed: false)
        a.gradient = Tensor([[3]])
        b.gradient = Tensor([[-0.5]])
        let adam = Adam<Double>(learningRate: 0.01)
        adam.update([a, b])
        #expect(adam.step == 1)
        #expect(abs(a.value[0, 0] + 0.01) < 1e-9 && abs(b.value[0, 0] - 0.01) < 1e-9, "\(a.value) \(b.value)")
    }

    @Test func weightDecayAppliesToDecayedParametersOnly() {
        // L2 decay adds λ·w to the gradient of W but not of b. η = 0.1, λ = 0.5, w = b = 2, g = 1:
        // W: 2 − 0.1·(1 + 0.5·2) = 1.8;  b: 2 − 0.1·1 = 1.9.
        let layer = Linear<Double>(weight: Tensor([[2]]), bias: Tensor([[2]]))
        layer.weight.gradient = Tensor([[1]])
        layer.bias.gradient = Tensor([[1]])
        SGD<Double>(learningRate: 0.1, weightDecay: 0.5).update(layer.parameters)
        #expect(abs(layer.weight.value[0, 0] - 1.8) < 1e-12 && abs(layer.bias.value[0, 0] - 1.9) < 1e-12)
    }

    @Test func optimizersUpdateANetworkThroughItsParameters() {
        // `update(network)` is `update(network.parameters)`: one SGD step of η = 1 on a network whose only layer is
        // Linear([[1]], [[0]]) with gradients 0.25 and −0.5 gives W = 0.75, b = 0.5.
        let layer = Linear<Double>(weight: Tensor([[1]]), bias: Tensor([[0]]))
        let network = Sequential<Double>([layer])
        layer.weight.gradient = Tensor([[0.25]])
        layer.bias.gradient = Tensor([[-0.5]])
        SGD<Double>(learningRate: 1).update(network)
        #expect(layer.weight.value == Tensor([[0.75]]) && layer.bias.value == Tensor([[0.5]]))
    }

    @Test func descriptions() {
        #expect(SGD<Float>(learningRate: 0.1).description == "SGD(η: 0.1)")
        #expect(Momentum<Float>(learningRate: 0.01).description == "Momentum(η: 0.01, μ: 0.9)")
        #expect(Momentum<Float>(learningRate: 0.01, nesterov: true).description == "Nesterov(η: 0.01, μ: 0.9)")
        #expect(Adam<Float>().description == "Adam(η: 0.001, β₁: 0.9, β₂: 0.999, ε: 1e-08)")
    }
}
