import Foundation
import Testing
import NeuralEngine

/// `ActivationStatistics`, `Histogram` and `Sequential.layerReports` on hand-made values.
struct ProbeTests {
    @Test func momentsAndPercentilesOfAHandMadeTensor() {
        // Values 0.5, −2, 7, 3, 3, 10, −1, 4; sorted: −2, −1, 0.5, 3, 3, 4, 7, 10 (n = 8).
        // mean = 24.5/8 = 3.0625; Σx² = 188.25, so variance = 188.25/8 − 3.0625² = 23.53125 − 9.37890625 = 14.15234375.
        // numpy's linear percentile: position p·(n − 1) = 7p, interpolate between the neighbouring sorted values.
        //   p = 0.15: position 1.05 → −1 + 0.05·(0.5 − (−1)) = −0.925
        //   p = 0.50: position 3.5  → 3 + 0.5·(3 − 3) = 3
        //   p = 0.85: position 5.95 → 4 + 0.95·(7 − 4) = 6.85
        // (numpy 2.4: np.percentile([0.5, -2, 7, 3, 3, 10, -1, 4], [15, 50, 85]) → [-0.925, 3, 6.85].)
        let stats = ActivationStatistics(of: Tensor<Double>([[0.5, -2, 7, 3], [3, 10, -1, 4]]))
        #expect(stats.mean == 3.0625)
        #expect(abs(stats.standardDeviation - 14.15234375.squareRoot()) < 1e-14)
        #expect(abs(stats.percentile15 - -0.925) < 1e-14)
        #expect(stats.median == 3)
        #expect(abs(stats.percentile85 - 6.85) < 1e-14)
        #expect(stats.saturatedFraction == 0)   // no function given
    }

    @Test func percentilesOfOneValueAndOfTwo() {
        // n = 1: every percentile is the value. n = 2, values 0 and 10: position p, so 1.5, 5, 8.5.
        let one = ActivationStatistics(of: Tensor<Float>([[4]]))
        #expect(one.percentile15 == 4 && one.median == 4 && one.percentile85 == 4 && one.standardDeviation == 0)
        let two = ActivationStatistics(of: Tensor<Double>([[10, 0]]))
        #expect(abs(two.percentile15 - 1.5) < 1e-14 && two.median == 5 && abs(two.percentile85 - 8.5) < 1e-14)
    }

    @Test func saturatedFractionOfSigmoidAndTanhOutputs() {
        // Sigmoid saturates below 0.03 or above 0.97 (strictly): 0.01, 0.98, 0.995, 0.02 are saturated; 0.5, 0.2 and
        // the boundaries 0.03, 0.97 are not → 4 of 8.
        let sigmoid = Tensor<Double>([[0.01, 0.5, 0.98, 0.2], [0.995, 0.03, 0.97, 0.02]])
        #expect(ActivationStatistics(of: sigmoid, function: .sigmoid).saturatedFraction == 0.5)
        // Tanh saturates where |y| > 0.97: −0.99, 0.98 and 1 are; −0.97, 0.5, 0, −0.2, 0.96 are not → 3 of 8.
        let tanh = Tensor<Double>([[-0.99, 0.5, 0.98, -0.97], [0, 1, -0.2, 0.96]])
        #expect(ActivationStatistics(of: tanh, function: .tanh).saturatedFraction == 3.0 / 8)
        // The rectifiers have no saturated region.
        #expect(ActivationStatistics(of: tanh, function: .relu).saturatedFraction == 0)
    }

    @Test func deadUnitFractionOfAReLUOutput() {
        // 3 examples × 4 units. Unit 1 is 0 on every example (dead); unit 3 is positive on one example only (alive).
        // 1 dead unit of 4 → 0.25.
        let output = Tensor<Float>([[0.5, 0, 2, 0], [1, 0, 0, 0], [0.25, 0, 3, 0.1]])
        #expect(ActivationStatistics(of: output, function: .relu).deadUnitFraction == 0.25)
        #expect(ActivationStatistics(of: Tensor<Float>(rows: 2, columns: 3), function: .relu).deadUnitFraction == 1)
    }

    @Test func histogramCountsWorkedByHand() {
        // 4 bins of width 0.25 over [0, 1]: bin k holds [k/4, (k+1)/4), the top value 1 goes to the last bin, values
        // outside the range go to the end bins, NaN is skipped.
        //   bin 0: 0, 0.1, −3 (clamped)         → 3
        //   bin 1: 0.25                         → 1
        //   bin 2: 0.5, 0.74                    → 2
        //   bin 3: 0.75, 1, 5 (clamped)         → 3
        let histogram = Histogram([0, 0.1, 0.25, 0.5, 0.74, 0.75, 1, -3, 5, .nan], bins: 4, range: 0...1)
        #expect(histogram.counts == [3, 1, 2, 3])
        #expect(histogram.binCentres == [0.125, 0.375, 0.625, 0.875])
        // A degenerate range puts everything in bin 0.
        #expect(Histogram([2, 2, 2], bins: 3, range: 2...2).counts == [3, 0, 0])
    }

    @Test func histogramPutsInfinitiesInTheEndBins() {
        // ±∞ lie outside any finite range, so by the rule above they go to the end bins (a diverged network has them).
        let histogram = Histogram([-.infinity, 0.5, .infinity, .infinity], bins: 2, range: 0...1)
        #expect(histogram.counts == [1, 3])
    }

    @Test func statisticsOfAnOverflowedOutputAreComputed() {
        // An overflowed activation (+∞) makes the default histogram range [−2, ∞]: every finite value is then at
        // position 0 and ∞ at ∞/∞ (NaN), so all four go to bin 0 — a useless histogram, but no trap; the mean is ∞.
        let stats = ActivationStatistics(of: Tensor<Float>([[1, .infinity], [-2, 3]]), histogramBins: 4)
        #expect(stats.mean == .infinity)
        #expect(stats.histogram.counts.reduce(0, +) == 4)
        #expect(stats.percentile85 == .infinity && stats.median == 2)
    }

    @Test func statisticsHistogramDefaultsToTheValueRange() {
        // Range [−2, 10] in 3 bins of width 4: [−2, 2) holds −2, −1, 0.5; [2, 6) holds 3, 3, 4; [6, 10] holds 7, 10.
        let stats = ActivationStatistics(of: Tensor<Double>([[0.5, -2, 7, 3], [3, 10, -1, 4]]), histogramBins: 3)
        #expect(stats.histogram.range == -2...10)
        #expect(stats.histogram.counts == [3, 3, 2])
    }

    /// Linear(4 → 5) → ReLU → Linear(5 → 3) → softmax cross-entropy on 6 examples, after one forward and backward.
    static func probedNetwork() -> (network: Sequential<Double>, input: Tensor<Double>, lossGradient: Tensor<Double>) {
        var rng = SeededGenerator(seed: 61)
        let network = Sequential<Double>([
            Linear(4, 5, initializer: .heNormal, bias: 0.1, using: &rng), Activation(.relu),
            Linear(5, 3, initializer: .heNormal, using: &rng),
        ])
        let input = Tensor<Double>.normal(rows: 6, columns: 4, using: &rng)
        let loss = softmaxCrossEntropy(network.forward(input), labels: [0, 1, 2, 0, 1, 2])
        network.backward(loss.gradient)
        return (network, input, loss.gradient)
    }

    @Test func layerReportsOnePerLayerWithGradientNorms() {
        let (network, input, lossGradient) = Self.probedNetwork()
        let reports = network.layerReports()
        #expect(reports.count == 3)
        #expect(reports.map(\.index) == [0, 1, 2])
        #expect(reports.map(\.layer) == ["Linear(4 → 5)", "ReLU()", "Linear(5 → 3)"])
        #expect(reports[1].weightGradientNorm == nil && reports[1].updateToDataRatio == nil)

        // ‖∂L/∂W‖ for each Linear: ∂L/∂W = (layer input)ᵀ·(∂L/∂output) by the triple loop, then √(Σ entries²).
        let layerInputs = [input, network.outputs[1]]
        for (index, layerInput) in zip([0, 2], layerInputs) {
            let dW = naiveProduct(layerInput, network.outputGradients[index], transposeA: true)
            let norm = dW.joined().reduce(0) { $0 + $1 * $1 }.squareRoot()
            let reported = reports[index].weightGradientNorm!
            #expect(abs(reported - norm) < 1e-12 * norm, "layer \(index): \(reported) vs \(norm)")
            let stored = (network.layers[index] as! Linear<Double>).weight.gradient
            #expect(abs(reported - stored.scalars.reduce(0) { $0 + $1 * $1 }.squareRoot()) < 1e-12 * norm)
        }
        // The last layer's output gradient is the loss gradient; its norm by a loop.
        let lossNorm = lossGradient.scalars.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(reports[2].outputGradientNorm - lossNorm) < 1e-15)
        // The ReLU's output statistics: dead units counted by a loop over its output's columns.
        let relu = network.outputs[1]
        let dead = (0..<relu.columns).filter { c in (0..<relu.rows).allSatisfy { relu[$0, c] <= 0 } }.count
        #expect(reports[1].output.deadUnitFraction == Double(dead) / 5)
        #expect(abs(reports[1].output.mean - relu.scalars.reduce(0, +) / 30) < 1e-15)
    }

    @Test func updateToDataRatioIsLogOfScaledStandardDeviations() {
        // log₁₀(η·std(∂L/∂W)/std(W)) with population standard deviations computed here.
        let (network, _, _) = Self.probedNetwork()
        let reports = network.layerReports(learningRate: 0.01)
        for index in [0, 2] {
            let layer = network.layers[index] as! Linear<Double>
            let expected = log10(0.01 * meanAndStandardDeviation(layer.weight.gradient.scalars).standardDeviation
                                 / meanAndStandardDeviation(layer.weight.value.scalars).standardDeviation)
            #expect(abs(reports[index].updateToDataRatio! - expected) < 1e-12, "layer \(index)")
        }
        #expect(network.layerReports().allSatisfy { $0.updateToDataRatio == nil })
    }

    @Test func sequentialRemembersOutputsAndOutputGradients() {
        // outputs[i] is layer i's output; outputGradients[i] is ∂L/∂outputs[i]: for ReLU, ∂L/∂(ReLU input) is
        // outputGradients[1] where outputs[0] > 0, else 0 — and that is what Linear 0 received.
        let (network, _, lossGradient) = Self.probedNetwork()
        #expect(network.outputs.count == 3 && network.outputGradients.count == 3)
        #expect(network.outputGradients[2] == lossGradient)
        let preActivation = network.outputs[0]
        for i in 0..<preActivation.count {
            let expected = preActivation.scalars[i] > 0 ? network.outputGradients[1].scalars[i] : 0
            #expect(network.outputGradients[0].scalars[i] == expected)
        }
    }
}

/// A diverged layer (NaN entries) is reported, not a trap: moments NaN, order statistics over the other entries.
@Test func statisticsOfADivergedOutputDoNotTrap() {
    let stats = ActivationStatistics(of: Tensor<Double>([[.nan, 1], [2, 3]]))
    #expect(stats.mean.isNaN)
    #expect(stats.median == 2)
    #expect(stats.histogram.counts.reduce(0, +) == 3)
    let allNaN = ActivationStatistics(of: Tensor<Double>([[.nan]]))
    #expect(allNaN.median.isNaN)
}
