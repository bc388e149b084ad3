import ClaimKit
import Datasets
import Foundation
import NeuralEngine
import Testing
@testable import batchnorm_gradient_flow

/// The experiment's own check, applied to what the experiment measures on a smaller net: it accepts the batch-norm
/// nets and rejects the negative control (the same nets without batch norm) — so the check can fail.
@Suite(.serialized) struct BatchNormGradientFlowTests {
    static let data: LabeledDataset<Float>? = try? BatchNormGradientFlow.loadData(examples: 1000)

    /// Two seeds at width 128 and batch 128 (the experiment: 256 and 256), depth 10 as in the experiment.
    func results() throws -> [BatchNormGradientFlow.SeedResult] {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let settings = BatchNormGradientFlow.Settings(batchSize: 128, width: 128, examples: 1000)
        return (0..<2).map { BatchNormGradientFlow.measure(seed: $0, data: data, settings: settings) }
    }

    @Test func checkAcceptsBatchNormAndRejectsThePlainNets() throws {
        let results = try results()
        let (claim, control) = BatchNormGradientFlow.evidence(results, seeds: [0, 1])
        let check = BatchNormGradientFlow.check
        #expect(check.evaluate(claim).holds,
                "with BN: \(claim["attenuation-sigmoid"].values), \(claim["attenuation-tanh"].values)")
        #expect(check.evaluate(control.evidence).passingSeedIndices.isEmpty,
                "without BN: \(control.evidence["attenuation-sigmoid"].values)")
        #expect(LegacyJudgement(check: check, claim: claim, control: control).verdict == .reproduced)
    }

    /// The caveat the report states: with ReLU, batch norm makes the gradient grow towards the input (factor > 1.1
    /// per layer), while the plain He-initialised net keeps it flat (Yang et al. 2019; He et al. 2015 §2.2).
    @Test func batchNormMakesTheReLUGradientExplode() throws {
        for result in try results() {
            #expect(result.batchNorm["ReLU"]!.attenuation > 1.1)
            #expect(abs(result.plain["ReLU"]!.attenuation - 1) < 0.1)
        }
    }

    /// The mean-field gain against closed forms: ReLU √(1/(1 − 1/π)) (E[φ′²] = 1/2, Var φ = 1/2 − 1/(2π)); the
    /// identity has gain exactly 1.
    @Test func meanFieldGainMatchesClosedForms() {
        #expect(abs(meanFieldBatchNormGain(.relu) - (1 / (1 - 1 / Double.pi)).squareRoot()) < 1e-4)
        #expect(abs(meanFieldBatchNormGain(.leakyReLU(slope: 1)) - 1) < 1e-6)
    }
}
