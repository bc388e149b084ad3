import ClaimKit
import Foundation
import NeuralEngine
import Testing
@testable import exp_is_expensive

/// No timed tests: the rules on synthetic metrics (CLAIMS.md's numpy reference, the measured shape of this engine, the
/// alternatives the rules must reject), and the deterministic parts — the control layers' values and the rounding.
@Suite struct ExpIsExpensiveTests {
    typealias Experiment = ExpIsExpensive
    typealias Metrics = Experiment.Metrics

    func judge(_ claim: Metrics, _ control: Metrics, _ mustBe: ControlExpectation) -> Judgement {
        Judgement(rules: Experiment.rules, claim: [claim, claim], control: [control, control], seeds: [0, 1],
                  controlMustBe: mustBe)
    }

    /// CLAIMS.md's numpy reference (sigmoid 13 × ReLU; 0.185 of the 1024-wide product, so ≈ 0.37 at fan_in 512) passes.
    static let reference = Metrics(expToReLU: 13, expToMatmul: 0.37)

    @Test func rulesAcceptTheReferenceAndRejectTheCheapAlternatives() {
        // The hard sigmoid costs about one ReLU: the first rule rejects it.
        let hardSigmoid = judge(Self.reference, Metrics(expToReLU: 1.0, expToMatmul: 0.016), .rejected)
        #expect(hardSigmoid.verdict == .reproduced && hardSigmoid.inForce.controlSeeds == [false, false])
        // A small fan_in, where the product no longer dominates: the second rule rejects it.
        let smallFanIn = judge(Self.reference, Metrics(expToReLU: 40, expToMatmul: 17), .rejected)
        #expect(smallFanIn.verdict == .reproduced && smallFanIn.inForce.controlSeeds == [false, false])
    }

    /// This engine's shape (sigmoid ≈ 40 × ReLU but ≈ 0.75 of the fan_in-512 product) with the vectorised sigmoid
    /// (≈ 7 × ReLU, ≈ 0.12) as positive control: not reproduced, with the first rule holding and the second failing.
    @Test func engineShapeIsNotReproducedWithAnAcceptedPositiveControl() {
        let judgement = judge(Metrics(expToReLU: 40, expToMatmul: 0.75), Metrics(expToReLU: 7, expToMatmul: 0.12), .accepted)
        #expect(judgement.verdict == .notReproduced)
        #expect(judgement.inForce.controlBehaves)
        #expect(judgement.rule("exp-to-relu")!.held && !judgement.rule("exp-to-matmul")!.held)
    }

    /// The positive control computes the same sigmoid as the engine, to Float32 precision, forward and backward.
    @Test func vectorisedSigmoidMatchesTheEngine() {
        let x = Tensor<Float>(rows: 1, columns: 2001, scalars: (0...2000).map { Float($0 - 1000) / 25 })  // [−40, 40]
        let dy = Tensor<Float>(rows: 1, columns: 2001, repeating: 1)
        let engine = Activation<Float>(.sigmoid), vectorised = VectorisedSigmoid()
        let (a, b) = (engine.forward(x, phase: .training), vectorised.forward(x, phase: .training))
        #expect(zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= 2e-7 * max(1, abs($0)) })
        #expect(zip(engine.backward(dy).scalars, vectorised.backward(dy).scalars).allSatisfy { abs($0 - $1) <= 2e-7 })
    }

    @Test func hardSigmoidIsTheClamp() {
        let layer = HardSigmoid()
        let y = layer.forward(Tensor([[-5, -2.5, 0, 1, 2.5, 5]]), phase: .training)
        #expect(y.scalars == [0, 0, 0.5, 0.7, 1, 1])
        #expect(layer.backward(Tensor([[1, 1, 1, 1, 1, 1]])).scalars == [0, 0, 0.2, 0.2, 0, 0])
    }

    @Test func reportTemplateMatchesTheDeclarations() {
        #expect(Experiment.templateProblems() == [])
    }

    @Test(arguments: [(0.3456, 0.35), (44.4, 44), (123, 120), (0.0157, 0.016), (7, 7)])
    func ratiosKeepTwoDigits(value: Double, rounded: Double) {
        #expect(Timings.twoDigits(value) == rounded)
        #expect(Experiment.range([rounded, rounded]) == Numbers.compact(rounded))
    }
}
