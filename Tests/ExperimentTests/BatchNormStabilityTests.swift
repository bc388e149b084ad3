import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import batchnorm_stability

/// The experiment's own rules applied to what it measures on a short run: they accept BN against the baseline and
/// reject the negative control (BN with its statistics frozen at initialisation) — so the check can fail.
@Suite(.serialized) struct BatchNormStabilityTests {
    typealias Experiment = BatchNormStability
    /// A short version of the experiment: 200 steps, the accuracy rule's window ending at step 200.
    static let settings = Experiment.Settings(steps: 200, trainingExamples: 3000, testExamples: 500, probeExamples: 200,
                                              comparisonStep: 200)
    static let inputs = try? Experiment.load(settings)

    @Test func rulesAcceptBatchNormAndRejectFrozenStatistics() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 1, settings: Self.settings, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [1], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "BN: \(outcome.claim)")
        #expect(judgement.inForce.controlSeeds == [false], "frozen statistics: \(outcome.control)")
        // The drift rule alone rejects the frozen statistics.
        #expect(judgement.inForce.control.first { $0.id == "median-drift" }?.holds == [false])
    }

    /// Frozen statistics: set by the first training-phase pass, then a fixed affine map — a second batch in the
    /// training phase changes nothing, and each example's output does not depend on the rest of its batch.
    @Test func frozenStatisticsStayFrozen() {
        var rng = SeededGenerator(seed: 2)
        let layer = FrozenStatistics(features: 3)
        let first = Tensor<Float>(rows: 4, columns: 3, scalars: (0..<12).map { _ in Float(rng.normal()) })
        let second = Tensor<Float>(rows: 4, columns: 3, scalars: (0..<12).map { _ in Float(rng.normal(mean: 5, standardDeviation: 3)) })
        _ = layer.forward(first, phase: .training)
        let mean = layer.norm.runningMean
        let together = layer.forward(second, phase: .training)
        #expect(layer.norm.runningMean == mean)
        let alone = layer.forward(second.gatheringRows([0, 1]), phase: .training)
        #expect(alone == together.gatheringRows([0, 1]))
    }

    /// The percentile probe reads the engine's ActivationStatistics per unit (numpy's linear interpolation).
    @Test func unitPercentilesOfAKnownColumn() {
        let inputs = Tensor<Float>(rows: 101, columns: 1, scalars: (0..<101).map { Float($0) })
        let p = StabilityRun.unitPercentiles(inputs)[0]
        #expect(abs(p.p15 - 15) < 1e-9 && abs(p.median - 50) < 1e-9 && abs(p.p85 - 85) < 1e-9)
    }

}
