import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import sigmoid_vanishing_gradients

/// The experiment's own check, applied to what the experiment measures: it accepts sigmoid and rejects the negative
/// control (ReLU with He init) — so the check can fail.
@Suite(.serialized) struct SigmoidVanishingGradientsTests {
    static let data: LabeledDataset<Float>? = try? SigmoidVanishingGradients.loadData(examples: 2000)

    func flow(_ function: Activation<Float>.Function, _ initializer: Initializer, seed: UInt64) throws -> GradientFlow {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        var rng = SeededGenerator(seed: seed)
        let batch = data.subset(Array(rng.permutation(data.count).prefix(256)))
        return GradientFlow(activation: function, initializer: initializer, depth: 5, batch: batch.features,
                            labels: batch.labels, using: &rng)
    }

    func evidence(_ flows: [GradientFlow]) -> Evidence {
        var e = Evidence(seeds: Array(flows.indices))
        e.add("attenuation", label: "attenuation", values: flows.map(\.attenuation))
        e.add("first-to-last-weight-gradient", label: "ratio", values: flows.map(\.firstToLastWeightGradient))
        return e
    }

    @Test func checkAcceptsSigmoidAndRejectsReLUWithHe() throws {
        let sigmoid = try (0..<2).map { try flow(.sigmoid, .lecunNormal, seed: $0) }
        let relu = try (0..<2).map { try flow(.relu, .heNormal, seed: $0) }
        let check = SigmoidVanishingGradients.check
        #expect(check.evaluate(evidence(sigmoid)).holds, "sigmoid: \(sigmoid.map(\.attenuation))")
        #expect(check.evaluate(evidence(relu)).passingSeedIndices.isEmpty, "ReLU: \(relu.map(\.attenuation))")
        let judgement = Judgement(check: check, claim: evidence(sigmoid),
                                  control: Control("ReLU + He", mustBe: .rejected, evidence: evidence(relu)))
        #expect(judgement.verdict == .reproduced)
    }

    /// The analytic picture: ReLU with He init passes the gradient back at ≈ 1 per layer (He et al. 2015 §2.2);
    /// sigmoid at most 1/4 of the weight scale.
    @Test func attenuationMatchesTheory() throws {
        let relu = try flow(.relu, .heNormal, seed: 3)
        let sigmoid = try flow(.sigmoid, .lecunNormal, seed: 3)
        #expect(relu.attenuation > 0.85 && relu.attenuation < 1.15)
        #expect(sigmoid.attenuation < 0.26)
    }

    /// Reproducibility: the same seed gives bit-identical measurements (BLAS pinned to one thread).
    @Test func sameSeedSameBits() throws {
        BLASThreads.pin(1)
        let a = try flow(.sigmoid, .lecunNormal, seed: 7), b = try flow(.sigmoid, .lecunNormal, seed: 7)
        #expect(a.hiddenGradientNorms == b.hiddenGradientNorms)
        #expect(a.weightGradientNorms == b.weightGradientNorms)
    }
}
