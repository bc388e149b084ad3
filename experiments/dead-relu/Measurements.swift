import Datasets
import NeuralEngine

/// Dead hidden units: never positive on any probe example (CLAIMS.md A6). The same test for ReLU, leaky ReLU and ELU:
/// for all three, output > 0 exactly when the pre-activation is > 0.
struct DeadUnitProbe: Sendable {
    /// The probe examples in chunks of at most 1000 rows (each a forward pass in the evaluation phase).
    let chunks: [Tensor<Float>]

    init(_ x: Tensor<Float>, chunk: Int = 1000) {
        chunks = stride(from: 0, to: x.rows, by: chunk).map { x.gatheringRows(Array($0..<min($0 + chunk, x.rows))) }
    }

    /// Per hidden layer and unit, whether the unit is never positive on the probe; nil when the network's activations
    /// are not finite (a diverged run is not "dead").
    func deadUnits(_ network: Sequential<Float>) -> [[Bool]]? {
        var alive: [[Bool]] = [], finite = true
        for chunk in chunks {
            _ = network.forward(chunk, phase: .evaluation)
            let hidden = Self.hiddenOutputs(network)
            if alive.isEmpty { alive = hidden.map { [Bool](repeating: false, count: $0.columns) } }
            for (layer, h) in hidden.enumerated() {
                h.scalars.withUnsafeBufferPointer { y in
                    alive[layer].withUnsafeMutableBufferPointer { a in
                        for r in 0..<h.rows {
                            for c in 0..<h.columns where !a[c] {
                                let v = y[r * h.columns + c]
                                if v > 0 { a[c] = true } else if !v.isFinite { finite = false }
                            }
                        }
                    }
                }
            }
        }
        return finite ? alive.map { $0.map { !$0 } } : nil
    }

    static func fraction(_ units: [Bool]) -> Double { Double(units.filter { $0 }.count) / Double(units.count) }

    /// Layer `layer`'s activity on the first `examples` probe rows: `map[example][unit]` is 1 where the unit's output
    /// is positive, 0 where it is not (Karpathy's makemore part 3 plot of saturated tanh units, here for h > 0).
    func activityMap(_ network: Sequential<Float>, layer: Int, examples: Int) -> [[Double]] {
        _ = network.forward(chunks[0].gatheringRows(Array(0..<examples)), phase: .evaluation)
        let h = Self.hiddenOutputs(network)[layer]
        return (0..<h.rows).map { r in (0..<h.columns).map { h.scalars[r * h.columns + $0] > 0 ? 1 : 0 } }
    }

    /// The outputs of the activation layers from the last forward pass.
    static func hiddenOutputs(_ network: Sequential<Float>) -> [Tensor<Float>] {
        network.layers.indices.dropLast().filter { !(network.layers[$0] is Linear<Float>) }.map { network.outputs[$0] }
    }
}

/// One training run of the 784-[256]×3-10 net (He init) from a seed's fixed initial weights and batch order.
struct DeadReLURun {
    let network: Sequential<Float>
    var order: SeededGenerator
    var log = TrainingLog()

    /// The net with `activation` after each hidden layer and every hidden bias set to `bias`.
    init(_ activation: Activation<Float>.Function, bias: Double = 0, settings: DeadReLU.Settings, seed: SeededGenerator,
         featureCount: Int) {
        var stream = seed, weights = stream.split()
        order = stream.split()
        network = .mlp(sizes: [featureCount] + settings.widths + [10], activation: activation, initializer: .heNormal,
                       using: &weights)
        network.layers.dropLast().compactMap { $0 as? Linear<Float> }
            .forEach { $0.bias.value = Tensor(rows: 1, columns: $0.outputSize, repeating: Float(bias)) }
    }

    /// Trains `steps` more steps (fresh optimizer), `checkpoint(offset + step)` every `interval`; stops once diverged.
    mutating func train(on data: LabeledDataset<Float>, steps: Int, optimizer: some Optimizer<Float>, batchSize: Int,
                        interval: Int = .max, offset: Int = 0, checkpoint: (Int) -> Void = { _ in }) {
        guard !log.diverged else { return }
        let more = network.train(on: data, steps: steps, batchSize: batchSize, optimizer: optimizer,
                                 using: &order) { step, _ in if step % interval == 0 { checkpoint(offset + step) } }
        (log.losses, log.diverged) = (log.losses + more.losses, more.diverged)
    }

    func dead(on probe: DeadUnitProbe) -> [[Bool]]? { log.diverged ? nil : probe.deadUnits(network) }
}

/// A sweep run reduced to what the report reads: per layer the dead fractions on the probe and on its first half
/// (NaN: diverged), the training log, and the dead-unit map of `mapLayer`.
struct SweepRun: Codable, Sendable {
    var dead: [Double], deadOnHalfProbe: [Double]
    var log: TrainingLog
    var map: [[Double]]

    init(_ run: DeadReLURun, settings s: DeadReLU.Settings, inputs: DeadReLU.Inputs) {
        func fractions(_ probe: DeadUnitProbe) -> [Double] {
            run.dead(on: probe)?.map(DeadUnitProbe.fraction) ?? s.widths.map { _ in .nan }
        }
        (dead, deadOnHalfProbe, log) = (fractions(inputs.probe), fractions(inputs.halfProbe), run.log)
        map = inputs.probe.activityMap(run.network, layer: s.mapLayer, examples: s.mapExamples)
    }
}

/// A recovery run: `steps` at Adam `recoveryFromRate`, then `recoverySteps` at `recoveryRate` (fresh Adam), probed.
struct RecoveryRun: Codable, Sendable {
    var curve: [Double] = [], checkpoints: [Double] = []
    /// Per layer: dead fractions before and after the recovery steps; of the units dead before, the fraction dead
    /// after (the last entry pools the layers). The high-rate run's log and dead-unit map (`mapLayer`).
    var before: [Double], after: [Double], stillDead: [Double]
    let highRateLog: TrainingLog, map: [[Double]]

    init(_ function: Activation<Float>.Function, settings s: DeadReLU.Settings, inputs: DeadReLU.Inputs,
         seed: SeededGenerator) {
        var r = DeadReLURun(function, settings: s, seed: seed, featureCount: inputs.data.featureCount)
        let network = r.network, curveProbe = inputs.curveProbe
        var curve: [Double] = [], checkpoints: [Double] = []
        func probe(_ step: Int) {
            curve.append(curveProbe.deadUnits(network)?.map(DeadUnitProbe.fraction).max() ?? .nan)
            checkpoints.append(Double(step))
        }
        probe(0)
        r.train(on: inputs.data, steps: s.steps, optimizer: Adam<Float>(learningRate: s.recoveryFromRate),
                batchSize: s.batchSize, interval: s.curveInterval, checkpoint: probe)
        let deadBefore = r.dead(on: inputs.probe)
        (highRateLog, map) = (r.log, inputs.probe.activityMap(network, layer: s.mapLayer, examples: s.mapExamples))
        r.train(on: inputs.data, steps: s.recoverySteps, optimizer: Adam<Float>(learningRate: s.recoveryRate),
                batchSize: s.batchSize, interval: s.curveInterval, offset: s.steps, checkpoint: probe)
        let deadAfter = r.dead(on: inputs.probe)
        let nan = [Double](repeating: .nan, count: s.widths.count)
        (before, after) = (deadBefore?.map(DeadUnitProbe.fraction) ?? nan, deadAfter?.map(DeadUnitProbe.fraction) ?? nan)
        let still = zip(deadBefore ?? [], deadAfter ?? []).map { b, a in (zip(b, a).filter { $0 && $1 }.count, b.filter { $0 }.count) }
        stillDead = deadAfter == nil ? nan + [.nan]
            : (still + [still.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }]).map { Double($0.0) / Double($0.1) }
        (self.curve, self.checkpoints) = (curve, checkpoints)
    }

    /// The worst layer's (most dead before) dead fraction after the recovery steps ÷ before.
    var ratio: Double {
        guard let worst = before.indices.max(by: { before[$0] < before[$1] }) else { return .nan }
        return after[worst] / before[worst]
    }
}
