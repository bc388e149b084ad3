import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import relu_converges_faster

/// The experiment's own rule on its own steps-to-target measurement (a 4×64 net, batch 64, an easier target and one
/// seed, to stay cheap): it accepts ReLU and rejects the control, sigmoid with σ′ × 4; and the control's layer is the mutation it
/// claims to be.
@Suite(.serialized) struct ReLUConvergesFasterTests {
    typealias Experiment = ReLUConvergesFaster
    static let settings = Experiment.Settings(hidden: [64, 64, 64, 64], batchSize: 64, maxSteps: 800, targetError: 0.35)
    static let data: LabeledDataset<Float>? = try? FashionMNIST.standardizedTraining(Float.self, limit: 3000)
    /// The full run's tuned rates (seed 100), reused: no tuning here.
    static let rates: [Variant: Double] = [.relu: 0.03, .tanh: 0.03, .sigmoid: 0.1, .steepSigmoid: 0.01]

    func steps(_ variant: Variant, seed: UInt64) throws -> Double {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let curve = ErrorCurve(variant, rate: Self.rates[variant]!, training: data, probe: data.prefix(1000),
                               settings: Self.settings, using: SeededGenerator(seed: seed)).finish()
        return try Double(#require(curve.stepsToTarget, "\(variant) did not reach the target"))
    }

    @Test func ruleAcceptsReLUAndRejectsTheSteepSigmoid() throws {
        let seeds: [UInt64] = [7]
        let sigmoid = try seeds.map { try steps(.sigmoid, seed: $0) }
        let relu = try seeds.map { try steps(.relu, seed: $0) }, control = try seeds.map { try steps(.steepSigmoid, seed: $0) }
        let judgement = Judgement(rules: Experiment.rules,
                                  claim: zip(sigmoid, relu).map { Experiment.Metrics(speedup: $0 / $1, speedupTunedOnce: $0 / $1) },
                                  control: zip(sigmoid, control).map { Experiment.Metrics(speedup: $0 / $1,
                                                                                         speedupTunedOnce: $0 / $1) },
                                  seeds: [7], controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "sigmoid \(sigmoid), ReLU \(relu), control \(control)")
        #expect(judgement.inForce.controlSeeds == [false])
    }

    /// report.md matches the Swift declarations (labels, rules, placeholders).
    @Test func templateIsValid() { #expect(Experiment.templateProblems() == []) }

    /// ScaledDerivative(.sigmoid, by: 4) passes back exactly what MutatedDerivative with 4σ(1 − σ) does, and its
    /// forward pass is the sigmoid's.
    @Test func steepSigmoidIsFourTimesSigmoidsDerivative() {
        var rng = SeededGenerator(seed: 3)
        let x = Tensor<Float>.normal(rows: 5, columns: 7, standardDeviation: 3, using: &rng)
        let g = Tensor<Float>.normal(rows: 5, columns: 7, using: &rng)
        let fast = ScaledDerivative(.sigmoid, by: 4), reference = MutatedDerivative<Float>(.sigmoid) { _, y in 4 * y * (1 - y) }
        #expect(fast.forward(x, phase: .training) == Activation<Float>(.sigmoid).forward(x, phase: .training))
        _ = reference.forward(x, phase: .training)
        let a = fast.backward(g).scalars, b = reference.backward(g).scalars
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) })
    }
}
