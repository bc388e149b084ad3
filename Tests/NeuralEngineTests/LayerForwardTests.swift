import Foundation
import Testing
import NeuralEngine

/// Forward passes of the layers against their formulas evaluated here in Double with Foundation's functions, and the
/// layers' printed names. (Backward passes: `GradientCheckTests`.)
struct LayerForwardTests {
    /// Each function as its doc comment writes it, evaluated independently of the engine.
    static func reference(_ function: Activation<Double>.Function, _ x: Double) -> Double {
        switch function {
        case .sigmoid: 1 / (1 + exp(-x))
        case .tanh: tanh(x)
        case .relu: max(0, x)
        case .leakyReLU(let slope): x > 0 ? x : slope * x
        case .elu(let alpha): x > 0 ? x : alpha * (exp(x) - 1)
        }
    }

    static let functions: [Activation<Double>.Function] = [.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu(alpha: 1.0)]

    /// Inputs from −30 to 30, including 0 and values where e^±x overflows a naive Float sigmoid.
    static let inputs: [Double] = [-30, -10, -2.5, -1, -0.3, -1e-4, 0, 1e-4, 0.3, 1, 2.5, 10, 30]

    @Test(arguments: functions)
    func activationMatchesItsFormula(function: Activation<Double>.Function) {
        let x = Tensor<Double>(row: Self.inputs)
        let double = Activation<Double>(function).forward(x, phase: .training)
        for (i, v) in Self.inputs.enumerated() {
            let expected = Self.reference(function, v)
            // Double: within a few ulps of the magnitude (tanh goes through eˣ).
            #expect(abs(double.scalars[i] - expected) <= 4 * Double.ulpOfOne * max(1, abs(expected)), "\(function)(\(v))")
        }
        let floatFunction: Activation<Float>.Function = switch function {
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
        case .leakyReLU(let slope): .leakyReLU(slope: slope)
        case .elu(let alpha): .elu(alpha: alpha)
        }
        let single = Activation<Float>(floatFunction).forward(x.converted(to: Float.self), phase: .training)
        for (i, v) in Self.inputs.enumerated() {
            let expected = Self.reference(function, Double(Float(v)))
            // Float: DESIGN.md measures tanh via expf within 1.8e-7 of tanhf; allow 4 Float ulps of max(1, |y|).
            #expect(abs(Double(single.scalars[i]) - expected) <= 4 * Double(Float.ulpOfOne) * max(1, abs(expected)),
                    "\(function)(\(v)) in Float: \(single.scalars[i])")
            #expect(single.scalars[i].isFinite)
        }
    }

    @Test func activationDescriptions() {
        #expect(Activation<Float>(.sigmoid).description == "Sigmoid()")
        #expect(Activation<Float>(.tanh).description == "Tanh()")
        #expect(Activation<Float>(.relu).description == "ReLU()")
        #expect(Activation<Float>(.leakyReLU(slope: 0.1)).description == "LeakyReLU(α: 0.1)")
        #expect(Activation<Float>(.elu(alpha: 1)).description == "ELU(α: 1.0)")
    }

    @Test(arguments: functions)
    func functionValueAndDerivativeMatchTheFormulas(function: Activation<Double>.Function) {
        // Activation.Function.value/derivative (used for plotting) against the reference and its centred difference
        // (h = 1e-6; error ≈ h²·f‴/6 + 1e-16/h ≲ 1e-9 away from the kinks, which the inputs avoid: |x| ≥ 1e-4 ≫ h).
        for v in Self.inputs where v != 0 {
            #expect(abs(function.value(v) - Self.reference(function, v)) < 1e-15)
            let h = 1e-6
            let numeric = (Self.reference(function, v + h) - Self.reference(function, v - h)) / (2 * h)
            #expect(abs(function.derivative(v) - numeric) < 1e-8, "\(function)′(\(v))")
        }
    }

    @Test func linearComputesXWPlusB() {
        var rng = SeededGenerator(seed: 81)
        let w: Tensor<Float> = uniformTensor(5, 3, using: &rng), b: Tensor<Float> = uniformTensor(1, 3, using: &rng)
        let x: Tensor<Float> = uniformTensor(4, 5, using: &rng)
        let layer = Linear(weight: w, bias: b)
        var expected = naiveProduct(x, w)
        for r in 0..<4 { for c in 0..<3 { expected[r][c] += Double(b.scalars[c]) } }
        // Five products of |·| ≤ 1 plus a bias: error ≤ 2·6·ulpOfOne·6 (MatrixProductTests' bound).
        #expect(maxDifference(layer.forward(x, phase: .training), expected) < 72 * Double(Float.ulpOfOne))
        #expect(layer.description == "Linear(5 → 3)")
        #expect(layer.parameters.map(\.name) == ["W", "b"] && layer.parameters.map(\.isDecayed) == [true, false])
    }

    @Test func linearBackwardByNameReturnsEveryGradient() {
        // y = x·W + b with x = [[1, 2]], W = [[1, 0, −1], [2, 1, 0]], upstream g = [[1, −1, 2]]:
        // ∂L/∂W = xᵀg = [[1, −1, 2], [2, −2, 4]]; ∂L/∂b = g; ∂L/∂x = g·Wᵀ = [1 − 0 − 2, 2 − 1 + 0] = [−1, 1].
        let layer = Linear<Double>(weight: Tensor([[1, 0, -1], [2, 1, 0]]), bias: Tensor([[0, 0, 0]]))
        _ = layer.forward(Tensor([[1, 2]]), phase: .training)
        let (input, weight, bias) = layer.backwardByName(Tensor([[1, -1, 2]]))
        #expect(input == Tensor([[-1, 1]]))
        #expect(weight == Tensor([[1, -1, 2], [2, -2, 4]]) && layer.weight.gradient == weight)
        #expect(bias == Tensor([[1, -1, 2]]) && layer.bias.gradient == bias)
        // backwardParametersOnly stores the same parameter gradients.
        layer.weight.gradient = Tensor(rows: 2, columns: 3)
        layer.backwardParametersOnly(Tensor([[1, -1, 2]]))
        #expect(layer.weight.gradient == weight && layer.bias.gradient == bias)
    }

    @Test func preluMatchesItsFormula() {
        // y = x for x > 0, else α_d·x. Per unit α = [0.1, 0.2, 0.3]; shared α = 0.25 (the paper's initial value).
        let x = Tensor<Double>([[-1, 2, -3], [4, -5, 0]])
        let perUnit = PReLU<Double>(units: 3)
        perUnit.alpha.value = Tensor([[0.1, 0.2, 0.3]])
        let y = perUnit.forward(x, phase: .training)
        #expect(maxDifference(y, [[-0.1, 2, -0.9], [4, -1, 0]]) < 1e-15)
        #expect(PReLU<Double>(units: 3, sharing: .perLayer).forward(x, phase: .training)
                == Tensor([[-0.25, 2, -0.75], [4, -1.25, 0]]))
        #expect(perUnit.description == "PReLU(α per unit: 3)")
        #expect(PReLU<Float>(units: 3, sharing: .perLayer).description == "PReLU(α shared)")
        #expect(perUnit.alpha.isDecayed == false)
    }

    @Test func maxoutTakesTheLargestOfItsPieces() {
        var rng = SeededGenerator(seed: 82)
        let layer = Maxout<Double>(5, 3, pieces: 4, initializer: .normal(standardDeviation: 1), using: &rng)
        layer.parameters[1].value = Tensor.normal(rows: 1, columns: 12, using: &rng)
        let x = Tensor<Double>.normal(rows: 6, columns: 5, using: &rng)
        // z = x·W + b by the triple loop; unit m's pieces are columns 4m ..< 4m + 4.
        var z = naiveProduct(x, layer.parameters[0].value)
        for r in 0..<6 { for c in 0..<12 { z[r][c] += layer.parameters[1].value[0, c] } }
        let expected = z.map { row in (0..<3).map { m in row[4 * m ..< 4 * m + 4].max()! } }
        #expect(maxDifference(layer.forward(x, phase: .training), expected) < 1e-14)
        #expect(layer.description == "Maxout(5 → 3, pieces: 4)")
        // k times the parameters of Linear(5 → 3): 4·(5·3 + 3) = 72.
        #expect(layer.parameters.reduce(0) { $0 + $1.value.count } == 72)
    }

    @Test func maxoutWithOnePieceIsLinear() {
        var rng = SeededGenerator(seed: 83)
        let layer = Maxout<Double>(4, 2, pieces: 1, initializer: .normal(standardDeviation: 1), using: &rng)
        let x = Tensor<Double>.normal(rows: 3, columns: 4, using: &rng)
        #expect(maxDifference(layer.forward(x, phase: .training), naiveProduct(x, layer.parameters[0].value)) < 1e-14)
    }
}

/// A diverged input stays diverged: ReLU propagates NaN instead of turning it into 0.
@Test func reluPropagatesNaN() {
    let y = Activation<Float>(.relu).forward(Tensor([[.nan, -1, 2]]), phase: .training)
    #expect(y[0, 0].isNaN && y[0, 1] == 0 && y[0, 2] == 2)
}
