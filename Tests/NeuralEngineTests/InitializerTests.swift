import Testing
import NeuralEngine

/// Each initializer's sample moments against the formula in its doc comment.
///
/// A 500×300 matrix gives n = 150 000 draws. Tolerances are five standard errors: the sample mean of n draws of
/// standard deviation σ has standard error σ/√n; the sample standard deviation has standard error ≈ σ/√(2n) for
/// normal draws (and σ/√(5n), smaller, for uniform ones: Var s² ≈ (μ₄ − σ⁴)/n with μ₄ = a⁴/5, σ² = a²/3), so
/// 5σ/√(2n) ≈ 0.0091σ bounds both. Seeds are fixed, so the verdicts do not flicker.
struct InitializerTests {
    static let (fanIn, fanOut) = (500, 300)
    static let count = Double(fanIn * fanOut)

    /// An initializer with the mean, standard deviation and (for uniform rules) limit its doc comment states,
    /// written out here from the formulas, not from `Initializer.standardDeviation`.
    struct Case: Sendable, CustomTestStringConvertible {
        let initializer: Initializer
        let mean: Double
        let standardDeviation: Double
        let limit: Double?
        var testDescription: String { initializer.description }
    }

    static let cases: [Case] = {
        let (n, m) = (Double(fanIn), Double(fanOut))
        return [
            Case(initializer: .zeros, mean: 0, standardDeviation: 0, limit: nil),
            Case(initializer: .constant(0.3), mean: 0.3, standardDeviation: 0, limit: nil),
            Case(initializer: .normal(standardDeviation: 0.01), mean: 0, standardDeviation: 0.01, limit: nil),
            // U[−a, a] has variance a²/3.
            Case(initializer: .uniform(limit: 0.2), mean: 0, standardDeviation: 0.2 / 3.0.squareRoot(), limit: 0.2),
            Case(initializer: .lecunNormal, mean: 0, standardDeviation: (1 / n).squareRoot(), limit: nil),
            Case(initializer: .xavierNormal, mean: 0, standardDeviation: (2 / (n + m)).squareRoot(), limit: nil),
            // Limit √(6/(fan_in+fan_out)), so variance 6/(fan_in+fan_out)/3 = 2/(fan_in+fan_out).
            Case(initializer: .xavierUniform, mean: 0, standardDeviation: (2 / (n + m)).squareRoot(),
                 limit: (6 / (n + m)).squareRoot()),
            Case(initializer: .heNormal, mean: 0, standardDeviation: (2 / n).squareRoot(), limit: nil),
            // Limit √(6/fan_in), so variance 2/fan_in.
            Case(initializer: .heUniform, mean: 0, standardDeviation: (2 / n).squareRoot(), limit: (6 / n).squareRoot()),
        ]
    }()

    @Test(arguments: cases)
    func sampleMomentsMatchTheFormula(testCase: Case) {
        var rng = SeededGenerator(seed: 31)
        let w: Tensor<Double> = testCase.initializer.sample(fanIn: Self.fanIn, fanOut: Self.fanOut, using: &rng)
        #expect(w.rows == Self.fanIn && w.columns == Self.fanOut)
        let (mean, std) = meanAndStandardDeviation(w.scalars)
        let sigma = testCase.standardDeviation
        if sigma == 0 {
            #expect(w.scalars.allSatisfy { $0 == testCase.mean }, "every entry must be \(testCase.mean)")
        } else {
            let meanTolerance = 5 * sigma / Self.count.squareRoot()
            let stdTolerance = 5 * sigma / (2 * Self.count).squareRoot()
            #expect(abs(mean - testCase.mean) < meanTolerance, "mean \(mean), tolerance \(meanTolerance)")
            #expect(abs(std - sigma) < stdTolerance, "std \(std) vs \(sigma), tolerance \(stdTolerance)")
        }
        #expect(abs(testCase.initializer.standardDeviation(fanIn: Self.fanIn, fanOut: Self.fanOut) - sigma) <= 1e-15)
        if let limit = testCase.limit {
            // Draws are in [−a, a). Allow one rounding of a (the engine rebuilds a as (a/√3)·√3). With n draws the
            // largest |w| is below 0.999a with probability 0.999ⁿ ≈ e⁻¹⁵⁰, so the range is also used in full.
            let largest = w.maxAbsolute()
            #expect(largest <= limit * (1 + 1e-15), "max |w| \(largest) exceeds the limit \(limit)")
            #expect(largest > 0.999 * limit, "max |w| \(largest) far inside the limit \(limit)")
        }
    }

    @Test func floatSampleHasTheSameMoments() {
        // The same rule in Float: He normal with fan_in = 500, σ = √(2/500) = 0.0632…
        var rng = SeededGenerator(seed: 32)
        let w: Tensor<Float> = Initializer.heNormal.sample(fanIn: Self.fanIn, fanOut: Self.fanOut, using: &rng)
        let (mean, std) = meanAndStandardDeviation(w.scalars)
        let sigma = (2.0 / 500).squareRoot()
        #expect(abs(mean) < 5 * sigma / Self.count.squareRoot())
        #expect(abs(std - sigma) < 5 * sigma / (2 * Self.count).squareRoot())
    }

    @Test func linearDrawsItsWeightWithFanInFromItsInputSize() {
        // Linear(D → M) has a D×M weight, so fan_in = D = 400 and He normal gives σ = √(2/400); the bias is 0.
        var rng = SeededGenerator(seed: 33)
        let layer = Linear<Double>(400, 100, initializer: .heNormal, using: &rng)
        #expect(layer.weight.value.rows == 400 && layer.weight.value.columns == 100)
        let (_, std) = meanAndStandardDeviation(layer.weight.value.scalars)
        let sigma = (2.0 / 400).squareRoot()
        #expect(abs(std - sigma) < 5 * sigma / (2 * 40_000.0).squareRoot(), "std \(std) vs \(sigma)")
        #expect(layer.bias.value == Tensor(rows: 1, columns: 100))
    }

    @Test func sameSeedSameWeights() {
        var a = SeededGenerator(seed: 34), b = SeededGenerator(seed: 34)
        let first: Tensor<Float> = Initializer.xavierUniform.sample(fanIn: 20, fanOut: 10, using: &a)
        let second: Tensor<Float> = Initializer.xavierUniform.sample(fanIn: 20, fanOut: 10, using: &b)
        #expect(first == second)
    }
}
