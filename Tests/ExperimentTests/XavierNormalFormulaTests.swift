import ClaimKit
import NeuralEngine
import Testing
@testable import xavier_normal_formula

/// The experiment's own rules on a shrunken run: they reject the note's "Xavier normal" N(0, 3/(in+out)) and accept
/// Glorot & Bengio's N(0, 2/(in+out)) (the positive control), so the verdict is `not reproduced` — and the rules can
/// pass.
@Suite struct XavierNormalFormulaTests {
    typealias Experiment = XavierNormalFormula

    @Test func rulesRejectTheNoteAndAcceptGlorot() throws {
        let settings = Experiment.Settings(inputRows: 200, width: 64, depth: 20)
        let seeds = [0, 1]
        let outcomes = try seeds.map { try Experiment.measure(seed: $0, settings: settings, inputs: ()) }
        let judgement = Judgement(rules: Experiment.rules, claim: outcomes.map(\.claim),
                                  control: outcomes.map(\.control), seeds: seeds, controlMustBe: .accepted)
        #expect(judgement.inForce.claimSeeds == [false, false], "note: \(outcomes.map(\.claim.forwardGain))")
        #expect(judgement.inForce.controlSeeds == [true, true], "Glorot: \(outcomes.map(\.control.forwardGain))")
        #expect(judgement.verdict == .notReproduced)
        #expect(judgement.preregistered.verdict == .notReproduced)
    }

    /// Each formula's weights have the variance it intends, and in the linear net the per-layer gain is
    /// n·Var W: 1.5 for the note's std, 1 for both of Glorot's (the uniform one too).
    @Test(arguments: Formula.allCases)
    func gainIsFanTimesWeightVariance(_ formula: Formula) {
        var rng = SeededGenerator(seed: 3)
        let input = Tensor<Float>.normal(rows: 200, columns: 64, using: &rng)
        let upstream = Tensor<Float>.normal(rows: 200, columns: 64, using: &rng)
        let p = Propagation(formula: formula, input: input, upstream: upstream, depth: 20, using: &rng)
        let expected = formula.variance / 2   // Var W · n with in + out = 2n
        #expect(abs(p.weightVarianceTimesFans / formula.variance - 1) < 0.05, "\(p.weightVarianceTimesFans)")
        #expect(abs(p.forwardGain / expected - 1) < 0.03, "forward \(p.forwardGain)")
        #expect(abs(p.backwardGain / expected - 1) < 0.03, "backward \(p.backwardGain)")
    }
}
