import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import zero_init_symmetry

/// The experiment's own rules applied to what it measures on a short run: they accept the constant and zero starts and
/// reject the negative control (the same first layer, a random second layer) — so the check can fail.
@Suite(.serialized) struct ZeroInitSymmetryTests {
    typealias Experiment = ZeroInitSymmetry
    /// 1280 training and 500 test images (nil when Fashion-MNIST is missing).
    static let inputs = try? Experiment.load(.init(trainingExamples: 1280, evaluationExamples: 500))

    /// 20 SGD steps in Float64 from `inits`.
    func run(_ inits: [HiddenInit], seed: UInt64) throws -> SymmetryRun<Double> {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        var rng = SeededGenerator(seed: seed)
        return SymmetryRun(hiddenInits: inits, training: inputs.training, evaluation: inputs.evaluation, steps: 20,
                           probeInterval: 10, learningRate: 0.1, batchSize: 64, using: &rng)
    }

    func metrics(_ symmetric: SymmetryRun<Double>, _ zeros: SymmetryRun<Double>) -> Experiment.Metrics {
        Experiment.Metrics(rank: Double(symmetric.final(layer: 1).rank),
                           spread: symmetric.largestRelativeSpread(layer: 1), zeroAccuracy: zeros.accuracy)
    }

    @Test func rulesAcceptSymmetricStartsAndRejectTheControl() throws {
        let claim = metrics(try run([.constant, .constant], seed: 0), try run([.zeros, .zeros], seed: 0))
        let control = metrics(try run([.constant, .random], seed: 0), try run([.zeros, .random], seed: 0))
        let judgement = Judgement(rules: Experiment.rules, claim: [claim], control: [control], seeds: [0],
                                  controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "claim \(claim), control \(control)")
        // Every rule on its own rejects the control, not only all of them together.
        #expect(judgement.inForce.control.allSatisfy { $0.holds == [false] }, "control \(control)")
    }

    /// From zero with tanh no hidden weight ever changes; from a constant the first layer stays identical while the
    /// second, in front of the random output layer, separates.
    @Test func symmetryPersistsOnlyWhereTheNextLayerIsSymmetricToo() throws {
        let zeros = try run([.zeros, .zeros], seed: 1)
        #expect(zeros.final(layer: 1).norm == 0 && zeros.final(layer: 2).norm == 0)
        let constant = try run([.constant, .constant], seed: 1)
        #expect(constant.final(layer: 1).identicalUnits == 64 && constant.final(layer: 1).rank == 1)
        #expect(constant.final(layer: 2).relative > 1e-3)
    }

    /// Spread and rank of hand-made weight matrices: unit j's weights are column j.
    @Test func unitSpreadAndRankOfKnownMatrices() {
        let identical = Tensor<Float>([[1, 1, 1], [2, 2, 2]])
        #expect(UnitSpread(identical).spread == 0 && UnitSpread(identical).identicalUnits == 3)
        #expect(UnitSpread(identical).rank == 1)
        let oneApart = Tensor<Float>([[1, 1, 4], [2, 2, 6]])   // column 3 differs by (3, 4): distance 5
        let spread = UnitSpread(oneApart)
        #expect(spread.spread == 5 && spread.identicalUnits == 2 && spread.units == 3 && spread.rank == 2)
        let dependent = Tensor<Float>([[1, 2, 3], [0, 1, 1], [1, 0, 1]])   // column 3 = column 1 + column 2
        #expect(UnitSpread(dependent).rank == 2)
        #expect(UnitSpread(Tensor<Float>(rows: 4, columns: 3)).relative == 0)
        #expect(UnitSpread(Tensor<Float>(rows: 4, columns: 3)).rank == 0)
    }
}
