import Datasets
import Foundation
import NeuralEngine

/// The networks compared: each hidden Linear layer followed by one of these, with the initialisation usual for it.
enum Variant: String, CaseIterable, Sendable, Codable {
    case relu = "ReLU", tanh, sigmoid
    /// The negative control: sigmoid's forward pass with its derivative coded as 4σ′ — at most 1, like ReLU's and tanh's.
    case steepSigmoid = "sigmoid, σ′ × 4 (control)"

    func layer() -> any Layer<Float> {
        switch self {
        case .relu: Activation(.relu)
        case .tanh: Activation(.tanh)
        case .sigmoid: Activation(.sigmoid)
        case .steepSigmoid: ScaledDerivative(.sigmoid, by: 4)
        }
    }

    /// He N(0, 2/fan_in) for ReLU, LeCun N(0, 1/fan_in) for tanh and the sigmoids.
    var initializer: Initializer { self == .relu ? .heNormal : .lecunNormal }
}

/// An activation whose backward pass is f′ times `factor` (the forward pass unchanged): the same mutation as
/// `MutatedDerivative(.sigmoid) { _, y in 4 * y * (1 - y) }`, but on the engine's vectorised path — MutatedDerivative's
/// per-element closure made a training step about five times slower.
final class ScaledDerivative: Layer {
    private let activation: Activation<Float>, factor: Float
    init(_ function: Activation<Float>.Function, by factor: Float) { (activation, self.factor) = (Activation(function), factor) }
    var description: String { "\(activation.function) with its derivative × \(factor)" }
    func forward(_ input: Tensor<Float>, phase: Phase) -> Tensor<Float> { activation.forward(input, phase: phase) }
    func backward(_ outputGradient: Tensor<Float>) -> Tensor<Float> { factor * activation.backward(outputGradient) }
}

/// One training run of a 784-[256]×4-10 MLP with SGD + momentum, advanced `probeInterval` steps at a time; after each
/// advance, the training error on a fixed probe. It stops at the first probe whose error is ≤ the target.
final class ErrorCurve {
    /// Steps of the probes (0 = at initialisation) and the probe's training error at each.
    private(set) var steps: [Int] = [], errors: [Double] = []
    /// The first probed step at which the error reached the target; nil while it has not (or if the loss diverged).
    private(set) var stepsToTarget: Int?
    private(set) var diverged = false
    private let network: Sequential<Float>, optimizer: Momentum<Float>, training, probe: LabeledDataset<Float>
    private let settings: ReLUConvergesFaster.Settings
    private var order: SeededGenerator

    init(_ variant: Variant, rate: Double, training: LabeledDataset<Float>, probe: LabeledDataset<Float>,
         settings: ReLUConvergesFaster.Settings, using rng: SeededGenerator) {
        var weights = rng
        order = weights.split()
        network = Sequential<Float>.mlp(sizes: [training.featureCount] + settings.hidden + [10],
                                        initializer: variant.initializer, using: &weights) { [variant.layer()] }
        optimizer = Momentum<Float>(learningRate: rate, momentum: settings.momentum)
        (self.training, self.probe, self.settings) = (training, probe, settings)
        record(at: 0)
    }

    /// Whether the run still goes on: not at the target, not diverged, under `maxSteps`.
    var running: Bool { stepsToTarget == nil && !diverged && steps.last! < settings.maxSteps }

    /// Trains `probeInterval` more steps and probes.
    func advance() {
        diverged = network.train(on: training, steps: settings.probeInterval, batchSize: settings.batchSize,
                                 optimizer: optimizer, using: &order).diverged
        if !diverged { record(at: steps.last! + settings.probeInterval) }
    }

    private func record(at step: Int) {
        steps.append(step)
        // Wrong answers ÷ probe size, exactly k/n: 1 − accuracy gives 0.15000000000000002 for 750 of 5000 (not ≤ 0.15).
        let n = Double(probe.labels.count)
        errors.append(((1 - network.accuracy(on: probe)) * n).rounded() / n)
        if errors.last! <= settings.targetError { stepsToTarget = step }
    }

    /// Runs to the target (or `maxSteps`).
    func finish() -> ErrorCurve {
        while running { advance() }
        return self
    }
}

/// Each variant's learning rate on the tuning seed (not a report seed), by successive halving (Jamieson & Talwalkar
/// 2016) to fit the time budget: all rates of its grid train side by side, `probeInterval` steps at a time, judged on
/// the smaller tuning probe; every `halvingInterval` steps the worse half (by probe error) stops; the first run to
/// reach the target wins (ties: the lower error), or, if none does by `maxSteps`, the lowest final error.
func tunedRates(data: ReLUConvergesFaster.Inputs, settings: ReLUConvergesFaster.Settings) -> [Variant: Double] {
    Dictionary(uniqueKeysWithValues: Variant.allCases.map { variant in
        let rates = settings.rates(variant)
        guard rates.count > 1 else { return (variant, rates[0]) }
        let runs = rates.map { ErrorCurve(variant, rate: $0, training: data.training, probe: data.tuningProbe,
                                          settings: settings, using: SeededGenerator(seed: UInt64(settings.tuningSeed))) }
        let error = { (k: Int) in runs[k].diverged ? Double.infinity : runs[k].errors.last! }
        var alive = Array(runs.indices)
        while alive.allSatisfy({ runs[$0].stepsToTarget == nil }) && alive.contains(where: { runs[$0].running }) {
            for k in alive where runs[k].running { runs[k].advance() }
            let step = alive.map { runs[$0].steps.last! }.max()!
            if step % settings.halvingInterval == 0 && alive.count > 1 {
                alive = Array(alive.sorted { error($0) < error($1) }.prefix((alive.count + 1) / 2))
            }
        }
        return (variant, rates[alive.min { error($0) < error($1) }!])
    })
}
