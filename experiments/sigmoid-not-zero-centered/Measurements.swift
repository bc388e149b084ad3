import Datasets
import Foundation
import NeuralEngine

/// σ(z) − c with the sigmoid's own derivative σ′(z) = σ(1 − σ) (local: the engine has no shifted activation). With
/// c = 0.5 it is CLAIMS.md's centred sigmoid ½·tanh(z/2): the same slope everywhere, outputs in (−½, ½), not (0, 1).
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

/// The three ways of building the 784-[128]×5-10 net that the experiment trains from the same weights.
enum Variant: String, CaseIterable, Sendable {
    /// Plain σ(z) after every hidden Linear layer: every hidden layer's inputs (but the first's) are positive.
    case sigmoid = "sigmoid σ(z)"
    /// σ(z) − 0.5: the claim's fix, zero-centred outputs with the same derivative.
    case centred = "centred sigmoid σ(z) − 0.5"
    /// Plain σ(z), each Linear layer after a sigmoid given the bias b_j = −0.5·Σ_i W_ij, so that at initialisation
    /// σ·W + b = (σ − 0.5)·W: the centred net's function, with the sigmoid net's all-positive inputs to every weight.
    case compensated = "sigmoid with bias −0.5·Σw (control)"

    /// Layers with the same weights for every variant (drawn by `initializer` from `rng` in the same order), b = 0.
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
/// run, and the loss on a fixed probe set at the end (both NaN when the run diverged).
struct TrainingCurve: Sendable {
    var losses: [Double] = []
    var probeLoss = Double.nan, meanLoss = Double.nan
    init() {}

    init(_ network: Sequential<Float>, training: LabeledDataset<Float>, probe: LabeledDataset<Float>, steps: Int,
         batchSize: Int, learningRate: Double, interval: Int, using rng: inout SeededGenerator) {
        var sum = 0.0
        let log = network.train(on: training, steps: steps, batchSize: batchSize,
                                optimizer: SGD<Float>(learningRate: learningRate), using: &rng) { step, loss in
            sum += loss
            if step % interval == 0 { losses.append(sum / Double(interval)); sum = 0 }
        }
        losses += Array(repeating: .nan, count: steps / interval - losses.count)
        if !log.diverged {
            meanLoss = log.meanLoss(last: steps)
            probeLoss = softmaxCrossEntropy(network.predict(probe.features), labels: probe.labels).value
        }
    }
}

/// CS231n's picture in numbers: at initialisation, on a batch, the gradient of each layer-2 unit's incoming weights
/// (whose inputs are the layer-1 activations h) summed over mini-batches of each size B. A single example's gradient
/// is δ_j·h — with h > 0 all of its entries share the sign of δ_j. Over a mini-batch, Σ_n δ_nj·h_n can mix signs.
struct SameSignProbe: Sendable {
    /// Per batch size: the fraction of (mini-batch, unit) pairs whose weight gradient lies in one closed orthant
    /// (every entry ≥ 0, or every entry ≤ 0).
    var orthantFraction: [Double] = []
    /// Per batch size: the mean over (mini-batch, unit) of the share of entries with the unit's majority sign.
    var agreement: [Double] = []
    /// Top eigenvalue of E[hhᵀ] over top eigenvalue of Cov(h), for the layer-1 outputs h.
    var secondMomentRatio = 0.0
    init() {}

    init(_ network: Sequential<Float>, batch: LabeledDataset<Float>, batchSizes: [Int]) {
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
            orthantFraction.append(Double(inOrthant) / Double(batch.count / size * delta.columns))   // of (batch, unit) pairs
            agreement.append(agreeing / Double(batch.count / size * delta.columns))
        }
        let top = topEigenvalues(h)
        secondMomentRatio = top.secondMoment / top.covariance
    }
}

/// λ₁ of E[xxᵀ] and of Cov x = E[(x − μ)(x − μ)ᵀ] for the rows of `x`, by power iteration (`PCA`'s full eigensolver
/// costs seconds at D = 784). Their ratio is how much the mean adds to the largest curvature of a squared loss on a
/// linear unit fed with x (LeCun et al. 1998, §4.3 and §5).
func topEigenvalues(_ x: Tensor<Float>) -> (secondMoment: Double, covariance: Double) {
    let secondMoment = (1 / Float(x.rows)) * Tensor.matmul(x, x, transposeA: true), mean = x.columnMeans()
    let covariance = secondMoment - Tensor.matmul(mean, mean, transposeA: true)
    return (largestEigenvalue(secondMoment), largestEigenvalue(covariance))
}

/// The largest eigenvalue of a symmetric positive semi-definite matrix: `iterations` power steps from the all-ones
/// vector, then the Rayleigh quotient (the error falls as (λ₂/λ₁)^iterations).
func largestEigenvalue(_ m: Tensor<Float>, iterations: Int = 300) -> Double {
    var v = Tensor<Float>(rows: m.rows, columns: 1, repeating: 1)
    for _ in 0..<iterations {
        v = Tensor.matmul(m, v)
        v = Float(1 / v.norm()) * v
    }
    return Tensor.matmul(v, Tensor.matmul(m, v), transposeA: true).sum()
}

/// The lecture's 2-D picture: one linear unit with two weights, f = w·x, trained by per-example gradient steps on the
/// squared error to a teacher w* (targets w*·x), from w = 0, with inputs x ~ U(0, 1)² (all positive, like sigmoid
/// outputs) or the same draws minus ½ (centred). Each step is the gradient (w·x − w*·x)·x times η/‖x‖² (normalised
/// LMS; η = 1 is Kaczmarz's projection onto the example's solution line): the step keeps the gradient's direction —
/// and so its quadrant — while the inputs' scale, which the mean also changes, is taken out.
struct ZigZag: Sendable {
    static let teacher = (1.0, -1.0)
    var w1: [Double] = [0], w2: [Double] = [0]
    /// ‖w − w*‖ after each step (index 0: at the start).
    var distance: [Double] = []
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
