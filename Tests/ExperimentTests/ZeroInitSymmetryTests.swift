import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import zero_init_symmetry

/// The experiment's own check, applied to what the experiment measures on a short run: it accepts the constant and
/// zero starts and rejects the negative control (a random start) — so the check can fail.
@Suite(.serialized) struct ZeroInitSymmetryTests {
    /// 1280 training and 500 test images, standardised (nil when Fashion-MNIST is missing).
    static let data: (training: LabeledDataset<Double>, evaluation: LabeledDataset<Double>)? = {
        guard let (training, evaluation) = try? ZeroInitSymmetry.loadData(training: 1280, evaluation: 500) else {
            return nil
        }
        func double(_ d: LabeledDataset<Float>) -> LabeledDataset<Double> {
            LabeledDataset(features: d.features.converted(to: Double.self), labels: d.labels, classCount: d.classCount)
        }
        return (double(training), double(evaluation))
    }()

    /// 40 SGD steps in Float64 from `hiddenInit`.
    func run(_ hiddenInit: HiddenInit, seed: UInt64) throws -> SymmetryRun<Double> {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        var rng = SeededGenerator(seed: seed)
        return SymmetryRun(hiddenInit: hiddenInit, training: data.training, evaluation: data.evaluation, steps: 40,
                           probeInterval: 10, learningRate: 0.1, batchSize: 64, using: &rng)
    }

    func evidence(symmetric: (constant: SymmetryRun<Double>, zeros: SymmetryRun<Double>)) -> LegacyEvidence {
        var e = LegacyEvidence(seeds: [0])
        e.add("spread-constant", label: "spread", values: [symmetric.constant.largestRelativeSpread(layer: 1)])
        e.add("accuracy-zeros", label: "accuracy", values: [symmetric.zeros.accuracy])
        return e
    }

    @Test func checkAcceptsConstantAndZeroStartsAndRejectsRandom() throws {
        let claim = evidence(symmetric: (try run(.constant, seed: 0), try run(.zeros, seed: 0)))
        let random = try run(.random, seed: 0)
        let control = evidence(symmetric: (random, random))
        let check = ZeroInitSymmetry.check
        #expect(check.evaluate(claim).holds, "claim: \(claim.metrics.map(\.values))")
        #expect(check.evaluate(control).passingSeedIndices.isEmpty, "control: \(control.metrics.map(\.values))")
        for rule in check.evaluate(control).rules { #expect(rule.holds == [false], "\(rule.rule.metric) passes") }
        let judgement = LegacyJudgement(check: check, claim: claim,
                                  control: LegacyControl("random", mustBe: .rejected, evidence: control))
        #expect(judgement.verdict == .reproduced)
    }

    /// From zero with tanh no hidden weight ever changes; from a constant the first layer stays identical while the
    /// second, in front of the random output layer, separates.
    @Test func symmetryPersistsOnlyWhereTheNextLayerIsSymmetricToo() throws {
        let zeros = try run(.zeros, seed: 1)
        #expect(zeros.final(layer: 1).norm == 0 && zeros.final(layer: 2).norm == 0)
        let constant = try run(.constant, seed: 1)
        #expect(constant.final(layer: 1).identicalUnits == 64)
        #expect(constant.final(layer: 2).relative > 1e-3)
    }

    /// The spread of a hand-made weight matrix: unit j's weights are column j.
    @Test func unitSpreadMeasuresTheFarthestUnitFromUnit1() {
        let identical = Tensor<Float>([[1, 1, 1], [2, 2, 2]])
        #expect(UnitSpread(identical).spread == 0 && UnitSpread(identical).identicalUnits == 3)
        let oneApart = Tensor<Float>([[1, 1, 4], [2, 2, 6]])   // column 3 differs by (3, 4): distance 5
        let spread = UnitSpread(oneApart)
        #expect(spread.spread == 5 && spread.identicalUnits == 2 && spread.units == 3)
        #expect(UnitSpread(Tensor<Float>(rows: 4, columns: 3)).relative == 0)
    }
}
