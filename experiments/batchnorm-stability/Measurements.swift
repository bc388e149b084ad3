import Datasets
import Foundation
import NeuralEngine

/// Ioffe & Szegedy (2015) §4.1, Fig. 1 on Fashion-MNIST: a 784-[100]×3-10 sigmoid net with weights N(0, σ²),
/// trained by plain SGD on mini-batches, with or without batch normalisation before each sigmoid. Every
/// `probeInterval` steps: the test accuracy (evaluation phase — running statistics for BatchNorm) and, for every unit
/// of the last hidden layer, the 15th/50th/85th percentiles of its sigmoid input over a fixed probe set of training
/// images.
///
/// The sigmoid input is the Linear output without BN and the BatchNorm output γ·x̂ + β with it. For the BN net it is
/// computed on a copy of the network (same parameters, copied before each probe) in the training phase, i.e.
/// normalised by the statistics of the whole probe set: that keeps step 0 meaningful (the running averages start at
/// 0 and 1) and leaves the trained network's running averages untouched.
struct StabilityRun: Sendable {
    /// Steps at which the probes were taken (0 = at initialisation).
    let steps: [Int]
    /// Test accuracy at each probe step (NaN once the run has diverged).
    let testAccuracy: [Double]
    /// `percentiles[k][u]`: (15th, 50th, 85th) percentile of unit u's sigmoid input at `steps[k]`.
    let percentiles: [[Percentiles]]
    /// Whether the loss became NaN or ∞ (training stopped there; later probes repeat NaN).
    let diverged: Bool
    /// The last BatchNorm layer's learned shift β per unit at the end (empty without BN).
    let finalShift: [Double]

    struct Percentiles: Sendable, Equatable {
        let p15: Double, median: Double, p85: Double
    }

    static let width = 100
    static let depth = 3

    /// Trains one network; `rng` draws the weights first, then the mini-batch order.
    init(batchNorm: Bool, training: LabeledDataset<Float>, test: LabeledDataset<Float>, probe: Tensor<Float>,
         settings: Settings, using rng: inout SeededGenerator) {
        let sizes = [training.featureCount] + Array(repeating: Self.width, count: Self.depth) + [10]
        let initializer = Initializer.normal(standardDeviation: settings.initialStandardDeviation)
        let normalization: Sequential<Float>.Normalization? = batchNorm ? .batch : nil
        var weights = rng.split()
        let network = Sequential<Float>.mlp(sizes: sizes, activation: .sigmoid, initializer: initializer,
                                            normalization: normalization, using: &weights)
        // A twin whose running averages may be disturbed: the BN probe runs through it in the training phase.
        var twinWeights = SeededGenerator(seed: 0)
        let twin = Sequential<Float>.mlp(sizes: sizes, activation: .sigmoid, initializer: .zeros,
                                         normalization: normalization, using: &twinWeights)
        // The input of the last sigmoid: the layer just before the last Activation.
        let lastActivation = network.layers.lastIndex { $0 is Activation<Float> }!
        let probedLayer = lastActivation - 1
        let optimizer = SGD<Float>(learningRate: settings.learningRate)

        func measure() -> (accuracy: Double, percentiles: [Percentiles]) {
            let scores = network.predict(test.features, batchSize: 2000)
            let accuracy = NeuralEngine.accuracy(scores, labels: test.labels)
            let inputs: Tensor<Float>
            if batchNorm {
                for (copy, original) in zip(twin.parameters, network.parameters) { copy.value = original.value }
                _ = twin.forward(probe, phase: .training)
                inputs = twin.outputs[probedLayer]
            } else {
                _ = network.forward(probe, phase: .evaluation)
                inputs = network.outputs[probedLayer]
            }
            return (accuracy, Self.unitPercentiles(inputs))
        }

        var steps = [0], accuracies: [Double] = [], percentiles: [[Percentiles]] = []
        let initial = measure()
        accuracies.append(initial.accuracy)
        percentiles.append(initial.percentiles)
        var order = rng.split()
        var step = 0, diverged = false
        training: while step < settings.steps {
            for batch in training.batches(size: settings.batchSize, dropLast: true, using: &order) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                step += 1
                if !loss.isFinite { diverged = true }
                if settings.probes(at: step) || diverged {
                    steps.append(step)
                    if diverged {
                        accuracies.append(.nan)
                        percentiles.append(Array(repeating: Percentiles(p15: .nan, median: .nan, p85: .nan),
                                                 count: Self.width))
                    } else {
                        let probed = measure()
                        accuracies.append(probed.accuracy)
                        percentiles.append(probed.percentiles)
                    }
                }
                if step == settings.steps || diverged { break training }
            }
        }
        self.steps = steps
        self.testAccuracy = accuracies
        self.percentiles = percentiles
        self.diverged = diverged
        let lastBatchNorm = network.layers.last { $0 is BatchNorm<Float> } as? BatchNorm<Float>
        finalShift = lastBatchNorm?.shift.value.scalars.map(Double.init) ?? []
    }

    /// The (15, 50, 85)th percentiles of each column of `inputs` (N examples × units), from the engine's probe.
    static func unitPercentiles(_ inputs: Tensor<Float>) -> [Percentiles] {
        let byUnit = inputs.transposed()
        return (0..<byUnit.rows).map { u in
            let statistics = ActivationStatistics(of: Tensor(row: byUnit.row(u)), histogramBins: 1)
            return Percentiles(p15: statistics.percentile15, median: statistics.median, p85: statistics.percentile85)
        }
    }

    /// The probe index at `step` (the nearest probe; NaN metrics follow if the run diverged before it).
    func index(atStep step: Int) -> Int {
        steps.indices.min { abs(steps[$0] - step) < abs(steps[$1] - step) }!
    }

    /// Test accuracy at the probe nearest `step` (NaN when the run diverged before it: its last probe is NaN).
    func accuracy(atStep step: Int) -> Double { testAccuracy[index(atStep: step)] }

    /// Mean test accuracy over the probes at steps in `first...last`: the area under the learning curve, a speed
    /// measure that one noisy probe cannot swing (NaN if the run diverged by `last`: its last probe is NaN).
    func meanAccuracy(from first: Int, through last: Int) -> Double {
        let window = steps.indices.filter { steps[$0] >= first && steps[$0] <= last }
        return window.map { testAccuracy[$0] }.reduce(0, +) / Double(window.count)
    }

    /// Each unit's median at the last probe minus its median at step 0.
    var medianDrift: [Double] { medianDrift(upTo: steps.count - 1) }

    /// Each unit's median at probe `k` minus its median at step 0.
    func medianDrift(upTo k: Int) -> [Double] {
        zip(percentiles[k], percentiles[0]).map { $0.median - $1.median }
    }

    /// Mean over the units of |median at probe k − median at step 0|, at every probe.
    var meanAbsoluteDriftOverTraining: [Double] {
        percentiles.indices.map { k in
            let drift = medianDrift(upTo: k)
            return drift.map(abs).reduce(0, +) / Double(drift.count)
        }
    }

    /// Mean over the 100 units of |median drift| from step 0 to the end: the drift rule's metric.
    var meanAbsoluteDrift: Double { meanAbsoluteDriftOverTraining.last! }

    /// With BN: mean over the units of |median drift − learned β| — the drift that the learned shift (which starts
    /// at 0) does not account for. NaN without BN.
    var driftBesideShift: Double {
        guard !finalShift.isEmpty else { return .nan }
        return zip(medianDrift, finalShift).map { abs($0 - $1) }.reduce(0, +) / Double(finalShift.count)
    }
}

/// The training settings shared by every network of a run.
struct Settings: Sendable {
    var steps: Int
    var probeInterval: Int
    var trainingExamples: Int
    var testExamples: Int
    var probeExamples = 1000
    var batchSize = 60
    var learningRate = 0.5
    var initialStandardDeviation = 0.1
    /// The accuracy rule compares the mean test accuracy over the probes at steps `probeInterval`…`comparisonStep`.
    var comparisonStep = 500
    /// Probes are every `probeInterval` steps up to `denseProbesUntil`, then every `sparseProbeInterval`.
    var denseProbesUntil = 1000
    var sparseProbeInterval = 200

    func probes(at step: Int) -> Bool {
        step <= denseProbesUntil ? step % probeInterval == 0 : step % sparseProbeInterval == 0
    }

    static let full = Settings(steps: 3000, probeInterval: 50, trainingExamples: 60_000, testExamples: 5000)
    static let quick = Settings(steps: 500, probeInterval: 50, trainingExamples: 30_000, testExamples: 2000,
                                probeExamples: 500)
}
