import ClaimKit
import Datasets
import Foundation
import NeuralEngine
import Testing
@testable import init_scale_tanh

/// The experiment's own rules, applied to what it measures on a shrunken run: they accept the claim (collapse at
/// std 0.01, saturation at std 1, healthy Xavier) and reject the negative control (a layer norm before every tanh) —
/// so the check can fail.
@Suite(.serialized) struct InitScaleTanhTests {
    typealias Experiment = InitScaleTanh
    /// Small enough for a debug build: the probe net is 6 layers of 200 on 100 inputs (the collapse law scales with the
    /// width; 6 layers keep the std-0.01 activations, ≈ 0.14⁶ ≈ 8e-6, far above the ≈ 3e-8 steps in which the engine's
    /// Float32 tanh resolves values near 0), and the trained net is 6×32 for 120 steps.
    static let settings = Experiment.Settings(inputRows: 100, width: 200, depth: 6, trainingWidth: 32,
                                              trainingExamples: 2_000, probeExamples: 500, steps: 120)
    static let data = try? Experiment.load(settings)

    @Test func rulesAcceptTheClaimAndRejectTheLayerNormControl() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let seeds = [0]
        let outcomes = try seeds.map { try Experiment.measure(seed: $0, settings: Self.settings, inputs: data) }
        let judgement = Judgement(rules: Experiment.rules, claim: outcomes.map(\.claim), control: outcomes.map(\.control),
                                  seeds: seeds, controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "claim: \(outcomes.map(\.claim))")
        #expect(judgement.inForce.controlSeeds == [false], "control: \(outcomes.map(\.control))")
    }

    /// The analytic picture behind the thresholds, on the forward probe alone: at std 0.01 every layer's std is
    /// (0.01·√n) times the previous one's (tanh is linear there), and at std 1 the share of |h| ≤ 0.97 is about
    /// P(|z| ≤ atanh 0.97) for z ~ N(0, n·Var h).
    @Test func forwardProbeFollowsTheTheory() {
        let width = 200, depth = 6
        var rng = SeededGenerator(seed: 7)
        let input = Tensor<Float>.normal(rows: 100, columns: width, using: &rng)
        let upstream = Tensor<Float>.normal(rows: 100, columns: width, using: &rng)
        let small = DeepTanhProbe(initializer: .normal(standardDeviation: 0.01), input: input, depth: depth,
                                  upstream: upstream, using: &rng)
        let gain = 0.01 * Double(width).squareRoot()
        for l in 2...depth {
            let ratio = small.standardDeviation(layer: l) / small.standardDeviation(layer: l - 1)
            #expect(abs(ratio / gain - 1) < 0.1, "layer \(l): ratio \(ratio), expected \(gain)")
        }
        // Uniformly tiny: the weight gradient is the same in every layer to within a few per cent.
        #expect(small.weightGradientSpread < 1.2, "spread \(small.weightGradientSpread)")

        let large = DeepTanhProbe(initializer: .normal(standardDeviation: 1), input: input, depth: depth,
                                  upstream: upstream, using: &rng)
        let sigma = (Double(width) * 0.96).squareRoot()   // pre-activation std: √n · std h, std h ≈ 0.98
        let unsaturated = 2 * atanh(0.97) / (sigma * (2 * Double.pi).squareRoot())   // small-|z| density × width
        let measured = 1 - large.layers[depth - 1].saturatedFraction
        #expect(abs(measured - unsaturated) < 0.03, "unsaturated share \(measured), expected ≈ \(unsaturated)")
        #expect(large.backwardGainPerLayer > 1, "the backward signal grows towards the input at std 1")
    }

    /// The control's mutation removes the scale: with a layer norm the std-0.01 and std-1 probes see the same
    /// activations (they share their draws).
    @Test func layerNormRemovesTheWeightScale() {
        var rng = SeededGenerator(seed: 5)
        let input = Tensor<Float>.normal(rows: 50, columns: 100, using: &rng)
        let upstream = Tensor<Float>.normal(rows: 50, columns: 100, using: &rng)
        let probes = [0.01, 1.0].map { std -> DeepTanhProbe in
            var weights = SeededGenerator(seed: 11)
            return DeepTanhProbe(initializer: .normal(standardDeviation: std), input: input, depth: 4, upstream: upstream,
                                 normalized: true, using: &weights)
        }
        #expect(abs(probes[0].standardDeviation(layer: 4) / probes[1].standardDeviation(layer: 4) - 1) < 1e-3)
    }
}
