import ClaimKit
import NeuralEngine
import Testing
@testable import xavier_normal_formula

/// The experiment's own check on a shrunken run: it rejects the note's "Xavier normal" N(0, 3/(in+out)) and accepts
/// Glorot & Bengio's N(0, 2/(in+out)) (the positive control), so the verdict is `not reproduced` — and the check can
/// pass.
@Suite struct XavierNormalFormulaTests {
    static let settings = XavierNormalFormula.Settings(inputRows: 200, width: 64, depth: 20)

    @Test func checkRejectsTheNoteAndAcceptsGlorot() {
        let seeds = [0, 1]
        let results = seeds.map { XavierNormalFormula.measure(seed: $0, settings: Self.settings) }
        let (claim, control) = XavierNormalFormula.evidence(results, seeds: seeds)
        let check = XavierNormalFormula.check
        #expect(check.evaluate(claim).passingSeedIndices.isEmpty, "note: \(claim["forward-gain"].values)")
        #expect(check.evaluate(control.evidence).holds, "Glorot: \(control.evidence["forward-gain"].values)")
        #expect(LegacyJudgement(check: check, claim: claim, control: control).verdict == .notReproduced)
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
