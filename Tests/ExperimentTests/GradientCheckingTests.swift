import ClaimKit
import Foundation
import NeuralEngine
import Testing
@testable import gradient_checking

/// The experiment's own rules: they accept the Float64 check procedure (correct layers pass, every bug > 1e-2) and
/// reject the same procedure in Float32; a procedure that lets a bug through, or flags a correct layer, fails them.
@Suite struct GradientCheckingTests {
    typealias Experiment = GradientChecking

    @Test func rulesAcceptFloat64AndRejectFloat32() throws {
        let seeds = [0, 1]
        let outcomes = try seeds.map { try Experiment.measure(seed: $0, settings: Experiment.quick, inputs: ()) }
        let judgement = Judgement(rules: Experiment.rules, claim: outcomes.map(\.claim),
                                  control: outcomes.map(\.control), seeds: seeds, controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced)
        #expect(judgement.inForce.controlSeeds == [false, false])
        for outcome in outcomes {
            for bug in LayerCase.bugs { #expect(outcome.extra.errors[bug.name]! > Experiment.wrongBand, "\(bug.name)") }
        }
    }

    /// Each bug scored like the layer it replaces (the check missed it) breaks `every-bug`; each bug planted in its
    /// layer's slot (the layer is wrong) breaks `smooth-layers`.
    @Test func missedOrPlantedBugsFail() throws {
        let outcome = try Experiment.measure(seed: 0, settings: Experiment.quick, inputs: ())
        for bug in LayerCase.bugs {
            var missed = outcome.extra.errors, planted = outcome.extra.errors
            missed[bug.name] = outcome.extra.errors[bug.replaces!]
            planted[bug.replaces!] = outcome.extra.errors[bug.name]
            for (errors, rule) in [(missed, "every-bug"), (planted, "smooth-layers")] {
                let judgement = Judgement(rules: Experiment.rules, claim: [Experiment.metrics(errors)],
                                          control: [outcome.control], seeds: [0], controlMustBe: .rejected)
                #expect(judgement.verdict == .notReproduced && !judgement.rule(rule)!.held, "\(bug.name), \(rule)")
            }
        }
    }

    /// A derivative scaled by c scores |1 − c|/(1 + c) on every entry: 1/19 for σ′ × 0.9 (the analytic oracle).
    @Test func scaledDerivativeScoresOneNineteenth() {
        var rng = SeededGenerator(seed: 5)
        let layer = MutatedDerivative<Double>(.sigmoid) { _, y in 0.9 * y * (1 - y) }
        let report = GradientCheck.check(layer, input: .normal(rows: 4, columns: 3, using: &rng), exactBelow: 0,
                                         using: &rng)
        #expect(abs(report.worst - 1.0 / 19) < 1e-6, "\(report)")
    }

    /// The same correct tanh: < 1e-7 in Float64 and > 1e-2 in Float32 at h = 1e-5 (why the check is in double).
    @Test func float32CannotCheckAtTheLectureStep() {
        var rng = SeededGenerator(seed: 6)
        let (float64, float32) = LayerCase.precisionSweep(Experiment.Settings(sweep: [1e-5]), using: &rng)
        #expect(float64[0] < 1e-7)
        #expect(float32[0] > Experiment.wrongBand)
    }

    @Test func reportTemplateMatchesTheDeclarations() {
        #expect(Experiment.templateProblems() == [])
    }

    @Test func sameSeedSameBits() throws {
        let a = try Experiment.measure(seed: 3, settings: Experiment.quick, inputs: ())
        let b = try Experiment.measure(seed: 3, settings: Experiment.quick, inputs: ())
        #expect(a.extra.rawErrors == b.extra.rawErrors && a.extra.sweep32 == b.extra.sweep32)
    }
}
