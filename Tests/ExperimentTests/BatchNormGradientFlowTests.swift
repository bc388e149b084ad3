import ClaimKit
import Datasets
import Foundation
import NeuralEngine
import Testing
@testable import batchnorm_gradient_flow

/// The experiment's own rules applied to what it measures on a smaller net: they accept the nets with batch norm and
/// reject the negative control (the same nets, same weights, BN replaced by the identity) — so the check can fail.
@Suite(.serialized) struct BatchNormGradientFlowTests {
    typealias Experiment = BatchNormGradientFlow
    static let data: LabeledDataset<Float>? = try? FashionMNIST.standardizedTraining(Float.self, limit: 1000)

    /// Two seeds at width 128 and batch 128 (the experiment: 256 and 256), depth 10 as in the experiment.
    func outcomes() throws -> [Outcome<Experiment.Metrics, Experiment.Extra>] {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let settings = Experiment.Settings(batchSize: 128, width: 128, examples: 1000)
        return try (0..<2).map { try Experiment.measure(seed: $0, settings: settings, inputs: data) }
    }

    @Test func rulesAcceptBatchNormAndRejectTheIdentity() throws {
        let outcomes = try outcomes()
        let judgement = Judgement(rules: Experiment.rules, claim: outcomes.map(\.claim),
                                  control: outcomes.map(\.control), seeds: [0, 1], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "with BN: \(outcomes.map(\.claim))")
        #expect(judgement.inForce.controlSeeds == [false, false], "identity: \(outcomes.map(\.control))")
        // Each rule on its own rejects the identity, not just the rules together.
        for rule in judgement.inForce.control {
            #expect(!rule.holds.contains(true), "the identity passes \(rule.id): \(rule.values)")
        }
    }

    /// The mean-field gain against closed forms: ReLU √(π/(π−1)) (E[φ′²] = 1/2, Var φ = 1/2 − 1/(2π)), Yang et al.'s
    /// rate; the identity has gain exactly 1.
    @Test func meanFieldGainMatchesClosedForms() {
        #expect(abs(meanFieldBatchNormGain(.relu) - Experiment.yangRate) < 1e-4)
        #expect(abs(meanFieldBatchNormGain(.leakyReLU(slope: 1)) - 1) < 1e-6)
    }

}
