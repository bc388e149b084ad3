import Datasets
import Foundation
import NeuralEngine

/// The three nets compared: 784-[256]×2-10 ReLU with He init, plain or with a normalisation layer before each ReLU.
enum Net: String, CaseIterable, Sendable {
    case plain = "no normalisation"
    case layerNorm = "layer norm"
    case batchNorm = "batch norm"

    func network<S: EngineScalar>(_: S.Type, width: Int, using rng: inout SeededGenerator) -> Sequential<S> {
        let normalization: Sequential<S>.Normalization? = switch self {
        case .plain: nil
        case .layerNorm: .layer
        case .batchNorm: .batch
        }
        return .mlp(sizes: [784, width, width, 10], activation: .relu, initializer: .heNormal,
                    normalization: normalization, using: &rng)
    }
}

/// How the micro-batch gradients are accumulated: in the working precision (the note's trick, done right), or — the
/// positive control — each rounded to bfloat16 before it is added to the accumulator, as in mixed-precision training.
enum Combination: Sendable { case average, bfloat16 }

/// `x` rounded to bfloat16 (the top 16 bits of its Float32 pattern, round to nearest, ties to even), back in `S`.
func bfloat16<S: EngineScalar>(_ x: S) -> S {
    let bits = Float(x).bitPattern
    return S(Float(bitPattern: (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000))
}

extension Sequential {
    /// ∂L/∂θ for softmax cross-entropy (mean over the rows) on one batch, every parameter flattened in order.
    func flatGradient(_ features: Tensor<Scalar>, labels: [Int]) -> [Scalar] {
        let loss = softmaxCrossEntropy(forward(features, phase: .training), labels: labels)
        backward(loss.gradient)
        return parameters.flatMap(\.gradient.scalars)
    }

    /// The gradient accumulated over `k` consecutive micro-batches of the batch (rows split in order), summed in
    /// `Scalar` as a training loop would (`grad += …`; with `.bfloat16` each term rounded first), then divided by k.
    func accumulatedGradient(_ features: Tensor<Scalar>, labels: [Int], microBatches k: Int,
                             combination: Combination) -> [Scalar] {
        precondition(features.rows % k == 0, "accumulatedGradient: \(features.rows) rows do not split into \(k)")
        let m = features.rows / k
        var total: [Scalar] = []
        for j in 0..<k {
            let rows = Array(j * m ..< (j + 1) * m)
            var g = flatGradient(features.gatheringRows(rows), labels: rows.map { labels[$0] })
            if combination == .bfloat16 { g = g.map(bfloat16) }
            if total.isEmpty { total = g } else { for i in total.indices { total[i] += g[i] } }
        }
        for i in total.indices { total[i] /= Scalar(k) }
        return total
    }
}

/// ‖a − b‖ / ‖b‖, accumulated in Double.
func relativeDifference<S: EngineScalar>(_ a: [S], _ b: [S]) -> Double {
    var difference = 0.0, reference = 0.0
    for i in a.indices {
        let d = Double(a[i]) - Double(b[i])
        difference += d * d
        reference += Double(b[i]) * Double(b[i])
    }
    return (difference / reference).squareRoot()
}

/// ‖∑_j g_j/k − g_batch‖ / ‖g_batch‖ for one net at initialisation and one batch, for each number of micro-batches.
func accumulationDifferences<S: EngineScalar>(_ net: Net, _: S.Type, batch: LabeledDataset<S>, width: Int,
                                              microBatchCounts: [Int], combination: Combination,
                                              weightSeed: UInt64) -> [Double] {
    var rng = SeededGenerator(seed: weightSeed)
    let network = net.network(S.self, width: width, using: &rng)
    let large = network.flatGradient(batch.features, labels: batch.labels)
    return microBatchCounts.map { k in
        relativeDifference(network.accumulatedGradient(batch.features, labels: batch.labels, microBatches: k,
                                                       combination: combination), large)
    }
}

/// The variance of the mini-batch gradient, E‖g_B − ḡ‖² (ḡ: the gradient on the whole pool), for each batch size,
/// estimated from `draws` batches drawn without replacement.
struct GradientVariance: Sendable, Codable {
    var real: [Double] = []

    init() {}

    init(pool: LabeledDataset<Float>, batchSizes: [Int], draws: Int, width: Int, using rng: inout SeededGenerator) {
        let network = Net.plain.network(Float.self, width: width, using: &rng)
        let mean = network.flatGradient(pool.features, labels: pool.labels)
        func squaredDistance(_ g: [Float]) -> Double {
            var s = 0.0
            for i in g.indices { let d = Double(g[i]) - Double(mean[i]); s += d * d }
            return s
        }
        for size in batchSizes {
            var realSum = 0.0
            for _ in 0..<draws {
                let batch = pool.subset(Array(rng.permutation(pool.count).prefix(size)))
                realSum += squaredDistance(network.flatGradient(batch.features, labels: batch.labels))
            }
            real.append(realSum / Double(draws))
        }
    }
}

/// The least-squares slope of log y against log x.
func logLogSlope(_ x: [Double], _ y: [Double]) -> Double {
    let lx = x.map { Foundation.log($0) }, ly = y.map { Foundation.log($0) }
    let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
    let covariance = zip(lx, ly).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
    return covariance / lx.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
}

/// Whether some ReLU's pre-activation has another sign in the forward pass of a micro-batch than in the forward pass
/// of the whole batch (a kink crossed by rounding); `network` is a plain net (Linear, ReLU, …, Linear).
func reluFlipped(_ network: Sequential<Float>, _ features: Tensor<Float>, microBatches k: Int) -> Bool {
    let preActivations = network.layers.indices.filter { network.layers[$0] is Linear<Float> }.dropLast()
    func signs() -> [[Bool]] { preActivations.map { network.outputs[$0].scalars.map { $0 > 0 } } }
    _ = network.forward(features, phase: .training)
    let whole = signs(), m = features.rows / k
    for j in 0..<k {
        _ = network.forward(features.gatheringRows(Array(j * m ..< (j + 1) * m)), phase: .training)
        let micro = signs()
        if micro.indices.contains(where: { l in
            let width = micro[l].count / m
            return micro[l] != Array(whole[l][j * m * width ..< (j + 1) * m * width])
        }) { return true }
    }
    return false
}

/// Over `batches` seeded batches, the plain net at initialisation: how many batches' accumulated gradient differs
/// from the whole batch's by more than `bound` (relative), how many of those had a ReLU kink crossed by rounding,
/// and how many batches had one at all.
func roundingOutliers(pool: LabeledDataset<Float>, batches: Int, settings: GradientAccumulation.Settings, bound: Double,
                      using rng: inout SeededGenerator) -> (outliers: Int, outliersWithFlip: Int, batchesWithFlip: Int) {
    let network = Net.plain.network(Float.self, width: settings.width, using: &rng)
    var result = (outliers: 0, outliersWithFlip: 0, batchesWithFlip: 0)
    for _ in 0..<batches {
        let batch = pool.subset(Array(rng.permutation(pool.count).prefix(settings.batchSize)))
        let large = network.flatGradient(batch.features, labels: batch.labels)
        let accumulated = network.accumulatedGradient(batch.features, labels: batch.labels,
                                                      microBatches: settings.microBatches, combination: .average)
        let flipped = reluFlipped(network, batch.features, microBatches: settings.microBatches)
        let outlier = relativeDifference(accumulated, large) > bound
        result.outliers += outlier ? 1 : 0
        result.outliersWithFlip += outlier && flipped ? 1 : 0
        result.batchesWithFlip += flipped ? 1 : 0
    }
    return result
}
