import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import zero_center_inputs

/// The experiment's own rules applied to a short run: they accept centring with the training mean and reject the
/// negative control (the mean refit on the test set) — through the leakage check, the rule only leakage can fail.
@Suite(.serialized) struct ZeroCenterInputsTests {
    typealias Experiment = ZeroCenterInputs
    static let settings = Experiment.Settings(trainingExamples: 500, steps: 50, learningRates: [0.1, 1])
    /// The first 1000 training and 500 test images (the experiment loads all of them).
    static let inputs = try? FashionMNIST.load(Float.self, trainingLimit: 1000, testLimit: 500)

    @Test func rulesAcceptTrainingMeanAndRejectTestMean() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 1, settings: Self.settings, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [1], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "centred: \(outcome.claim)")
        #expect(judgement.inForce.controlSeeds == [false], "refit on the test set: \(outcome.control)")
        #expect(judgement.inForce.control.first { $0.id == "leakage-check" }?.holds == [false])
    }

    /// Oracle: with the training mean, the centred test set's mean is μ_test − μ_train computed by a plain loop; refit
    /// on the test set it is 0, so the leakage error is max |μ_test − μ_train|.
    @Test func leakageErrorAgainstPlainMeans() {
        let train = Tensor<Float>([[0, 1], [2, 3]]), test = Tensor<Float>([[1, 1], [2, 2], [3, 6]])
        let shift = [2.0 - 1, 3.0 - 2]   // μ_test = (2, 3), μ_train = (1, 2)
        let honest = Preprocessing.centred.fitted(training: train, test: test)(test)
        let leaky = Preprocessing.leaky.fitted(training: train, test: test)(test)
        let mean = { (x: Tensor<Float>) in (0..<2).map { j in x.column(j).reduce(0) { $0 + Double($1) } / 3 } }
        #expect(leakageError(testMean: mean(honest), shift: shift) < 1e-6)
        #expect(abs(leakageError(testMean: mean(leaky), shift: shift) - 1) < 1e-6)
    }
}
