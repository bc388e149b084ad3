import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import pca_whitening

/// The experiment's own rules applied to a short run: they accept PCA-100 whitened with ε = 1e−5 and reject the control,
/// per-pixel standardisation without the rotation (its covariance keeps the pixels' correlations) — on the test images
/// (the rule in force) and on the training images (the pre-registered reading) alike.
@Suite(.serialized) struct PCAWhiteningClaimTests {
    typealias Experiment = PCAWhiteningClaim
    static let settings = Experiment.Settings(trainingExamples: 5000, validationExamples: 500, steps: 30, learningRates: [0.1])
    /// The first 5500 training images and the whole test set (what the test-set rule is measured on).
    static let inputs = try? FashionMNIST.load(Float.self, trainingLimit: 5500)

    @Test func rulesAcceptWhitenedPCA100AndRejectPixelStandardisation() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 1, settings: Self.settings, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [1], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "whitened PCA-100: \(outcome.claim)")
        #expect(judgement.inForce.controlSeeds == [false], "per-pixel standardisation: \(outcome.control)")
        #expect(judgement.preregistered.controlSeeds == [false])
        #expect(outcome.extra.controlOffDiagonal > outcome.extra.controlDiagonal, "its largest error is a correlation")
        // Whitening all 784 directions (CS231n's formula, ε = 1e−5) is not white on the test images.
        #expect(outcome.extra.testDistanceSmall > Experiment.tolerance)
    }

    /// Oracle: the distance from I of a hand-written matrix, and the covariance of two perfectly correlated columns.
    @Test func distanceAndCovarianceByHand() {
        let m = Tensor<Float>([[1, 0.3], [0.3, 0.5]])
        #expect(m.distanceFromIdentity() == 0.5)
        #expect(abs(m.distanceFromIdentity(diagonal: false) - 0.3) < 1e-6)
        // Rescaled by s = (1, √0.5): C₂₂ → 1, C₁₂ → 0.3/√0.5; a zero scale leaves its row and column out.
        #expect(abs(m.distanceFromIdentity(scale: [1, 0.5.squareRoot()]) - 0.3 / 0.5.squareRoot()) < 1e-6)
        #expect(m.distanceFromIdentity(scale: [1, 0]) == 0)
        let c = Tensor<Float>([[1, 2], [3, 6], [5, 10]]).covarianceMatrix()   // Var = 8/3, Cov = 16/3, Var₂ = 32/3
        #expect(abs(c[0, 0] - 8.0 / 3) < 1e-5 && abs(c[0, 1] - 16.0 / 3) < 1e-5 && abs(c[1, 1] - 32.0 / 3) < 1e-5)
        #expect(Tensor<Float>([[1, 2, 3], [4, 5, 6]]).selectingColumns([2, 0]).scalars == [3, 1, 6, 4])
    }
}
