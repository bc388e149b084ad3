import Datasets
import Foundation
import NeuralEngine

/// σ(z) − c with σ's own derivative (local: the engine has no shifted activation); c = 0.5 gives ½·tanh(z/2).
final class ShiftedSigmoid: Layer {
    let shift: Float
    private let sigmoid = Activation<Float>(.sigmoid)
    init(shift: Float) { self.shift = shift }
    var description: String { "Sigmoid() − \(shift)" }
    func forward(_ input: Tensor<Float>, phase: Phase) -> Tensor<Float> {   // not Tensor.map: unspecialised, slow
        let y = sigmoid.forward(input, phase: phase)
        return Tensor(rows: y.rows, columns: y.columns, scalars: y.scalars.map { $0 - shift })
    }
    /// dy ⊙ σ(1 − σ), from the unshifted σ the inner layer cached.
    func backward(_ outputGradient: Tensor<Float>) -> Tensor<Float> { sigmoid.backward(outputGradient) }
}

enum Variant: String, CaseIterable, Sendable, Codable {
    case sigmoid = "sigmoid σ(z)"
    case centred = "centred sigmoid σ(z) − 0.5"
    /// Each Linear layer after a σ gets b_j = −0.5·Σ_i W_ij: at init σ·W + b = (σ − 0.5)·W, inputs still positive.
    case compensated = "sigmoid with bias −0.5·Σw (control)"

    /// The same weight draws for every variant, b = 0.
    func network(sizes: [Int], initializer: Initializer, using rng: inout SeededGenerator) -> Sequential<Float> {
        var layers: [any Layer<Float>] = []
        for i in 0..<sizes.count - 1 {
            let linear = Linear<Float>(sizes[i], sizes[i + 1], initializer: initializer, using: &rng)
            if self == .compensated, i > 0 { linear.bias.value = Float(-0.5) * linear.weight.value.columnSums() }
            layers.append(linear)
            if i < sizes.count - 2 { layers.append(self == .centred ? ShiftedSigmoid(shift: 0.5) : Activation<Float>(.sigmoid)) }
        }
        return Sequential(layers)
    }
}

/// One training run: SGD with softmax cross-entropy, the mean training loss every `interval` steps and over the whole
/// run, and the loss on a fixed probe set before the first step and at the end (NaN when the run diverged).
struct TrainingCurve: Sendable {
    var losses: [Double] = []
    var initialLoss = Double.nan, probeLoss = Double.nan, meanLoss = Double.nan
    init() {}

    init(_ network: Sequential<Float>, training: LabeledDataset<Float>, probe: LabeledDataset<Float>, steps: Int,
         batchSize: Int, learningRate: Double, interval: Int, using rng: inout SeededGenerator) {
        var sum = 0.0
        let probeLossNow = { softmaxCrossEntropy(network.predict(probe.features), labels: probe.labels).value }
        initialLoss = probeLossNow()
        let log = network.train(on: training, steps: steps, batchSize: batchSize,
                                optimizer: SGD<Float>(learningRate: learningRate), using: &rng) { step, loss in
            sum += loss
            if step % interval == 0 { losses.append(sum / Double(interval)); sum = 0 }
        }
        losses += Array(repeating: .nan, count: steps / interval - losses.count)
        if !log.diverged {
            meanLoss = log.meanLoss(last: steps)
            probeLoss = probeLossNow()
        }
    }
}

/// At init, on a batch: each layer-2 unit's weight gradient Σ_n δ_nj·h_n over mini-batches of each size (h: layer 1).
struct SameSignProbe: Sendable, Codable {
    /// Per batch size: the fraction of (mini-batch, unit) pairs whose gradient lies in one closed orthant, and the
    /// mean share of a unit's entries with its majority sign; λ₁(E[hhᵀ]) / λ₁(Cov h).
    var batchSizes: [Int] = [], orthantFraction: [Double] = [], agreement: [Double] = [], secondMomentRatio = 0.0
    init() {}

    init(_ network: Sequential<Float>, batch: LabeledDataset<Float>, batchSizes: [Int]) {
        self.batchSizes = batchSizes
        network.backward(softmaxCrossEntropy(network.forward(batch.features), labels: batch.labels).gradient)
        let h = network.outputs[1], delta = network.outputGradients[2]   // layer-1 activations, ∂L/∂z₂
        for size in batchSizes {
            var inOrthant = 0, agreeing = 0.0
            for start in stride(from: 0, through: batch.count - size, by: size) {
                let rows = Array(start..<start + size)
                let g = Tensor.matmul(h.gatheringRows(rows), delta.gatheringRows(rows), transposeA: true)
                var positive = [Int](repeating: 0, count: g.columns), negative = positive   // not Tensor.column: slow
                for (k, value) in g.scalars.enumerated() {
                    if value > 0 { positive[k % g.columns] += 1 } else if value < 0 { negative[k % g.columns] += 1 }
                }
                inOrthant += zip(positive, negative).filter { $0 == 0 || $1 == 0 }.count
                for (p, n) in zip(positive, negative) { agreeing += Double(max(p, n)) / Double(g.rows) }
            }
            let pairs = Double(batch.count / size * delta.columns)
            orthantFraction.append(Double(inOrthant) / pairs)
            agreement.append(agreeing / pairs)
        }
        let top = topEigenvalues(h)
        secondMomentRatio = top.secondMoment / top.covariance
    }
}

/// λ₁ of E[xxᵀ] and of Cov x for the rows of `x`, by power iteration (`PCA`'s eigensolver costs seconds at D = 784).
func topEigenvalues(_ x: Tensor<Float>) -> (secondMoment: Double, covariance: Double) {
    let secondMoment = (1 / Float(x.rows)) * Tensor.matmul(x, x, transposeA: true), mean = x.columnMeans()
    let covariance = secondMoment - Tensor.matmul(mean, mean, transposeA: true)
    return (largestEigenvalue(secondMoment), largestEigenvalue(covariance))
}

/// λ₁ of a symmetric PSD matrix: power steps from the all-ones vector, then the Rayleigh quotient.
func largestEigenvalue(_ m: Tensor<Float>, iterations: Int = 300) -> Double {
    var v = Tensor<Float>(rows: m.rows, columns: 1, repeating: 1)
    for _ in 0..<iterations { v = Tensor.matmul(m, v); v = Float(1 / v.norm()) * v }
    return Tensor.matmul(v, Tensor.matmul(m, v), transposeA: true).sum()
}

/// The 2-D picture: f = w·x learns a teacher w* from w = 0 by normalised-LMS steps (w·x − w*·x)·x·η/‖x‖², with
/// x ~ U(0, 1)² or the same draws minus ½.
struct ZigZag: Sendable, Codable {
    static let teacher = (1.0, -1.0)
    var w1: [Double] = [0], w2: [Double] = [0], distance: [Double] = []   // ‖w − w*‖ before each step and at the end
    init() {}

    init(inputs: [(Double, Double)], centred: Bool, learningRate: Double) {
        let (t1, t2) = Self.teacher
        distance = [hypot(t1, t2)]
        for (a, b) in inputs {
            let (x1, x2) = centred ? (a - 0.5, b - 0.5) : (a, b)
            let step = learningRate * ((w1.last! - t1) * x1 + (w2.last! - t2) * x2) / (x1 * x1 + x2 * x2)
            w1.append(w1.last! - step * x1)
            w2.append(w2.last! - step * x2)
            distance.append(hypot(w1.last! - t1, w2.last! - t2))
        }
    }
}
