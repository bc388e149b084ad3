import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import large_init_sigmoid

/// The experiment's own rules applied to what it measures at initialisation: they accept N(0, 1) against N(0, 0.1²)
/// and reject the negative control ("N(0, 0.1)" read as a variance, std 0.32) — so the check can fail.
@Suite(.serialized) struct LargeInitSigmoidTests {
    typealias Experiment = LargeInitSigmoid
    static let settings = Experiment.Settings(probeExamples: 300, trainingExamples: 300, evaluationExamples: 100, histogramBins: 40)
    /// Raw pixels in [0, 1] (nil when Fashion-MNIST is missing).
    static let data = try? Experiment.load(settings)

    /// The hidden layer at initialisation only (no training).
    func probe(sigma: Double, seed: UInt64) throws -> (run: InitialisationRun, theory: PreActivationTheory) {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        var rng = SeededGenerator(seed: seed)
        let batch = data.training.features
        let run = InitialisationRun(sigma: sigma, range: -60...60, settings: Self.settings, data: data, probe: batch,
                                    train: false, using: &rng)
        return (run, PreActivationTheory(probe: batch))
    }

    func metrics(large: InitialisationRun, small: InitialisationRun) -> Experiment.Metrics {
        Experiment.Metrics(saturatedLarge: large.atInit.output.saturatedFraction,
                           saturatedSmall: small.atInit.output.saturatedFraction,
                           derivativeRatio: small.atInit.derivative.mean / large.atInit.derivative.mean)
    }

    @Test func rulesAcceptStd01AndRejectTheVarianceReading() throws {
        let seeds: [UInt64] = [0, 1]
        let large = try seeds.map { try probe(sigma: 1, seed: $0).run }
        let claim = try seeds.indices.map { metrics(large: large[$0], small: try probe(sigma: 0.1, seed: seeds[$0] + 10).run) }
        let control = try seeds.indices.map {
            metrics(large: large[$0], small: try probe(sigma: 0.1.squareRoot(), seed: seeds[$0] + 10).run)
        }
        let judgement = Judgement(rules: Experiment.rules, claim: claim, control: control, seeds: [0, 1],
                                  controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "claim \(claim), control \(control)")
        #expect(judgement.inForce.controlSeeds == [false, false])
    }

    /// Oracle: the pre-activation std matches σ·√E‖x‖², and the saturated fraction the Gaussian mixture predicts —
    /// within the sampling error of 100 units, large because one unit's pre-activations over similar images are
    /// strongly correlated (relative 10% at σ = 1, 50% in the thin tail at σ = 0.1).
    @Test func measurementsMatchTheory() throws {
        for (sigma, tolerance) in [(1.0, 0.1), (0.1, 0.5)] {
            let (run, theory) = try probe(sigma: sigma, seed: 7)
            let ratio = run.atInit.preActivation.standardDeviation / theory.standardDeviation(sigma)
            #expect(ratio > 0.85 && ratio < 1.15, "σ = \(sigma): ratio \(ratio)")
            let predicted = theory.saturatedFraction(sigma), measured = run.atInit.output.saturatedFraction
            #expect(abs(measured - predicted) < tolerance * predicted, "σ = \(sigma): \(measured) vs \(predicted)")
        }
        // One Gaussian of std 1: P(|a| > 3.48) = erfc(3.48/√2) ≈ 5.1e-4.
        let unit = PreActivationTheory(probe: Tensor<Float>(rows: 1, columns: 1, repeating: 1))
        #expect(abs(unit.gaussianSaturatedFraction(1) - 5.09e-4) < 1e-5)
    }
}
