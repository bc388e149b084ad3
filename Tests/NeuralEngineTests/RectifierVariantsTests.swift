import Foundation
import Testing
import NeuralEngine

/// The ReLU variants (leaky ReLU, ELU, PReLU, maxout) against independent oracles: naive per-entry loops in Double and
/// Foundation's libm, at shapes including a single row and a single unit. (Gradient checks: `GradientCheckTests`.)
struct RectifierVariantsTests {
    /// ELU near 0 in Float: α·(eˣ − 1) cancels (expf(−1e-4) − 1 is off by ~3e-4 relative); the layer must agree with
    /// Double's expm1 to a few Float ulps of the value itself, not of 1.
    @Test(arguments: [-1e-7, -1e-5, -1e-4, -3e-3, -0.1, -1, -20])
    func eluKeepsRelativePrecisionNearZero(x: Double) {
        let y = Activation<Float>(.elu(alpha: 1)).forward(Tensor([[Float(x)]]), phase: .training)[0, 0]
        let exact = Foundation.expm1(Double(Float(x)))
        #expect(abs(Double(y) - exact) <= 2 * Double(Float.ulpOfOne) * abs(exact), "ELU(\(x)) = \(y), exact \(exact)")
        #expect(abs(Activation<Double>.Function.elu(alpha: 1).value(x) - Foundation.expm1(x)) <= Double.ulpOfOne * abs(x))
    }

    /// Leaky ReLU with 0 ≤ α ≤ 1 is max(αx, x) (the notes' "max(0.01, x)" read as max(0.01x, x)), and ELU's backward
    /// is f(x) + α = α·eˣ on the negative side: both against a per-entry loop.
    @Test func leakyAndELUMatchALoop() {
        var rng = SeededGenerator(seed: 91)
        let x = awayFromZero(7, 5, using: &rng), g = Tensor<Double>.normal(rows: 7, columns: 5, using: &rng)
        let leaky = Activation<Double>(.leakyReLU(slope: 0.01)), elu = Activation<Double>(.elu(alpha: 0.7))
        let yLeaky = leaky.forward(x, phase: .training), dLeaky = leaky.backward(g)
        _ = elu.forward(x, phase: .training)
        let dELU = elu.backward(g)
        for i in 0..<x.count {
            let v = x.scalars[i]
            #expect(yLeaky.scalars[i] == max(0.01 * v, v))
            #expect(dLeaky.scalars[i] == (v > 0 ? 1 : 0.01) * g.scalars[i])
            #expect(abs(dELU.scalars[i] - (v > 0 ? 1 : 0.7 * Foundation.exp(v)) * g.scalars[i]) < 1e-15)
        }
    }

    /// ELU's gradient far on the negative side in Float: α·eᶻ is a normal Float down to z ≈ −87 (subnormal to ≈ −104),
    /// but f(z) + α = α·expm1(z) + α rounds to exactly 0 below z ≈ −17.3; the layer must follow Double's α·exp(z).
    @Test(arguments: [-5.0, -17.5, -20, -40, -80])
    func eluGradientFarNegativeMatchesExp(z: Double) {
        let layer = Activation<Float>(.elu(alpha: 1.5))
        _ = layer.forward(Tensor([[Float(z)]]), phase: .training)
        let dx = layer.backward(Tensor([[Float(1)]]))[0, 0]
        let exact = 1.5 * Foundation.exp(Double(Float(z)))
        #expect(dx > 0, "ELU′(\(z)) = \(dx), exact \(exact)")
        #expect(abs(Double(dx) - exact) <= 4 * Double(Float.ulpOfOne) * exact, "ELU′(\(z)) = \(dx), exact \(exact)")
    }

    /// PReLU forward and both gradients against a naive loop over (n, d), per unit and shared, for 1 and 6 rows.
    @Test(arguments: [(1, 4, PReLU<Double>.Sharing.perUnit), (6, 4, .perUnit), (1, 3, .perLayer), (6, 5, .perLayer),
                      (3, 1, .perUnit)])
    func preluMatchesALoop(rows: Int, units: Int, sharing: PReLU<Double>.Sharing) {
        var rng = SeededGenerator(seed: 92)
        let layer = PReLU<Double>(units: units, sharing: sharing)
        let slopes = (0..<layer.alpha.value.columns).map { 0.05 + 0.1 * Double($0) }
        layer.alpha.value = Tensor(row: slopes)
        let x = awayFromZero(rows, units, using: &rng), g = Tensor<Double>.normal(rows: rows, columns: units, using: &rng)
        let y = layer.forward(x, phase: .training), dx = layer.backward(g)
        var dAlpha = [Double](repeating: 0, count: slopes.count)
        for n in 0..<rows {
            for d in 0..<units {
                let v = x.scalars[n * units + d], k = sharing == .perUnit ? d : 0
                #expect(y.scalars[n * units + d] == (v > 0 ? v : slopes[k] * v))
                #expect(dx.scalars[n * units + d] == (v > 0 ? 1 : slopes[k]) * g.scalars[n * units + d])
                if v <= 0 { dAlpha[k] += v * g.scalars[n * units + d] }
            }
        }
        #expect(maxDifference(layer.alpha.gradient, [dAlpha]) < 1e-12)
    }

    /// A diverged piece shows: maxout's output is NaN when any of a unit's pieces is NaN, whichever piece it is.
    @Test(arguments: [0, 1, 2])
    func maxoutPropagatesNaN(piece: Int) {
        var rng = SeededGenerator(seed: 93)
        let layer = Maxout<Float>(2, 1, pieces: 3, initializer: .normal(standardDeviation: 1), using: &rng)
        var bias = layer.parameters[1].value
        bias[0, piece] = .nan
        layer.parameters[1].value = bias
        let y = layer.forward(Tensor([[0.5, -0.25]]), phase: .training)
        #expect(y[0, 0].isNaN, "piece \(piece): \(y)")
    }

    /// Maxout's backward routes each ∂L/∂y to the winning piece only: ∂L/∂b against a loop over the pieces.
    @Test func maxoutBiasGradientGoesToTheWinner() {
        var rng = SeededGenerator(seed: 94)
        let layer = Maxout<Double>(3, 2, pieces: 2, initializer: .normal(standardDeviation: 1), using: &rng)
        let x = Tensor<Double>.normal(rows: 5, columns: 3, using: &rng), g = Tensor<Double>.normal(rows: 5, columns: 2, using: &rng)
        _ = layer.forward(x, phase: .training)
        _ = layer.backward(g)
        let z = naiveProduct(x, layer.parameters[0].value)
        var expected = [Double](repeating: 0, count: 4)
        for n in 0..<5 {
            for m in 0..<2 {
                let a = z[n][2 * m] + layer.parameters[1].value[0, 2 * m]
                let b = z[n][2 * m + 1] + layer.parameters[1].value[0, 2 * m + 1]
                expected[b > a ? 2 * m + 1 : 2 * m] += g[n, m]
            }
        }
        #expect(maxDifference(layer.parameters[1].gradient, [expected]) < 1e-12)
    }
}
