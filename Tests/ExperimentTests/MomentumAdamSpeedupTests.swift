import ClaimKit
import Foundation
import NeuralEngine
import Testing
@testable import momentum_adam_speedup

/// The experiment's own rule on its own quadratic measurement: it accepts the κ = 100 speed-up and rejects the κ = 10
/// control; and the engine's SGD matches the textbook contraction rate (an oracle for the measurement itself).
@Suite struct MomentumAdamSpeedupTests {
    typealias Experiment = MomentumAdamSpeedup
    /// A coarser grid than the report's (10 rates per decade, three μ), to keep the debug-build test cheap.
    static let settings = Experiment.Settings(scaledRates: (-30...6).map { pow(10, Double($0) / 10) },
                                              momenta: [0.5, 0.7, 0.9])

    /// SGD's and momentum's tuned iterations on one seeded quadratic, as `measure` draws it.
    func speedup(kappa: Double, seed: UInt64) -> Experiment.Metrics {
        var rng = SeededGenerator(seed: seed)
        let angle = rng.uniform(0, .pi), startAngle = rng.uniform(0, 2 * .pi)
        let quadratic = Quadratic(conditionNumber: kappa, angle: angle), start = (cos(startAngle), sin(startAngle))
        let rates = Self.settings.scaledRates.map { $0 / kappa }
        let sgd = Tuned(.sgd, on: quadratic, from: start, rates: rates, mus: [], settings: Self.settings)
        let momentum = Tuned(.momentum, on: quadratic, from: start, rates: rates, mus: Self.settings.momenta,
                             settings: Self.settings)
        return Experiment.Metrics(speedup: Double(sgd.iterations!) / Double(momentum.iterations!))
    }

    @Test func ruleAcceptsIllConditionedAndRejectsModerateConditioning() {
        let seeds: [UInt64] = [7, 8]
        let claim = seeds.map { speedup(kappa: 100, seed: $0) }, control = seeds.map { speedup(kappa: Experiment.full.controlCondition, seed: $0) }
        let judgement = Judgement(rules: Experiment.rules, claim: claim, control: control, seeds: [7, 8],
                                  controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "claim \(claim.map(\.speedup)), control \(control.map(\.speedup))")
        #expect(judgement.inForce.controlSeeds == [false, false])
    }

    /// report.md matches the Swift declarations (labels, rules, placeholders).
    @Test func templateIsValid() { #expect(Experiment.templateProblems() == []) }

    /// Gradient descent at η = 2/(L + μ) contracts both eigen-directions by r = (κ−1)/(κ+1) per step, so ‖w_t‖ = rᵗ‖w₀‖
    /// exactly and reaches 10⁻⁶ after ⌈ln 10⁶ / −ln r⌉ steps (691 at κ = 100; CLAIMS.md's ≈ 690).
    @Test func sgdMatchesTheTextbookRate() {
        let kappa = 100.0, quadratic = Quadratic(conditionNumber: kappa, angle: 0.4)
        let n = iterationsToTolerance(quadratic, from: (0.6, 0.8), optimizer: SGD<Double>(learningRate: 2 / (kappa + 1)),
                                      tolerance: 1e-6, window: 50, cap: 5000)
        let theory = (log(1e6) / -log((kappa - 1) / (kappa + 1))).rounded(.up)
        #expect(n.map(Double.init) == theory)
    }

    /// At the saddle, SGD's |y| grows by (1 + η) per step while small: ln(0.5/10⁻⁸)/ln 1.1 ≈ 186 steps, plus a few
    /// as the quartic term slows it near |y| = 0.5.
    @Test func sgdEscapesTheSaddleAtTheLinearRate() {
        let steps = saddleEscape(.sgd, from: (1, 1e-8), settings: Self.settings).steps
        let linear = log(0.5 / 1e-8) / log(1.1)
        #expect(steps >= linear.rounded(.up) && steps <= linear + 4, "\(steps) vs \(linear)")
    }
}
