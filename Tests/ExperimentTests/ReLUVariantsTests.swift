import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import relu_variants

/// The experiment's own rules on a small run accept the variants and reject plain ReLU; and its dead-unit count and
/// median activation against per-example loops.
@Suite(.serialized) struct ReLUVariantsTests {
    typealias Experiment = ReLUVariants

    /// A cut-down run: 8 hidden layers of 32 units, 1000 examples, 150 SGD steps, 20 high-rate steps.
    static let small = Experiment.Settings(examples: 1000, probeExamples: 200, width: 32, steps: 150, interval: 50,
                                           tail: 50, highRateSteps: 20)

    @Test func rulesAcceptTheVariantsAndRejectReLU() throws {
        BLASThreads.pin(1)
        let data = try Experiment.load(Self.small)
        let outcome = try Experiment.measure(seed: 0, settings: Self.small, inputs: data)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control], seeds: [0],
                                  controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "claim \(outcome.claim), control \(outcome.control)")
        #expect(judgement.inForce.controlSeeds == [false])
        // Maxout with k = 2: exactly twice ReLU's hidden-layer parameters (Goodfellow et al. 2013).
        #expect(outcome.claim.maxoutParameterRatio == 2)
        // The parameter count is structural and the same in both arms, so only measured rules reject the control;
        // its median is leaky ReLU's own.
        #expect(outcome.control.maxoutParameterRatio == 2)
        #expect(judgement.inForce.control.first { $0.id == "maxout-parameters" }?.holds == [true])
        #expect(outcome.control.eluMedianRatio == outcome.extra.medianLeaky / outcome.extra.medianReLU)
    }

    /// zeroGradient against a loop: a ReLU layer with one unit always off and a maxout layer with one piece that never
    /// wins; the median unit mean against a sort.
    @Test func zeroGradientAndMedianMatchALoop() {
        var rng = SeededGenerator(seed: 3)
        let x = Tensor<Float>(rows: 200, columns: 2, scalars: (0..<400).map { _ in Float(rng.uniform(-1, 1)) })
        let first = Linear<Float>(weight: Tensor([[1, 0, 0.5], [0, 0, -1]]), bias: Tensor([[0, -1, 0]]))
        // Maxout 3 → 2 units of 2 pieces: unit 0's piece 1 has bias −100 and never wins.
        let maxout = Maxout<Float>(3, 2, pieces: 2, initializer: .normal(standardDeviation: 1), using: &rng)
        maxout.parameters[1].value = Tensor([[0, -100, 0, 0]])
        let network = Sequential<Float>([first, Activation(.relu), maxout, Linear(2, 10, initializer: .heNormal, using: &rng)])
        let counted = VariantRun.zeroGradient(network, probe: x)
        #expect(counted.units == 1 && counted.pieces == 1, "\(counted)")
        // The median over the 3 + 2 hidden units of each unit's mean, by a plain loop and a sort.
        _ = network.forward(x, phase: .evaluation)
        var means: [Double] = []
        for h in [network.outputs[1], network.outputs[2]] {
            for c in 0..<h.columns { means.append((0..<h.rows).map { Double(h[$0, c]) }.reduce(0, +) / Double(h.rows)) }
        }
        #expect(abs(VariantRun.medianUnitMean(network, probe: x) - means.sorted()[2]) < 1e-12)
    }
}
