import ClaimKit
import Datasets
import Foundation
import NeuralEngine
import Testing
@testable import batchnorm_higher_learning_rate

/// The experiment's own rule on a short, coarse sweep: it accepts batch norm and rejects the negative control (batch
/// norm replaced by the identity) — so the check can fail.
@Suite(.serialized) struct BatchNormHigherLearningRateTests {
    typealias Experiment = BatchNormHigherLearningRate
    /// Three rates half a decade apart, a 784-[128]×6-10 net for 40 steps: the plain net trains at 0.1 and diverges
    /// from 0.316 on, batch norm still trains at 1 (a half-decade grid as in CLAIMS.md's reference: ratio 10 or 1).
    static let settings = Experiment.Settings(steps: 40, tail: 10, examples: 2000, learningRates: [0.1, 0.316, 1])
    static let data = try? Experiment.load(settings)

    @Test func ruleAcceptsBatchNormAndRejectsTheIdentity() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 0, settings: Self.settings, inputs: data)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [0], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "BN \(outcome.claim), control \(outcome.control)")
        #expect(judgement.inForce.controlSeeds == [false])
    }

    /// A diverged run is evidence, not a crash: its final loss is NaN, and the sweep reports the rate.
    @Test func aDivergedRunIsRecordedAsNaN() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let settings = Experiment.Settings(steps: 100, tail: 20, learningRates: [30])
        let sweep = LearningRateSweep(training: data, normalization: nil, settings: settings,
                                      rng: SeededGenerator(seed: 1))
        #expect(sweep.finalLosses.count == 1 && sweep.finalLosses[0].isNaN)
        #expect(sweep.largestTrainingRate([30]).isNaN && sweep.smallestDivergingRate([30]) == 30)
    }
}
