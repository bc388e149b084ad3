import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import large_init_sigmoid

/// The experiment's own check, applied to what the experiment measures at initialisation (and a few training steps):
/// it accepts N(0, 1) against N(0, 0.1²) and rejects the negative control (the two swapped) — so the check can fail.
@Suite(.serialized) struct LargeInitSigmoidTests {
    /// 1000 training and 200 test images as raw pixels in [0, 1] (nil when Fashion-MNIST is missing).
    static let data = try? LargeInitSigmoid.loadData(training: 1000, evaluation: 200)

    func run(sigma: Double, range: ClosedRange<Double>, seed: UInt64) throws -> InitialisationRun {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        var rng = SeededGenerator(seed: seed)
        return InitialisationRun(sigma: sigma, training: data.training, evaluation: data.evaluation,
                                 probe: data.training.prefix(300).features, preActivationRange: range,
                                 histogramBins: 40, steps: 20, evaluationInterval: 10, learningRate: 0.1,
                                 batchSize: 50, using: &rng)
    }

    func results(seeds: [UInt64]) throws -> [LargeInitSigmoid.SeedResult] {
        try seeds.map { seed in
            LargeInitSigmoid.SeedResult(large: try run(sigma: 1, range: -60...60, seed: seed),
                                        small: try run(sigma: 0.1, range: -6...6, seed: seed + 100))
        }
    }

    @Test func checkAcceptsLargeVersusSmallAndRejectsThemSwapped() throws {
        let (claim, control) = LargeInitSigmoid.evidence(try results(seeds: [0, 1]), seeds: [0, 1])
        let check = LargeInitSigmoid.check
        #expect(check.evaluate(claim).holds, "claim: \(claim.metrics.prefix(3).map(\.values))")
        for rule in check.evaluate(control.evidence).rules {
            #expect(rule.holds.allSatisfy { !$0 }, "control: \(rule.rule.metric) \(rule.values)")
        }
        #expect(LegacyJudgement(check: check, claim: claim, control: control).verdict == .reproduced)
    }

    /// The pre-activation std matches σ·√E‖x‖² (a = w·x with independent N(0, σ²) weights and no bias), within the
    /// sampling error of 100 units.
    @Test func preActivationSpreadMatchesTheAnalyticValue() throws {
        for (sigma, range) in [(1.0, -60.0...60.0), (0.1, -6.0...6.0)] {
            let probe = try run(sigma: sigma, range: range, seed: 7)
            let ratio = probe.atInit.preActivation.standardDeviation / probe.analyticStandardDeviation
            #expect(ratio > 0.85 && ratio < 1.15, "σ = \(sigma): ratio \(ratio)")
        }
    }
}
