import Datasets
import Foundation
import NeuralEngine

/// What sits between each hidden Linear layer and its sigmoid.
enum Normalization: String, Sendable, CaseIterable {
    /// Nothing: the baseline.
    case none
    /// Batch normalisation (Ioffe & Szegedy 2015): each training batch's own statistics, running averages at test.
    case batch
    /// The negative control: BN whose statistics are measured once, on the probe images at initialisation, and then
    /// frozen — a fixed per-unit standardisation with learned γ and β (a data-dependent initialisation).
    case frozen
}

/// A BatchNorm whose mean and variance are set by its first training-phase forward pass and never updated after:
/// from then on it is the affine map γ ⊙ (x − μ₀)/√(σ₀² + ε) + β in both phases (BN's evaluation mode).
final class FrozenStatistics: Layer {
    let norm: BatchNorm<Float>
    private var frozen = false

    init(features: Int) { norm = BatchNorm(features: features, momentum: 0) }

    var parameters: [Parameter<Float>] { norm.parameters }
    var description: String { "FrozenStatistics(\(norm.features))" }

    func forward(_ input: Tensor<Float>, phase: Phase) -> Tensor<Float> {
        if !frozen, phase == .training {
            frozen = true
            return norm.forward(input, phase: .training)   // momentum 0: the running statistics become this batch's
        }
        return norm.forward(input, phase: .evaluation)
    }

    func backward(_ outputGradient: Tensor<Float>) -> Tensor<Float> { norm.backward(outputGradient) }
}

/// Ioffe & Szegedy (2015) §4.1, Fig. 1 on Fashion-MNIST: a 784-[100]×3-10 sigmoid net with weights N(0, σ²), trained
/// by plain SGD, with `normalization` before each sigmoid. Every probe step: the test accuracy (evaluation phase) and,
/// for every unit of the last hidden layer, the 15th/50th/85th percentiles of its sigmoid input over fixed training
/// images. For the BN net the sigmoid input is computed on a twin (same parameters, copied before each probe) in the
/// training phase, normalised by the statistics of the whole probe set: step 0 stays meaningful (the running
/// averages start at 0 and 1) and the trained net's running averages stay untouched.
struct StabilityRun: Sendable {
    struct Percentiles: Sendable, Equatable, Codable {
        var p15 = Double.nan, median = Double.nan, p85 = Double.nan
    }

    /// Probe steps (0 = initialisation); test accuracy and per-unit percentiles at each (NaN after a divergence).
    var steps: [Int] = []
    var testAccuracy: [Double] = []
    var percentiles: [[Percentiles]] = []
    /// The last normalisation layer's learned shift β per unit at the end (empty without one).
    var finalShift: [Double] = []

    static let width = 100
    static let depth = 3

    init(_ normalization: Normalization, data: BatchNormStability.Inputs, settings: BatchNormStability.Settings,
         using rng: inout SeededGenerator) {
        let sizes = [data.training.featureCount] + Array(repeating: Self.width, count: Self.depth) + [10]
        var weights = rng.split(), order = rng.split()
        let network = Self.network(normalization, sizes: sizes, settings: settings, using: &weights)
        var twinWeights = SeededGenerator(seed: 0)
        let twin = Self.network(normalization, sizes: sizes, settings: settings, using: &twinWeights)
        if normalization == .frozen { _ = network.forward(data.probe, phase: .training) }   // freeze μ₀, σ₀ here
        let probedLayer = network.layers.lastIndex { $0 is Activation<Float> }! - 1

        func probe(step: Int) {
            steps.append(step)
            testAccuracy.append(network.accuracy(on: data.test))
            let inputs: Tensor<Float>
            if normalization == .batch {
                for (copy, original) in zip(twin.parameters, network.parameters) { copy.value = original.value }
                _ = twin.forward(data.probe, phase: .training)
                inputs = twin.outputs[probedLayer]
            } else {
                _ = network.forward(data.probe, phase: .evaluation)
                inputs = network.outputs[probedLayer]
            }
            percentiles.append(Self.unitPercentiles(inputs))
        }
        probe(step: 0)
        let log = network.train(on: data.training, steps: settings.steps, batchSize: settings.batchSize,
                                optimizer: SGD<Float>(learningRate: settings.learningRate), using: &order) { step, _ in
            if settings.probes(at: step) { probe(step: step) }
        }
        if log.diverged {
            for step in 1...settings.steps where settings.probes(at: step) && step > steps.last! {
                steps.append(step)
                testAccuracy.append(.nan)
                percentiles.append(Array(repeating: Percentiles(), count: Self.width))
            }
        }
        let lastNorm = network.layers.last { $0 is BatchNorm<Float> || $0 is FrozenStatistics }
        let shift = (lastNorm as? BatchNorm<Float>)?.shift ?? (lastNorm as? FrozenStatistics)?.norm.shift
        finalShift = shift?.value.scalars.map(Double.init) ?? []
    }

    static func network(_ normalization: Normalization, sizes: [Int], settings: BatchNormStability.Settings,
                        using rng: inout SeededGenerator) -> Sequential<Float> {
        let mlp = Sequential<Float>.mlp(sizes: sizes, activation: .sigmoid,
                                        initializer: .normal(standardDeviation: settings.initialStandardDeviation),
                                        normalization: normalization == .none ? nil : .batch, using: &rng)
        guard normalization == .frozen else { return mlp }
        return Sequential(mlp.layers.map { layer in
            (layer as? BatchNorm<Float>).map { FrozenStatistics(features: $0.features) } ?? layer
        })
    }

    /// The (15, 50, 85)th percentiles of each column of `inputs` (N examples × units), from the engine's probe.
    static func unitPercentiles(_ inputs: Tensor<Float>) -> [Percentiles] {
        let byUnit = inputs.transposed()
        return (0..<byUnit.rows).map { u in
            let statistics = ActivationStatistics(of: Tensor(row: byUnit.row(u)), histogramBins: 1)
            return Percentiles(p15: statistics.percentile15, median: statistics.median, p85: statistics.percentile85)
        }
    }

    /// Test accuracy at the probe nearest `step`.
    func accuracy(atStep step: Int) -> Double {
        testAccuracy[steps.indices.min { abs(steps[$0] - step) < abs(steps[$1] - step) }!]
    }

    /// Mean test accuracy over the probes at steps in `first...last`: the area under the early learning curve.
    func meanAccuracy(from first: Int, through last: Int) -> Double {
        let window = steps.indices.filter { steps[$0] >= first && steps[$0] <= last }
        return window.map { testAccuracy[$0] }.reduce(0, +) / Double(window.count)
    }

    /// Each unit's median at probe `k` minus its median at step 0.
    func medianDrift(upTo k: Int) -> [Double] { zip(percentiles[k], percentiles[0]).map { $0.median - $1.median } }

    /// Mean over the units of |median(probe k) − median(step 0)|, at every probe.
    var meanAbsoluteDriftOverTraining: [Double] {
        percentiles.indices.map { k in medianDrift(upTo: k).map(abs).reduce(0, +) / Double(Self.width) }
    }

    /// The drift rule's measure: mean |median drift| over the 100 units from step 0 to the end.
    var meanAbsoluteDrift: Double { meanAbsoluteDriftOverTraining.last! }
    /// Mean signed median drift over the units, step 0 to the end.
    var meanSignedDrift: Double { medianDrift(upTo: steps.count - 1).reduce(0, +) / Double(Self.width) }

    /// Mean over the units of |median drift − learned β|: the drift that the learned shift does not account for.
    var driftBesideShift: Double {
        guard !finalShift.isEmpty else { return .nan }
        return zip(medianDrift(upTo: steps.count - 1), finalShift).map { abs($0 - $1) }.reduce(0, +) / Double(Self.width)
    }

    /// The unit whose |median drift| is the median over the layer's units: a typical unit, chosen by a rule.
    var typicalUnit: Int {
        let drift = medianDrift(upTo: steps.count - 1).map(abs)
        let ranked = drift.indices.sorted { drift[$0] < drift[$1] }
        return ranked[ranked.count / 2]
    }
}
