import ClaimKit
import Datasets
import Foundation
import NeuralEngine
import Testing
@testable import batchnorm_init_robustness

/// The experiment's own rules applied to what it measures on a short sweep (3 epochs, 500 images). Five trained scales
/// need the full 10 epochs on 1000 images (about 4 s per seed in release, far more in a debug test build), so the short
/// sweep shows what it can: the rules reject the negative control (batch norm with its division by σ coded as 1) —
/// so the check can fail — the baseline rule holds, and batch norm trains at more scales than either other net.
@Suite(.serialized) struct BatchNormInitRobustnessTests {
    typealias Experiment = BatchNormInitRobustness
    static let settings = Experiment.Settings(epochs: 3, trainingExamples: 500, validationExamples: 200)
    static let data = try? Experiment.load(settings)

    @Test func rulesRejectTheControl() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let outcome = try Experiment.measure(seed: 0, settings: Self.settings, inputs: data)
        let judgement = Judgement(rules: Experiment.rules, claim: [outcome.claim], control: [outcome.control],
                                  seeds: [0], controlMustBe: .rejected)
        #expect(judgement.inForce.controlSeeds == [false], "control \(outcome.control)")
        #expect(judgement.rule("baseline-scales")?.holds == [true])
        #expect(outcome.claim.scalesTrained > max(outcome.control.scalesTrained, outcome.claim.baselineScalesTrained),
                "BN \(outcome.claim), control \(outcome.control)")
    }

    /// The mechanism (Ioffe & Szegedy 2015 §3.3, BN(Wu) = BN((aW)u)): at initialisation the batch-normalised hidden
    /// layers give the same output for weights drawn with scale 0.01 and 0.1 from one stream, up to batch norm's ε.
    @Test func batchNormOutputDoesNotDependOnTheWeightScale() throws {
        let data = try #require(Self.data, "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist")
        let batch = data.training.features.gatheringRows(Array(0..<100))
        let outputs = [0.01, 0.1].map { scale -> Tensor<Float> in
            var rng = SeededGenerator(seed: 7)
            let network = Sequential<Float>.mlp(sizes: [784, 50, 50, 50, 10], activation: .relu,
                                                initializer: .normal(standardDeviation: scale),
                                                normalization: .batch, using: &rng)
            _ = network.forward(batch, phase: .training)
            return network.outputs[network.layers.count - 2]   // the last hidden activation
        }
        let difference = (outputs[0] - outputs[1]).maxAbsolute()
        #expect(difference < 1e-2 * outputs[1].maxAbsolute(), "max |difference| \(difference)")
    }

    /// The control's layer: its output has per-feature mean 0 in training, and its backward pass matches centred
    /// differences of L = Σ c ⊙ y (c fixed random weights).
    @Test func centringLayerForwardAndBackward() {
        var rng = SeededGenerator(seed: 3)
        let x = Tensor<Float>(rows: 6, columns: 4, scalars: (0..<24).map { _ in Float(rng.uniform(-1, 3)) })
        let c = Tensor<Float>(rows: 6, columns: 4, scalars: (0..<24).map { _ in Float(rng.uniform(-0.5, 0.5)) })
        let layer = Centring(features: 4)
        layer.scale.value = Tensor(row: [1.5, 0.5, 2, 1])
        #expect(layer.forward(x, phase: .training).columnMeans().maxAbsolute() < 1e-5)
        let gradient = layer.backward(c)
        func loss(_ input: Tensor<Float>) -> Double { (layer.forward(input, phase: .training) * c).sum() }
        for i in [0, 5, 13, 23] {
            var plus = x, minus = x
            plus.scalars[i] += 1e-2
            minus.scalars[i] -= 1e-2
            let numeric = (loss(plus) - loss(minus)) / 2e-2
            #expect(abs(numeric - Double(gradient.scalars[i])) < 1e-3, "∂L/∂x[\(i)]: \(numeric) vs \(gradient.scalars[i])")
        }
    }
}
