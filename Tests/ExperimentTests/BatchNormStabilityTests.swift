import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import batchnorm_stability

/// The experiment's own check, applied to what the experiment measures on a short run: it accepts BN against the
/// baseline and rejects the negative control (a second net without BN against the baseline) — so the check can fail.
@Suite(.serialized) struct BatchNormStabilityTests {
    /// A short version of the experiment: 200 steps, the accuracy rule's window ending at step 200.
    static let settings: Settings = {
        var s = Settings.quick
        s.steps = 200
        s.comparisonStep = 200
        s.trainingExamples = 3000
        s.testExamples = 500
        s.probeExamples = 200
        return s
    }()
    /// One seed measured once for the tests below (nil when Fashion-MNIST is missing).
    static let result: BatchNormStability.SeedResult? = (try? BatchNormStability.loadData(settings: settings))
        .map { BatchNormStability.measure(seed: 1, data: $0, settings: settings) }

    @Test func checkAcceptsBatchNormAndRejectsASecondNetWithoutIt() throws {
        let result = try #require(Self.result, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let results = [result]
        let (evidence, control) = BatchNormStability.evidence(results, settings: Self.settings, seeds: [1])
        let check = BatchNormStability.check
        #expect(check.evaluate(evidence).holds,
                "BN: gain \(evidence["early-accuracy-gain"].values), drift \(evidence["mean-absolute-drift"].values)")
        #expect(check.evaluate(control.evidence).passingSeedIndices.isEmpty,
                "control: gain \(control.evidence["early-accuracy-gain"].values), drift \(control.evidence["mean-absolute-drift"].values)")
        // Each rule on its own rejects the control, not just the rules together.
        for rule in check.evaluate(control.evidence).rules {
            #expect(!rule.holds.contains(true), "control passes \(rule.rule.metric): \(rule.values)")
        }
        #expect(LegacyJudgement(check: check, claim: evidence, control: control).verdict == .reproduced)
    }

    /// The drift rule alone must separate the nets: the same threshold rejects the baseline's own drift.
    @Test func driftRuleRejectsTheBaseline() throws {
        let result = try #require(Self.result, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let rule = try #require(BatchNormStability.check.rules.first { $0.metric == "mean-absolute-drift" })
        #expect(rule.condition.holds(result.batchNorm.meanAbsoluteDrift), "BN: \(result.batchNorm.meanAbsoluteDrift)")
        #expect(!rule.condition.holds(result.baseline.meanAbsoluteDrift), "baseline: \(result.baseline.meanAbsoluteDrift)")
    }

    /// The percentile probe reads the engine's ActivationStatistics per unit (numpy's linear interpolation).
    @Test func unitPercentilesOfAKnownColumn() {
        let column = (0..<101).map { Float($0) }   // 0, 1, …, 100: the p-quantile is 100·p
        let inputs = Tensor<Float>(rows: 101, columns: 1, scalars: column)
        let p = StabilityRun.unitPercentiles(inputs)[0]
        #expect(abs(p.p15 - 15) < 1e-9 && abs(p.median - 50) < 1e-9 && abs(p.p85 - 85) < 1e-9)
    }
}
