import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import xavier_vs_he_relu

/// The experiment's own rules applied to what it measures, on small settings: they accept Xavier against He and reject
/// the negative control ("He" without its factor 2 in He's place) — so the check can fail.
@Suite(.serialized) struct XavierVsHeReLUTests {
    typealias Experiment = XavierVsHeReLU
    /// 256 Fashion-MNIST training images, scalar-standardised (nil when the data is missing).
    static let data: LabeledDataset<Float>? = try? FashionMNIST.standardizedTraining(Float.self, limit: 256)
    /// The experiment's 30-layer depth at width 64 on the 256 images, 200 steps: Xavier stalls as in the full run,
    /// but He does not get below the full run's loss bound this early, so the loss rule on He is checked by ordering
    /// (He below its control) and the full-size runs judge the bound itself.
    static let small = Experiment.Settings(deepDepth: 30, deepWidth: 64, steps: 200, xavierRates: [0.01], heRate: 0.01)

    func requireData() throws -> LabeledDataset<Float> {
        try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
    }

    /// The 10 × 500 net of the experiment on the 256 images.
    func signal(_ scheme: WeightScheme, seed: UInt64) throws -> SignalPropagation {
        var rng = SeededGenerator(seed: seed)
        let batch = try requireData().subset(Array(0..<256)).features
        return SignalPropagation(scheme: scheme, depth: 10, width: 500, batch: batch, using: &rng)
    }

    func training(_ scheme: WeightScheme, seed: UInt64) throws -> DeepTraining {
        var rng = SeededGenerator(seed: seed)
        return DeepTraining(scheme: scheme, settings: Self.small, learningRate: Self.small.heRate, data: try requireData(),
                            using: &rng)
    }

    @Test func rulesTellHeFromHeWithoutItsFactor2() throws {
        let slopeXavier = try signal(.xavier, seed: 1).slope, lossXavier = try training(.xavier, seed: 1).finalLoss
        func arm(_ scheme: WeightScheme) throws -> Experiment.Metrics {   // the arm in He's place, beside Xavier
            Experiment.Metrics(slopeXavier: slopeXavier, slopeHe: try signal(scheme, seed: 2).slope,
                               deepLossXavier: lossXavier, deepLossHe: try training(scheme, seed: 2).finalLoss)
        }
        let claim = try arm(.he), control = try arm(.heWithoutFactor2)
        let judgement = Judgement(rules: Experiment.rules, claim: [claim], control: [control], seeds: [1],
                                  controlMustBe: .rejected)
        for id in ["slope-xavier", "slope-he", "deep-loss-xavier"] {
            #expect(judgement.rule(id)?.held == true, "\(id): claim \(claim)")
        }
        #expect(judgement.inForce.controlSeeds == [false], "control \(control)")
        #expect(judgement.inForce.control.first { $0.id == "slope-he" }?.held == false)
        #expect(claim.deepLossHe < control.deepLossHe - 0.3, "He trains, its control does not: \(claim) \(control)")
    }

    /// He et al. §2.2: log₂E[h²] falls by 1 per ReLU layer for Var[w] = 1/fan_in and stays level for 2/fan_in.
    @Test func slopesMatchTheory() throws {
        #expect(abs(try signal(.xavier, seed: 7).slope + 1) < 0.15)
        #expect(abs(try signal(.heWithoutFactor2, seed: 7).slope + 1) < 0.15)
        #expect(abs(try signal(.he, seed: 7).slope) < 0.15)
        #expect(SignalPropagation.leastSquaresSlope([3, 1, -1, -3]) == -2)
    }

    /// A run that stops being finite is recorded as diverged (final loss NaN), and the rules reject it. Infinite inputs
    /// make the first layer's gradient NaN; ReLU can map NaN outputs to 0, so the first-layer gradient gives it away.
    @Test func divergedRunIsNaNEvidence() throws {
        let data = try requireData().prefix(128).mappingFeatures { $0.map { _ in .infinity } }
        var rng = SeededGenerator(seed: 0)
        let settings = Experiment.Settings(deepDepth: 3, deepWidth: 8, steps: 10)
        let run = DeepTraining(scheme: .he, settings: settings, learningRate: 0.01, data: data, using: &rng)
        #expect(run.log.diverged && run.finalLoss.isNaN && run.finalGradientNorm.isNaN)
        #expect(!Condition.lessThan(1.0).holds(run.finalLoss) && !Condition.greaterThan(2.2).holds(run.finalLoss))
    }
}
