import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import batchnorm_test_time

/// The experiment's own rules applied to what it measures on a short run: they accept the running averages and
/// reject the negative control (each test batch's own statistics) — so the check can fail.
@Suite(.serialized) struct BatchNormTestTimeTests {
    typealias Experiment = BatchNormTestTime
    static let settings = Experiment.Settings(steps: 60, trainingExamples: 3000, testExamples: 1000)
    static let data = try? Experiment.load(settings)

    @Test func rulesAcceptRunningAveragesAndRejectTestBatchStatistics() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 0, settings: Self.settings, inputs: data)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [0], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "running averages: \(outcome.claim)")
        #expect(judgement.preregistered.verdict == .reproduced, "running averages: \(outcome.claim)")
        // Each rule on its own rejects the control, not just the rules together.
        for rule in judgement.inForce.control + judgement.preregistered.control {
            #expect(!rule.holds.contains(true), "test-batch statistics pass \(rule.id): \(rule.values)")
        }
    }

    /// A batch of one under test-batch statistics: every BN layer outputs β, so every image gets the same scores.
    @Test func aBatchOfOneGetsTheSameScoresWhateverTheImage() {
        var rng = SeededGenerator(seed: 3)
        let network = Sequential<Float>.mlp(sizes: [6, 4, 3], activation: .relu, initializer: .heNormal,
                                            normalization: .batch, using: &rng)
        let a = Tensor<Float>(rows: 1, columns: 6, scalars: (0..<6).map { Float($0) })
        let b = Tensor<Float>(rows: 1, columns: 6, scalars: (0..<6).map { Float(10 - 3 * $0) })
        #expect(Scoring.testBatchForward(network, a) == Scoring.testBatchForward(network, b))
    }

    /// Batchings: class-sorted batches hold one class each; consecutive ones keep the test set's order.
    @Test func classSortedBatchesHoldOneClassEach() {
        let labels = [2, 0, 1, 0, 2, 1, 1, 0, 2]
        let sorted = Batching.classSorted(3).batches(labels: labels)
        #expect(sorted.count == 3 && sorted.allSatisfy { Set($0.map { labels[$0] }).count == 1 })
        #expect(Batching.consecutive(4).batches(labels: labels) == [[0, 1, 2, 3], [4, 5, 6, 7], [8]])
    }

}
