import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import layernorm_batch_size

/// The experiment's own check, applied to what the experiment measures on a short run: it accepts LN and rejects the
/// negative control (BN, the same nets, batches and learning rates) — so the check can fail.
@Suite(.serialized) struct LayerNormBatchSizeTests {
    /// A short version of the experiment: the check's learning-rate rule only, batches 5 and 50, a 784-[32]×2-10 net,
    /// 4 epochs on 400 images.
    static let settings: Settings = {
        var s = Settings.quick
        s.depth = 2
        s.width = 32
        s.trainingExamples = 400
        s.testExamples = 100
        s.epochs = 4
        s.lateEpochs = 2
        s.batchSizes = [5, 50]
        s.rules = [.scaledWithBatch]
        return s
    }()
    static let data: (LabeledDataset<Float>, LabeledDataset<Float>)? = try? LayerNormBatchSize.loadData(settings: settings)

    @Test func checkAcceptsLayerNormAndRejectsBatchNorm() throws {
        let (training, test) = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let result = LayerNormBatchSize.measure(seed: 0, training: training, test: test, settings: Self.settings)
        let (evidence, control) = LayerNormBatchSize.evidence([result], settings: Self.settings, seeds: [0])
        let check = LayerNormBatchSize.check
        #expect(check.evaluate(evidence).holds,
                "LN: drop \(evidence["accuracy-drop"].values), dependence \(evidence["relative-batch-dependence"].values)")
        #expect(check.evaluate(control.evidence).passingSeedIndices.isEmpty,
                "BN: drop \(control.evidence["accuracy-drop"].values), dependence \(control.evidence["relative-batch-dependence"].values)")
        // Each rule on its own rejects the control, not just the rules together.
        for rule in check.evaluate(control.evidence).rules {
            #expect(!rule.holds.contains(true), "control passes \(rule.rule.metric): \(rule.values)")
        }
        #expect(LegacyJudgement(check: check, claim: evidence, control: control).verdict == .reproduced)
    }

    /// The batch-dependence probe on untrained nets: LN's scores do not move when the batch-mates change, BN's do.
    @Test func batchDependenceSeparatesLayerNormFromBatchNorm() throws {
        let (training, _) = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        func dependence(_ normalization: Sequential<Float>.Normalization) -> Double {
            var rng = SeededGenerator(seed: 7)
            let network = Sequential<Float>.mlp(sizes: [784, 100, 100, 10], activation: .relu,
                                                initializer: .normal(standardDeviation: 0.02),
                                                normalization: normalization, using: &rng)
            return BatchDependence(network, examples: training.features, using: &rng).relativeChange
        }
        #expect(dependence(.layer) < 1e-5)
        #expect(dependence(.batch) > 1e-2)
    }

    /// The learning-rate rules: scaled η is η₀·B/B₀ with B₀ the largest batch; fixed is η₀ everywhere.
    @Test func learningRateRules() {
        let s = Settings.full
        #expect(s.learningRate(.scaledWithBatch, batchSize: 5) == 1e-4)
        #expect(s.learningRate(.scaledWithBatch, batchSize: 50) == 1e-3)
        #expect(s.learningRate(.fixed, batchSize: 5) == 1e-3)
    }
}
