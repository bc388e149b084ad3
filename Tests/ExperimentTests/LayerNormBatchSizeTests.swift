import ClaimKit
import Datasets
import NeuralEngine
import Testing
@testable import layernorm_batch_size

/// The experiment's own rules applied to what it measures on a short run. LN's level accuracy across batch sizes
/// needs the full 5×100 net and 10 epochs (about 15 s per seed in release), too long for a unit test; what a short run
/// shows is that the rules reject the negative control (layer norm replaced by the identity) through its spread — so
/// the check can fail — while LN passes the batch-independence rule and BN does not.
@Suite(.serialized) struct LayerNormBatchSizeTests {
    typealias Experiment = LayerNormBatchSize
    /// A short version of the experiment: a 784-[32]×2-10 net, 3 epochs on 300 images.
    static let settings = Experiment.Settings(epochs: 3, trainingExamples: 300, depth: 2, width: 32)
    static let inputs: Experiment.Inputs? = try? Experiment.load(settings)

    @Test func rulesRejectTheControlThroughItsSpread() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 0, settings: Self.settings, inputs: inputs)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [0], controlMustBe: .rejected)
        #expect(judgement.inForce.controlSeeds == [false], "control \(outcome.control)")
        #expect(judgement.inForce.control.first { $0.id == "ln-spread" }?.holds == [false])
        #expect(judgement.rule("ln-batch-independence")?.holds == [true])
        #expect(outcome.extra.bnBatchDependence > 1e-5)
    }

    /// The batch-dependence probe on untrained nets: LN's scores do not move when the batch-mates change, BN's do.
    @Test func batchDependenceSeparatesLayerNormFromBatchNorm() throws {
        let inputs = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        func dependence(_ normalization: Sequential<Float>.Normalization) -> Double {
            var rng = SeededGenerator(seed: 7)
            let network = Sequential<Float>.mlp(sizes: [784, 100, 100, 10], activation: .relu,
                                                initializer: .normal(standardDeviation: 0.02),
                                                normalization: normalization, using: &rng)
            return BatchSizeRun.batchDependence(network, examples: inputs.perPixel.features, using: &rng)
        }
        #expect(dependence(.layer) < 1e-5)
        #expect(dependence(.batch) > 1e-2)
    }

    /// CS231n's preprocessing: per-pixel mean 0, one scalar std 1 over all pixels.
    @Test func perPixelPreprocessing() throws {
        let x = try #require(Self.inputs, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
            .perPixel.features
        #expect(x.columnMeans().maxAbsolute() < 1e-4)
        #expect(abs(x.scalars.reduce(0.0) { $0 + Double($1 * $1) } / Double(x.count) - 1) < 1e-4)
    }
}
