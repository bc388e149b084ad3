import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import sigmoid_vanishing_gradients

/// The experiment's own rules applied to what it measures: they accept sigmoid and reject the negative control
/// (σ′ coded as 1) and ReLU with He init — so the check can fail.
@Suite(.serialized) struct SigmoidVanishingGradientsTests {
    typealias Experiment = SigmoidVanishingGradients
    static let data: LabeledDataset<Float>? = try? FashionMNIST.standardizedTraining(Float.self, limit: 2000)

    func flow(_ variant: String, seed: UInt64) throws -> GradientFlow {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let v = try #require(Experiment.variants.first { $0.name == variant })
        var rng = SeededGenerator(seed: seed)
        let batch = data.subset(Array(rng.permutation(data.count).prefix(256)))
        return GradientFlow(activation: v.activation, initializer: v.initializer, depth: 5, batch: batch.features,
                            labels: batch.labels, using: &rng)
    }

    func metrics(_ flows: [GradientFlow]) -> [Experiment.Metrics] {
        flows.map { Experiment.Metrics(attenuation: $0.attenuation, firstToLastWeightGradient: $0.firstToLastWeightGradient) }
    }

    @Test func rulesAcceptSigmoidAndRejectTheControls() throws {
        let sigmoid = try metrics((0..<2).map { try flow("sigmoid", seed: $0) })
        for control in ["sigmoid, σ′ coded as 1", "ReLU + He"] {
            let mutated = try metrics((0..<2).map { try flow(control, seed: $0) })
            let judgement = Judgement(rules: Experiment.rules, claim: sigmoid, control: mutated, seeds: [0, 1],
                                      controlMustBe: .rejected)
            #expect(judgement.verdict == .reproduced, "\(control): \(mutated.map(\.attenuation))")
            #expect(judgement.inForce.controlSeeds == [false, false])
        }
    }

    /// The analytic picture: ReLU with He init passes the gradient back at ≈ 1 per layer (He et al. 2015 §2.2);
    /// sigmoid at most 1/4 of the weight scale.
    @Test func attenuationMatchesTheory() throws {
        #expect(abs(try flow("ReLU + He", seed: 3).attenuation - 1) < 0.15)
        #expect(try flow("sigmoid", seed: 3).attenuation < 0.26)
    }

    /// Reproducibility: the same seed gives bit-identical measurements (BLAS pinned to one thread).
    @Test func sameSeedSameBits() throws {
        BLASThreads.pin(1)
        let a = try flow("sigmoid", seed: 7), b = try flow("sigmoid", seed: 7)
        #expect(a.hiddenGradientNorms == b.hiddenGradientNorms)
        #expect(a.weightGradientNorms == b.weightGradientNorms)
    }
}
