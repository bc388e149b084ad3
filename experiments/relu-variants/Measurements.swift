import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// One of the compared nonlinearities: its name, colour and hidden layer factory (Linear + activation, or maxout).
struct Variant: Sendable {
    let name: String
    let arm: Arm
    /// The layers from `inputs` to `units` hidden units.
    let hidden: @Sendable (_ inputs: Int, _ units: Int, _ rng: inout SeededGenerator) -> [any Layer<Float>]
}

/// A 784-[width]×depth-10 net of one variant trained by plain SGD (Clevert et al. 2015 §4.1 in small), probed every
/// `interval` steps on fixed training examples: the mean training loss since the last probe and the median over
/// hidden units of each unit's mean activation.
struct VariantRun: Sendable, Codable {
    var steps: [Double] = [], losses: [Double] = [], medianActivations: [Double] = []
    var finalLoss = 0.0
    /// Hidden units whose gradient is 0 on every probe example, at the end: for an elementwise nonlinearity, ∂h/∂z = 0
    /// on every example; a maxout unit, none of its pieces winning on any example. `deadPieces`: maxout pieces that
    /// win on no example (a losing piece gets no gradient; 0 for the other variants).
    var zeroGradientUnits = 0.0, deadPieces = 0.0
    var parameterCount = 0.0, hiddenParameterCount = 0.0
    /// PReLU's learned slope per hidden layer (empty for the other variants).
    var slopes: [Double] = []

    init() {}

    init(_ variant: Variant, data: LabeledDataset<Float>, probe: Tensor<Float>, optimizer: some Optimizer<Float>,
         steps count: Int, settings s: ReLUVariants.Settings, seed: SeededGenerator, curves: Bool) {
        var stream = seed, order = (stream.split(), stream.split()).1   // the first split: the weights (`layers`)
        let layers = Self.layers(variant, settings: s, featureCount: data.featureCount, seed: seed)
        let network = Sequential(layers)
        parameterCount = Double(network.parameterCount)
        hiddenParameterCount = Self.hiddenParameterCount(layers)
        var lossSum = 0.0
        func record(_ step: Int, _ loss: Double) {
            steps.append(Double(step))
            losses.append(loss)
            medianActivations.append(Self.medianUnitMean(network, probe: probe))
        }
        let first = data.features.gatheringRows(Array(0..<s.batchSize))
        if curves { record(0, softmaxCrossEntropy(network.forward(first, phase: .evaluation), labels: Array(data.labels.prefix(s.batchSize))).value) }
        let log = network.train(on: data, steps: count, batchSize: s.batchSize, optimizer: optimizer, using: &order) {
            step, loss in
            lossSum += loss
            if curves && step % s.interval == 0 {
                record(step, lossSum / Double(s.interval))
                lossSum = 0
            }
        }
        finalLoss = log.meanLoss(last: s.tail)
        let zero = Self.zeroGradient(network, probe: probe)
        (zeroGradientUnits, deadPieces) = log.diverged ? (.nan, .nan) : (Double(zero.units), Double(zero.pieces))
        slopes = layers.compactMap { ($0 as? PReLU<Float>).map { Double($0.alpha.value.scalars[0]) } }
    }

    /// The net's layers: `depth` hidden layers of the variant, then a 10-way linear layer (He init).
    static func layers(_ variant: Variant, settings s: ReLUVariants.Settings, featureCount: Int,
                       seed: SeededGenerator) -> [any Layer<Float>] {
        var stream = seed, weights = stream.split()
        var layers: [any Layer<Float>] = [], size = featureCount
        for _ in 0..<s.depth { (layers, size) = (layers + variant.hidden(size, s.width, &weights), s.width) }
        return layers + [Linear<Float>(size, 10, initializer: .heNormal, using: &weights)]
    }

    /// Learned parameters of the hidden layers (all but the output layer).
    static func hiddenParameterCount(_ layers: [any Layer<Float>]) -> Double {
        Double(layers.dropLast().reduce(0) { $0 + $1.parameters.reduce(0) { $0 + $1.value.count } })
    }

    /// The outputs of the hidden nonlinearities (activation or maxout layers) from the last forward pass.
    static func hiddenOutputs(_ network: Sequential<Float>) -> [Tensor<Float>] {
        network.layers.indices.dropLast().filter { !(network.layers[$0] is Linear<Float>) }.map { network.outputs[$0] }
    }

    /// The median over all hidden units of the unit's mean activation on `probe` (Clevert et al. 2015, Fig. 1).
    static func medianUnitMean(_ network: Sequential<Float>, probe: Tensor<Float>) -> Double {
        _ = network.forward(probe, phase: .evaluation)
        let means = hiddenOutputs(network).flatMap { h in
            (0..<h.columns).map { c in (0..<h.rows).reduce(0.0) { $0 + Double(h.scalars[$1 * h.columns + c]) } / Double(h.rows) }
        }.sorted()
        guard !means.isEmpty, !means.contains(where: \.isNaN) else { return .nan }
        return (means[(means.count - 1) / 2] + means[means.count / 2]) / 2
    }

    /// Hidden units with an all-zero gradient on `probe`: for an elementwise nonlinearity, those whose ∂h/∂z — the
    /// layer's own backward pass of an all-ones gradient, as the engine computes it — is 0 on every example; for
    /// maxout, units none of whose pieces wins on any example, and separately the pieces that win on none.
    static func zeroGradient(_ network: Sequential<Float>, probe: Tensor<Float>) -> (units: Int, pieces: Int) {
        _ = network.forward(probe, phase: .evaluation)
        var count = 0, pieces = 0
        for (i, layer) in network.layers.enumerated().dropLast() where !(layer is Linear<Float>) {
            let input = i == 0 ? probe : network.outputs[i - 1]
            if let maxout = layer as? Maxout<Float> {
                let z = Tensor.matmul(input, maxout.parameters[0].value).addingRowVector(maxout.parameters[1].value)
                var wins = [Bool](repeating: false, count: z.columns)
                for r in 0..<z.rows {
                    for unit in 0..<maxout.outputSize {
                        let base = r * z.columns + unit * maxout.pieces
                        var best = 0
                        for j in 1..<maxout.pieces where z.scalars[base + j] > z.scalars[base + best] { best = j }
                        wins[unit * maxout.pieces + best] = true
                    }
                }
                pieces += wins.filter { !$0 }.count
                count += (0..<maxout.outputSize).filter { u in !wins[u * maxout.pieces ..< (u + 1) * maxout.pieces].contains(true) }.count
            } else {
                let derivative = layer.backward(Tensor(rows: probe.rows, columns: network.outputs[i].columns, repeating: 1))
                count += (0..<derivative.columns).filter { c in
                    (0..<derivative.rows).allSatisfy { derivative.scalars[$0 * derivative.columns + c] == 0 } }.count
            }
        }
        return (count, pieces)
    }
}
