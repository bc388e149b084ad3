import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import xavier_vs_he_relu

/// The experiment's own check, applied to what the experiment measures on small, fast settings: it accepts Xavier
/// against He and rejects the negative control ("He" without its factor 2) — so the check can fail.
@Suite(.serialized) struct XavierVsHeReLUTests {
    /// 256 Fashion-MNIST training images, scalar-standardised (nil when the data is missing).
    static let data: LabeledDataset<Float>? = try? XavierVsHeReLU.loadData(examples: 256)

    func requireData() throws -> LabeledDataset<Float> {
        try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
    }

    /// Part 1 on a 10 × 200 ReLU net and 200 images.
    func signal(_ scheme: WeightScheme, seed: UInt64) throws -> SignalPropagation {
        let data = try requireData()
        var rng = SeededGenerator(seed: seed)
        let batch = data.subset(Array(rng.permutation(data.count).prefix(200)))
        return SignalPropagation(scheme: scheme, depth: 10, width: 200, batch: batch.features, using: &rng)
    }

    /// Part 2 made small enough for a debug build: a 15 × 32 ReLU net (deep enough for Xavier to stall within
    /// these steps) fitting the 256 images, 120 steps of batch 64, SGD with momentum 0.9.
    func training(_ scheme: WeightScheme, rate: Double, seed: UInt64, steps: Int = 120) throws -> DeepTraining {
        let data = try requireData()
        var rng = SeededGenerator(seed: seed)
        return DeepTraining(scheme: scheme, depth: 15, width: 32, learningRate: rate, momentum: 0.9, steps: steps,
                            batchSize: 64, data: data, using: &rng)
    }

    /// LegacyEvidence under the check's metric names for one seed, from the Xavier runs and the runs in He's role.
    func evidence(xavier: (SignalPropagation, DeepTraining), he: (SignalPropagation, DeepTraining)) -> LegacyEvidence {
        var e = LegacyEvidence(seeds: [0])
        e.add("slope-xavier", label: "Xavier", values: [xavier.0.slope])
        e.add("slope-he", label: "He", values: [he.0.slope])
        e.add("deep-loss-xavier", label: "Xavier", values: [xavier.1.finalLoss])
        e.add("deep-loss-he", label: "He", values: [he.1.finalLoss])
        return e
    }

    @Test func checkAcceptsHeAndRejectsHeWithoutItsFactor2() throws {
        func runs(_ scheme: WeightScheme) throws -> (SignalPropagation, DeepTraining) {
            (try signal(scheme, seed: 1), try training(scheme, rate: 0.01, seed: 1))
        }
        let xavier = try runs(.xavier)
        let claim = evidence(xavier: xavier, he: try runs(.he))
        let control = evidence(xavier: xavier, he: try runs(.heWithoutFactor2))
        let check = XavierVsHeReLU.check
        #expect(check.evaluate(claim).holds, "claim: \(claim.metrics.map { "\($0.name) \($0.values)" })")
        #expect(check.evaluate(control).passingSeedIndices.isEmpty,
                "control: \(control.metrics.map { "\($0.name) \($0.values)" })")
        let judgement = LegacyJudgement(check: check, claim: claim,
                                  control: LegacyControl("He without 2", mustBe: .rejected, evidence: control))
        #expect(judgement.verdict == .reproduced)
    }

    /// He et al. §2.2: log₂E[h²] falls by 1 per ReLU layer for Var[w] = 1/fan_in and stays level for 2/fan_in.
    @Test func slopesMatchTheory() throws {
        #expect(abs(try signal(.xavier, seed: 7).slope + 1) < 0.25)
        #expect(abs(try signal(.heWithoutFactor2, seed: 7).slope + 1) < 0.25)
        #expect(abs(try signal(.he, seed: 7).slope) < 0.25)
        #expect(SignalPropagation.leastSquaresSlope([3, 1, -1, -3]) == -2)
    }

    /// A run that stops being finite is recorded as diverged (final loss NaN) instead of trapping, and the rules
    /// reject it. Infinite inputs make the first layer's outputs and gradient NaN; ReLU maps the NaN outputs to 0, so
    /// the loss alone would stay finite — the first-layer gradient gives the run away.
    @Test func divergedRunIsNaNEvidence() throws {
        let data = try requireData().prefix(128).mappingFeatures { $0.map { _ in .infinity } }
        var rng = SeededGenerator(seed: 0)
        let run = DeepTraining(scheme: .he, depth: 3, width: 8, learningRate: 0.01, momentum: 0.9, steps: 10,
                               batchSize: 64, data: data, using: &rng)
        #expect(run.diverged && run.losses.isEmpty)
        #expect(run.finalLoss.isNaN && run.finalFirstLayerGradientNorm.isNaN)
        #expect(!Condition.lessThan(1.2).holds(run.finalLoss) && !Condition.greaterThan(2.2).holds(run.finalLoss))
    }
}
