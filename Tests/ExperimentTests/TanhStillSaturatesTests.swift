import ClaimKit
import NeuralEngine
import Testing
@testable import tanh_still_saturates

/// The experiment's own rules applied to what it measures: they accept tanh and reject the negative control (a layer
/// norm before every tanh) and sigmoid (saturates, but is not zero-centred) — so the check can fail.
@Suite(.serialized) struct TanhStillSaturatesTests {
    typealias Experiment = TanhStillSaturates
    static let settings = Experiment.Settings(inputRows: 100, width: 200, depth: 4)

    func metrics(_ arm: ProbeArm, seed: UInt64) -> Experiment.Metrics {
        var rng = SeededGenerator(seed: seed)
        let input = Tensor<Float>.normal(rows: Self.settings.inputRows, columns: Self.settings.width, using: &rng)
        let weightSeed = rng.next()
        let layers = WeightScale.allCases.map { scale -> [LayerStatistics] in
            var weights = SeededGenerator(seed: weightSeed)
            return LayerStatistics.forward(input, arm: arm, initializer: scale.initializer, depth: Self.settings.depth,
                                           using: &weights)
        }
        return Experiment.Metrics(saturationLarge: layers[0].map(\.saturated).min()!,
                                  saturationXavier: layers[1].map(\.saturated).max()!,
                                  largestMean: layers.joined().map { abs($0.mean) }.max()!)
    }

    @Test func rulesAcceptTanhAndRejectTheControls() {
        let tanh = (0..<2).map { metrics(.tanh, seed: $0) }
        for control in [ProbeArm.layerNormTanh, .sigmoid] {
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
        let helper = metrics(.tanh, seed: 3), control = metrics(.layerNormTanh, seed: 3)
        #expect(outcome.claim.saturationLarge == helper.saturationLarge)
        #expect(outcome.claim.largestMean == helper.largestMean)
        #expect(outcome.control.saturationLarge == control.saturationLarge)
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
