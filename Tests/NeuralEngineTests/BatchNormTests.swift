import Testing
import NeuralEngine

/// BatchNorm's forward pass in both phases and its running statistics, and LayerNorm's independence of the batch,
/// against the formulas of Ioffe & Szegedy (2015) and Ba et al. (2016) computed here by loops. All in Float64.
struct BatchNormTests {
    /// 64 examples of 5 features with very different locations and scales, feature d ~ N(μ_d, s_d²).
    static func batch(seed: UInt64, rows: Int = 64) -> Tensor<Double> {
        let locations = [-3.0, 0, 2, 10, 100], scales = [0.5, 1, 2, 3, 10]
        var rng = SeededGenerator(seed: seed)
        var x = Tensor<Double>(rows: rows, columns: 5)
        for r in 0..<rows { for c in 0..<5 { x[r, c] = rng.normal(mean: locations[c], standardDeviation: scales[c]) } }
        return x
    }

    @Test func trainingOutputHasZeroMeanAndUnitVariancePerFeature() {
        let x = Self.batch(seed: 41)
        let layer = BatchNorm<Double>(features: 5)   // γ = 1, β = 0
        let y = layer.forward(x, phase: .training)
        let (inputMoments, outputMoments) = (columnMoments(x), columnMoments(y))
        for c in 0..<5 {
            #expect(abs(outputMoments.mean[c]) < 1e-6, "feature \(c): mean \(outputMoments.mean[c])")
            // ε = 1e-5 makes the variance σ²/(σ² + ε), short of 1 by ε/(σ² + ε) ≤ 1e-5/0.1 = 1e-4 here (the
            // smallest feature variance is ≈ 0.5² = 0.25): inside the 1e-3 mark, and matched exactly below.
            let sigma2 = inputMoments.variance[c]
            #expect(abs(outputMoments.variance[c] - 1) < 1e-3, "feature \(c): variance \(outputMoments.variance[c])")
            #expect(abs(outputMoments.variance[c] - sigma2 / (sigma2 + 1e-5)) < 1e-12, "feature \(c)")
        }
    }

    @Test func scaleAndShiftSetToTheBatchStatisticsReproduceTheInput() {
        // y = γ·(x − μ)/√(σ² + ε) + β with γ = √(σ² + ε), β = μ gives y = x (the identity the paper points out, §3).
        let x = Self.batch(seed: 42)
        let (mean, variance) = columnMoments(x)
        let layer = BatchNorm<Double>(features: 5)
        layer.scale.value = Tensor(row: variance.map { ($0 + layer.epsilon).squareRoot() })
        layer.shift.value = Tensor(row: mean)
        let difference = maxDifference(layer.forward(x, phase: .training), x)
        #expect(difference < 1e-10, "max |y − x| = \(difference)")
    }

    @Test func runningStatisticsFollowTheMomentumFormulaWorkedByHand() {
        // One feature, momentum m = 0.9, running mean 0 and variance 1 to start.
        // Batch [1, 3]: μ = 2, σ² = 1 (biased), unbiased 2·1/1 = 2.
        //   running μ = 0.9·0 + 0.1·2 = 0.2;   running σ² = 0.9·1 + 0.1·2 = 1.1
        // Batch [0, 4]: μ = 2, σ² = 4, unbiased 8.
        //   running μ = 0.9·0.2 + 0.1·2 = 0.38; running σ² = 0.9·1.1 + 0.1·8 = 1.79
        let layer = BatchNorm<Double>(features: 1)
        _ = layer.forward(Tensor([[1], [3]]), phase: .training)
        #expect(abs(layer.runningMean[0, 0] - 0.2) < 1e-15 && abs(layer.runningVariance[0, 0] - 1.1) < 1e-15)
        _ = layer.forward(Tensor([[0], [4]]), phase: .training)
        #expect(abs(layer.runningMean[0, 0] - 0.38) < 1e-15 && abs(layer.runningVariance[0, 0] - 1.79) < 1e-15)
        // Evaluation uses them: x = 1 → (1 − 0.38)/√(1.79 + 1e-5).
        let y = layer.forward(Tensor([[1]]), phase: .evaluation)
        #expect(abs(y[0, 0] - 0.62 / (1.79 + 1e-5).squareRoot()) < 1e-15)
        // …and leaves them alone.
        #expect(abs(layer.runningMean[0, 0] - 0.38) < 1e-15 && abs(layer.runningVariance[0, 0] - 1.79) < 1e-15)
    }

    @Test func runningStatisticsAfterSeveralBatches() {
        // Three batches of 16: running ← m·running + (1 − m)·batch statistic, the variance unbiased by N/(N − 1),
        // starting from 0 and 1 (BatchNorm's doc comment); batch statistics computed by `columnMoments`.
        let layer = BatchNorm<Double>(features: 5, momentum: 0.8)
        var expectedMean = [Double](repeating: 0, count: 5), expectedVariance = [Double](repeating: 1, count: 5)
        for seed in UInt64(43)...45 {
            let x = Self.batch(seed: seed, rows: 16)
            _ = layer.forward(x, phase: .training)
            let (mean, variance) = columnMoments(x)
            for c in 0..<5 {
                expectedMean[c] = 0.8 * expectedMean[c] + 0.2 * mean[c]
                expectedVariance[c] = 0.8 * expectedVariance[c] + 0.2 * variance[c] * 16 / 15
            }
        }
        for c in 0..<5 {
            #expect(abs(layer.runningMean[0, c] - expectedMean[c]) < 1e-12 * max(1, abs(expectedMean[c])), "feature \(c)")
            #expect(abs(layer.runningVariance[0, c] - expectedVariance[c]) < 1e-12 * expectedVariance[c], "feature \(c)")
        }
        // Evaluation is then y = γ(x − running μ)/√(running σ² + ε) + β, entry by entry.
        layer.scale.value = Tensor([[1, 2, 0.5, -1, 3]])
        layer.shift.value = Tensor([[0, 1, -1, 2, 0.5]])
        let x = Self.batch(seed: 46, rows: 6)
        let y = layer.forward(x, phase: .evaluation)
        var expected = [[Double]]()
        for r in 0..<6 {
            expected.append((0..<5).map { c in
                layer.scale.value[0, c] * (x[r, c] - expectedMean[c]) / (expectedVariance[c] + 1e-5).squareRoot()
                    + layer.shift.value[0, c]
            })
        }
        #expect(maxDifference(y, expected) < 1e-10)
    }

    @Test func evaluationTreatsEachExampleAlone() {
        let layer = BatchNorm<Double>(features: 5)
        for seed in UInt64(47)...49 { _ = layer.forward(Self.batch(seed: seed, rows: 32), phase: .training) }
        let x = Self.batch(seed: 50, rows: 6)
        let together = layer.forward(x, phase: .evaluation)
        for r in 0..<6 {
            let alone = layer.forward(x.gatheringRows([r]), phase: .evaluation)
            #expect(alone.scalars == together.row(r), "example \(r)")
        }
        // In training the same example's output depends on its batch (the contrast that makes the test meaningful).
        let trained = layer.forward(x, phase: .training)
        let otherBatch = layer.forward(Tensor(rows: 2, columns: 5, scalars: x.row(0) + x.row(5).map { $0 + 1 }),
                                       phase: .training)
        #expect(trained.row(0) != otherBatch.row(0))
    }

    @Test func descriptionNamesItsHyperparameters() {
        #expect(BatchNorm<Float>(features: 3).description == "BatchNorm(3, momentum: 0.9, ε: 1e-05)")
        #expect(LayerNorm<Float>(features: 3).description == "LayerNorm(3, ε: 1e-05)")
    }

    // MARK: LayerNorm

    @Test func layerNormExampleIsIndependentOfItsBatch() {
        var rng = SeededGenerator(seed: 51)
        let layer = LayerNorm<Double>(features: 5)
        layer.scale.value = Tensor([[1, 2, 0.5, -1, 3]])
        layer.shift.value = Tensor([[0, 1, -1, 2, 0.5]])
        let x = Self.batch(seed: 52, rows: 6)
        let together = layer.forward(x, phase: .training)
        for r in 0..<6 {
            #expect(layer.forward(x.gatheringRows([r]), phase: .training).scalars == together.row(r), "example \(r)")
            // The same example among other, unrelated examples, and in evaluation.
            var mixed = Tensor<Double>.normal(rows: 3, columns: 5, standardDeviation: 50, using: &rng)
            for c in 0..<5 { mixed[1, c] = x[r, c] }
            #expect(layer.forward(mixed, phase: .evaluation).row(1) == together.row(r), "example \(r) mixed")
        }
    }

    @Test func layerNormNormalisesEachExample() {
        // γ = 1, β = 0: each row has mean 0 and variance σ_n²/(σ_n² + ε) (Ba et al. 2016, eq. 4, over the D features).
        let x = Self.batch(seed: 53, rows: 6)
        let y = LayerNorm<Double>(features: 5).forward(x, phase: .training)
        let (inputMoments, outputMoments) = (columnMoments(x.transposed()), columnMoments(y.transposed()))
        for r in 0..<6 {
            let sigma2 = inputMoments.variance[r]
            #expect(abs(outputMoments.mean[r]) < 1e-12, "example \(r)")
            #expect(abs(outputMoments.variance[r] - sigma2 / (sigma2 + 1e-5)) < 1e-12, "example \(r)")
        }
    }
}
