import ClaimKit
import NeuralEngine
import Testing
@testable import tanh_still_saturates

/// The experiment's own rules applied to what it measures: they accept tanh and reject the negative control (softsign,
/// zero-centred and bounded but with polynomial tails) and sigmoid (saturates, but is not zero-centred) — so the check
/// can fail. The local softsign layer's backward pass is gradient-checked.
@Suite(.serialized) struct TanhStillSaturatesTests {
    typealias Experiment = TanhStillSaturates
    static let settings = Experiment.Settings(inputRows: 100, width: 200, depth: 4)

    func metrics(_ arm: ProbeArm, seed: UInt64) -> Experiment.Metrics {
        var rng = SeededGenerator(seed: seed)
        let input = Tensor<Float>.normal(rows: Self.settings.inputRows, columns: Self.settings.width, using: &rng)
        let weightSeed = rng.next()
        var layers: [Probe: [LayerStatistics]] = [:]
        for scale in WeightScale.allCases {
            var weights = SeededGenerator(seed: weightSeed)
            layers[Probe(arm: arm, scale: scale)] = LayerStatistics.forward(
                input, arm: arm, initializer: scale.initializer, depth: Self.settings.depth, using: &weights)
        }
        return Experiment.metrics(layers, arm)
    }

    @Test func rulesAcceptTanhAndRejectTheControls() {
        let tanh = (0..<2).map { metrics(.tanh, seed: $0) }
        for control in [ProbeArm.softsign, .sigmoid] {
            let other = (0..<2).map { metrics(control, seed: $0) }
            let judgement = Judgement(rules: Experiment.rules, claim: tanh, control: other, seeds: [0, 1],
                                      controlMustBe: .rejected)
            #expect(judgement.verdict == .reproduced, "\(control): \(other)")
            #expect(judgement.inForce.controlSeeds == [false, false])
        }
    }

    /// The measurement on the experiment's own seed agrees with `measure` (the test's helper is no second copy that
    /// could drift): the claim and control metrics of one quick seed.
    @Test func helperAgreesWithMeasure() throws {
        let outcome = try Experiment.measure(seed: 3, settings: Self.settings, inputs: ())
        let helper = metrics(.tanh, seed: 3), control = metrics(.softsign, seed: 3)
        #expect(outcome.claim.saturationLarge == helper.saturationLarge)
        #expect(outcome.claim.largestMean == helper.largestMean)
        #expect(outcome.control.saturationLarge == control.saturationLarge)
    }

    /// Softsign's backward pass against centred differences in Float64 (inputs spread over the linear part and the
    /// tails, away from the kink at 0); the same numeric gradient rejects a wrong derivative (tanh's 1 − y²).
    @Test func softsignBackwardPassesGradientCheck() {
        var rng = SeededGenerator(seed: 5)
        let input = Tensor<Double>(rows: 6, columns: 7, scalars: (0..<42).map { i in
            (i.isMultiple(of: 2) ? 1 : -1) * (0.1 + Double(i) * 0.7) })
        let report = GradientCheck.check(Softsign<Double>(), input: input, using: &rng)
        #expect(report.worst < 1e-7, "\(report)")
        let layer = Softsign<Double>(), y = layer.forward(input, phase: .training)
        #expect(zip(y.scalars, input.scalars).allSatisfy { y, x in abs(y - x / (1 + abs(x))) < 1e-15 })
        let numeric = GradientCheck.numericGradient(at: input) { Softsign<Double>().forward($0, phase: .training).sum() }
        let wrong = Tensor(rows: y.rows, columns: y.columns, scalars: y.scalars.map { 1 - $0 * $0 })
        #expect(GradientCheck.relativeError(analytic: wrong, numeric: numeric) > 1e-2)
        #expect(GradientCheck.relativeError(analytic: layer.backward(Tensor(rows: 6, columns: 7, repeating: 1)),
                                            numeric: numeric) < 1e-7)
    }

    /// Analytic check: with N(0, 1) inputs and Xavier weights the first layer's pre-activations are ≈ N(0, 1), so the
    /// fraction with |tanh z| > 0.97 is P(|z| > atanh 0.97 ≈ 2.09) ≈ 0.037.
    @Test func firstXavierLayerMatchesTheNormalTail() {
        var rng = SeededGenerator(seed: 9)
        let input = Tensor<Float>.normal(rows: 400, columns: 500, using: &rng)
        let first = LayerStatistics.forward(input, arm: .tanh, initializer: .lecunNormal, depth: 1, using: &rng)[0]
        #expect(abs(first.saturated - 0.0366) < 0.004)
    }
}
