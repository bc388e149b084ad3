import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import batchnorm_test_time

/// The experiment's own check, applied to what the experiment measures on a short run: it accepts the running
/// averages and rejects the negative control (each test batch's own statistics) — so the check can fail.
@Suite(.serialized) struct BatchNormTestTimeTests {
    static let settings = Settings(steps: 60, trainingExamples: 3000, testExamples: 1000)
    static let data: (LabeledDataset<Float>, LabeledDataset<Float>)? = try? BatchNormTestTime.loadData(settings: settings)

    @Test func checkAcceptsRunningAveragesAndRejectsTestBatchStatistics() throws {
        let (training, test) = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let run = BatchNormTestTime.measure(seed: 0, training: training, test: test, settings: Self.settings)
        let (evidence, control) = BatchNormTestTime.evidence([run], settings: Self.settings, seeds: [0])
        let check = BatchNormTestTime.check
        #expect(check.evaluate(evidence).holds, "running: \(evidence.metrics.prefix(2).map(\.values))")
        #expect(check.evaluate(control.evidence).passingSeedIndices.isEmpty,
                "test batch: \(control.evidence.metrics.prefix(2).map(\.values))")
        // Each rule on its own rejects the control, not just the rules together.
        for rule in check.evaluate(control.evidence).rules {
            #expect(!rule.holds.contains(true), "control passes \(rule.rule.metric): \(rule.values)")
        }
        #expect(LegacyJudgement(check: check, claim: evidence, control: control).verdict == .reproduced)
    }

    /// A batch of one under test-batch statistics: every BN layer outputs β, so every image gets the same scores.
    @Test func aBatchOfOneGetsTheSameScoresWhateverTheImage() {
        var rng = SeededGenerator(seed: 3)
        let network = Sequential<Float>.mlp(sizes: [6, 4, 3], activation: .relu, initializer: .heNormal,
                                            normalization: .batch, using: &rng)
        let a = Tensor<Float>(rows: 1, columns: 6, scalars: (0..<6).map { Float($0) })
        let b = Tensor<Float>(rows: 1, columns: 6, scalars: (0..<6).map { Float(10 - 3 * $0) })
        let scoresA = TestTimeRun.testBatchForward(network, a), scoresB = TestTimeRun.testBatchForward(network, b)
        #expect(scoresA == scoresB)
    }

    /// Batchings: class-sorted batches hold one class each; consecutive ones keep the test set's order.
    @Test func classSortedBatchesHoldOneClassEach() {
        let labels = [2, 0, 1, 0, 2, 1, 1, 0, 2]
        let sorted = Batching.classSorted(3).batches(labels: labels)
        #expect(sorted.count == 3 && sorted.allSatisfy { Set($0.map { labels[$0] }).count == 1 })
        #expect(Batching.consecutive(4).batches(labels: labels) == [[0, 1, 2, 3], [4, 5, 6, 7], [8]])
    }
}
