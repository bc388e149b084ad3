import ClaimKit
import Datasets
import Foundation
import NeuralEngine
import Testing
@testable import batchnorm_init_robustness

/// The experiment's own check on a shorter sweep: it accepts batch norm and rejects the negative control (batch norm
/// replaced by the identity) — so the check can fail.
@Suite(.serialized) struct BatchNormInitRobustnessTests {
    static let data: SweepData? = try? BatchNormInitRobustness.loadData(trainingCount: 1000, validationCount: 500)

    /// Three scales from 10^−2 to 10^−1 (the middle of the experiment's nine), 4 epochs: all three train with batch
    /// norm; without it none does, or only 0.1.
    @Test func checkAcceptsBatchNormAndRejectsTheIdentity() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let settings = SweepSettings(epochs: 4, weightScales: [1e-2, 3.16e-2, 0.1])
        let result = BatchNormInitRobustness.measure(seed: 0, data: data, settings: settings)
        let (claim, control) = BatchNormInitRobustness.evidence([result], seeds: [0])
        let check = BatchNormInitRobustness.check
        #expect(check.evaluate(claim).holds, "with BN: \(result.batchNorm.runs.map(\.bestValidationAccuracy))")
        #expect(check.evaluate(control.evidence).passingSeedIndices.isEmpty,
                "without BN: \(result.plain.runs.map(\.bestValidationAccuracy))")
        #expect(LegacyJudgement(check: check, claim: claim, control: control).verdict == .reproduced)
    }

    /// The mechanism (Ioffe & Szegedy 2015 §3.3, BN(Wu) = BN((aW)u)): at initialisation the batch-normalised hidden
    /// layers give the same output for weights drawn with scale 0.01 and 0.1 from one stream, up to batch norm's ε.
    @Test func batchNormOutputDoesNotDependOnTheWeightScale() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let batch = data.training.features.gatheringRows(Array(0..<100))
        let outputs = [0.01, 0.1].map { scale -> Tensor<Float> in
            var rng = SeededGenerator(seed: 7)
            let network = Sequential<Float>.mlp(sizes: [784, 50, 50, 50, 10], activation: .relu,
                                                initializer: .normal(standardDeviation: scale),
                                                normalization: .batch, using: &rng)
            _ = network.forward(batch, phase: .training)
            return network.outputs[network.layers.count - 2]   // the last hidden activation
        }
        let difference = (outputs[0] - outputs[1]).maxAbsolute()
        #expect(difference < 1e-2 * outputs[1].maxAbsolute(), "max |difference| \(difference)")
    }
}
