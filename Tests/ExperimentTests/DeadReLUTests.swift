import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import dead_relu

/// The experiment's own rules on a small run: they accept ReLU and reject the control, leaky ReLU at the same rates;
/// and the dead-unit probe against a per-example loop.
@Suite(.serialized) struct DeadReLUTests {
    typealias Experiment = DeadReLU

    /// A cut-down run: three hidden layers of 64, 1000 examples, 100 steps, 300 recovery steps, one SGD rate (which
    /// diverges), no ELU recovery run. Hidden layers 2 and 3 fed by 64 units have He weights twice as large as when fed
    /// by 256, so an Adam step of a given size moves them half as far: the rates are three times the experiment's.
    static let small = Experiment.Settings(examples: 1000, widths: [64, 64, 64], steps: 100, adamRates: [3e-3, 3e-2, 0.1],
                                           sgdRates: [1], lowRate: 3e-3, highRate: 3e-2, recoveryFromRate: 0.1,
                                           recoverySteps: 300, probeExamples: 1000, curveInterval: 100,
                                           curveExamples: 200, recoveryArms: 2, mapExamples: 4)

    @Test func rulesAcceptReLUAndRejectLeakyReLU() throws {
        BLASThreads.pin(1)
        let inputs = try Experiment.load(Self.small)
        let outcome = try Experiment.measure(seed: 0, settings: Self.small, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control], seeds: [0],
                                  controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "claim \(outcome.claim), control \(outcome.control)")
        #expect(judgement.inForce.controlSeeds == [false])
        // A layer-1 ReLU that is dead gets no gradient and sees fixed inputs: it can never come back.
        #expect(outcome.extra.stillDeadLayer1 == 1)
        // SGD η = 1 diverges, and a diverged run is reported as NaN, not as dead.
        let sgd = outcome.extra.dead["SGD"]![0]
        #expect(sgd.allSatisfy { $0.isNaN })
    }

    /// deadUnits against a loop over examples: Linear(2 → 3) + ReLU with unit 0 always on, unit 1 always off, unit 2
    /// on for some inputs only.
    @Test func deadUnitsMatchALoop() {
        let linear = Linear<Float>(weight: Tensor([[1, 0, 1], [0, 0, -1]]), bias: Tensor([[5, -1, 0]]))
        let network = Sequential<Float>([linear, Activation(.relu), Linear(weight: Tensor([[1], [1], [1]]),
                                                                             bias: Tensor([[0]]))])
        var rng = SeededGenerator(seed: 5)
        let x = Tensor<Float>(rows: 2500, columns: 2, scalars: (0..<5000).map { _ in Float(rng.uniform(-2, 2)) })
        let dead = DeadUnitProbe(x).deadUnits(network)
        var positive = [false, false, false]
        for r in 0..<x.rows {
            for u in 0..<3 where x[r, 0] * linear.weight.value[0, u] + x[r, 1] * linear.weight.value[1, u]
                + linear.bias.value[0, u] > 0 { positive[u] = true }
        }
        #expect(dead == [positive.map { !$0 }])
        #expect(dead == [[false, true, false]])
        // A network with a non-finite activation has diverged: no dead units are reported.
        linear.bias.value = Tensor([[.nan, 0, 0]])
        #expect(DeadUnitProbe(x).deadUnits(network) == nil)
    }
}
