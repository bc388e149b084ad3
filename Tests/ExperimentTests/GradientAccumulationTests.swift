import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import gradient_accumulation

/// The experiment's own rules on its own measurement, shrunk: they reject the note's "only similar" for the plain
/// and layer-norm nets (the difference is Float32 rounding) and accept the positive control, micro-batch gradients
/// rounded to bfloat16 before they are accumulated — so the rules can pass, and the verdict is `not reproduced`.
@Suite(.serialized) struct GradientAccumulationTests {
    typealias Experiment = GradientAccumulation
    static let data: LabeledDataset<Float>? = try? FashionMNIST.standardizedTraining(Float.self, limit: 500)

    func metrics(_ combination: Combination, seed: UInt64) throws -> Experiment.Metrics {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        var rng = SeededGenerator(seed: seed)
        let batch = data.subset(Array(rng.permutation(data.count).prefix(64)))
        let weightSeed = rng.next()
        func difference(_ net: Net) -> Double {
            accumulationDifferences(net, Float.self, batch: batch, width: 64, microBatchCounts: [8],
                                    combination: combination, weightSeed: weightSeed)[0]
        }
        return Experiment.Metrics(relativeDifferencePlain: difference(.plain),
                                  relativeDifferenceLayerNorm: difference(.layerNorm),
                                  relativeDifferenceBatchNorm: difference(.batchNorm))
    }

    @Test func rulesRejectTheNoteAndAcceptTheBFloat16Control() throws {
        let claim = try [0, 1].map { try metrics(.average, seed: $0) }
        let rounded = try [0, 1].map { try metrics(.bfloat16, seed: $0) }
        let judgement = Judgement(rules: Experiment.rules, claim: claim, control: rounded, seeds: [0, 1],
                                  controlMustBe: .accepted)
        #expect(judgement.inForce.claimSeeds == [false, false], "\(claim)")
        #expect(judgement.inForce.controlSeeds == [true, true], "\(rounded)")
        #expect(judgement.verdict == .notReproduced)
        #expect(judgement.rule("batch-norm-differs")?.held == true)
        // The careful statement (identical to rounding, < 1e−5) holds for averaging and rejects the bfloat16 control.
        let identical = Condition.lessThan(1e-5)
        #expect(claim.allSatisfy { identical.holds($0.relativeDifferencePlain) && identical.holds($0.relativeDifferenceLayerNorm) })
        #expect(!rounded.contains { identical.holds($0.relativeDifferencePlain) || identical.holds($0.relativeDifferenceLayerNorm) })
    }

    /// bfloat16 keeps the top 16 bits of a Float32, rounding to nearest with ties to even.
    @Test func bfloat16Rounding() {
        #expect(bfloat16(Float(1)) == 1 && bfloat16(Float(-2.5)) == -2.5)
        #expect(bfloat16(Float(1) + 0x1p-8) == 1)                    // a tie: rounds to the even 1
        #expect(bfloat16(Float(1) + 0x1p-7 + 0x1p-8) == 1 + 0x1p-6)  // a tie: rounds up to the even neighbour
        #expect(bfloat16(Float(1) + 0x1p-8 + 0x1p-10) == 1 + 0x1p-7) // above half an ulp: rounds up
        #expect(bfloat16(Float.pi) == 3.140625)
    }

    /// In Float64 the plain net's difference drops to Float64 rounding: it is rounding, not the method.
    @Test func float64DifferenceIsRounding() throws {
        let data = try #require(Self.data)
        let batch = data.prefix(64)
        let batch64 = LabeledDataset(features: batch.features.converted(to: Double.self), labels: batch.labels,
                                     classCount: 10)
        let d = accumulationDifferences(.plain, Double.self, batch: batch64, width: 64, microBatchCounts: [4, 8],
                                        combination: .average, weightSeed: 5)
        #expect(d.allSatisfy { $0 < 1e-13 }, "\(d)")
    }

    /// Every metric has a label, every rule its quote, every placeholder resolves.
    @Test func templateIsValid() {
        #expect(Experiment.templateProblems() == [])
    }
}
