import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import zero_center_inputs

/// The experiment's own rules applied to a short run: they accept centring with the training mean and reject the
/// negative control (x / σ without centring) — and, separately, the leakage check catches the pipeline that refits the
/// mean on the test set.
@Suite(.serialized) struct ZeroCenterInputsTests {
    typealias Experiment = ZeroCenterInputs
    static let settings = Experiment.Settings(trainingExamples: 500, steps: 50, learningRates: [0.01, 0.1, 1])
    /// The first 1000 training and 500 test images (the experiment loads all of them).
    static let inputs = try? FashionMNIST.load(Float.self, trainingLimit: 1000, testLimit: 500)

    @Test func rulesAcceptTrainingMeanAndRejectScalingWithoutCentring() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 1, settings: Self.settings, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [1], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "centred: \(outcome.claim)")
        #expect(judgement.inForce.controlSeeds == [false], "x / σ: \(outcome.control)")
        #expect(judgement.inForce.control.first { $0.id == "eigenvalue-ratio" }?.holds == [false])
        #expect(judgement.inForce.control.first { $0.id == "leakage-check" }?.holds == [true], "σ is the training set's")
        // The pipeline check: the same rules on the test-set refit fail through the leakage check alone.
        let leaky = Experiment.Metrics(lossGap: outcome.extra.leakyLossGap,
                                       eigenvalueRatio: outcome.extra.leakyEigenvalueRatio,
                                       leakageError: outcome.extra.leakyLeakageError)
        let caught = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [leaky], seeds: [1],
                               controlMustBe: .rejected)
        #expect(caught.inForce.control.first { $0.id == "leakage-check" }?.holds == [false], "refit: \(leaky)")
        #expect(caught.inForce.control.first { $0.id == "eigenvalue-ratio" }?.holds == [true])
    }

    /// Oracle: with the training mean, the centred test set's mean is μ_test − μ_train computed by a plain loop; refit
    /// on the test set it is 0, so the leakage error is max |μ_test − μ_train|.
    @Test func leakageErrorAgainstPlainMeans() {
        let train = Tensor<Float>([[0, 1], [2, 3]]), test = Tensor<Float>([[1, 1], [2, 2], [3, 6]])
        let shift = [2.0 - 1, 3.0 - 2]   // μ_test = (2, 3), μ_train = (1, 2)
        let honest = Preprocessing.centred.fitted(training: train, test: test)(test)
        let leaky = Preprocessing.leaky.fitted(training: train, test: test)(test)
        let mean = { (x: Tensor<Float>) in (0..<2).map { j in x.column(j).reduce(0) { $0 + Double($1) } / 3 } }
        #expect(leakageError(testMean: mean(honest), expected: shift) < 1e-6)
        #expect(abs(leakageError(testMean: mean(leaky), expected: shift) - 1) < 1e-6)
        // x / σ without centring: the test mean is μ_test / σ_train, not μ_test − μ_train (σ_train = √1.25 here).
        let scaled = Preprocessing.scaled.fitted(training: train, test: test)(test)
        #expect(abs(mean(scaled)[0] - 2 / 1.25.squareRoot()) < 1e-5)
    }
}
