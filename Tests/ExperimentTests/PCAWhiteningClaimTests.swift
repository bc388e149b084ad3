import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import pca_whitening

/// The experiment's own rules applied to a short run: they accept PCA-100 whitened with ε = 1e−5 and reject plain
/// whitening (all 784 directions, no ε) — by its distance from I on the held-out test images; on the training images
/// (the pre-registered reading) both are white, so there the control is not rejected.
@Suite(.serialized) struct PCAWhiteningClaimTests {
    typealias Experiment = PCAWhiteningClaim
    static let settings = Experiment.Settings(trainingExamples: 5000, validationExamples: 500, steps: 30, learningRates: [0.1])
    /// The first 5500 training images and the whole test set (what the test-set rule is measured on).
    static let inputs = try? FashionMNIST.load(Float.self, trainingLimit: 5500)

    @Test func rulesAcceptWhitenedPCA100AndRejectPlainWhitening() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 1, settings: Self.settings, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [1], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "whitened PCA-100: \(outcome.claim)")
        #expect(judgement.inForce.controlSeeds == [false], "plain whitening: \(outcome.control)")
        #expect(judgement.preregistered.controlSeeds == [true], "on the training images plain whitening is white too")
    }

    /// Oracle: the distance from I of a hand-written matrix, and the covariance of two perfectly correlated columns.
    @Test func distanceAndCovarianceByHand() {
        #expect(distanceFromIdentity(Tensor<Float>([[1, 0.3], [0.3, 0.5]])) == 0.5)
        let c = covariance(Tensor<Float>([[1, 2], [3, 6], [5, 10]]))   // Var = 8/3, Cov = 16/3, Var₂ = 32/3
        #expect(abs(c[0, 0] - 8.0 / 3) < 1e-5 && abs(c[0, 1] - 16.0 / 3) < 1e-5 && abs(c[1, 1] - 32.0 / 3) < 1e-5)
    }
}
