import Foundation

/// Summary statistics of one tensor of activations (or any values): what CS231n's lecture plots per layer.
public struct ActivationStatistics: Equatable, Sendable, Codable {
    public let mean: Double
    /// Population standard deviation √(E[(h − mean)²]).
    public let standardDeviation: Double
    /// 15th, 50th and 85th percentiles (Ioffe & Szegedy 2015, Fig. 1 plots these for one sigmoid input).
    public let percentile15: Double
    public let median: Double
    public let percentile85: Double
    /// The fraction of entries in the saturated region of the layer's function (see `Activation.Function.isSaturated`);
    /// 0 for functions without one.
    public let saturatedFraction: Double
    /// The fraction of units (columns) that are not positive on any example of the batch: dead ReLUs.
    public let deadUnitFraction: Double
    /// Counts of the entries in equal-width bins over `histogramRange`.
    public let histogram: Histogram

    /// Statistics of `values` (N×D: N examples of D units). `function` decides what counts as saturated.
    public init<Scalar>(of values: Tensor<Scalar>, function: Activation<Scalar>.Function? = nil,
                        histogramBins: Int = 50, histogramRange: ClosedRange<Double>? = nil) {
        let x = values.scalars.map(Double.init)
        precondition(!x.isEmpty, "ActivationStatistics: empty tensor")
        let n = Double(x.count)
        mean = x.reduce(0, +) / n
        let m = mean
        standardDeviation = (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n).squareRoot()
        // A diverged layer holds NaN: the moments above are NaN then, and the order statistics are taken over the
        // entries that are not NaN (all NaN: NaN), so a probe of a diverged run reports instead of trapping.
        let sorted = x.filter { !$0.isNaN }.sorted()
        percentile15 = sorted.isEmpty ? .nan : Self.percentile(sorted, 0.15)
        median = sorted.isEmpty ? .nan : Self.percentile(sorted, 0.50)
        percentile85 = sorted.isEmpty ? .nan : Self.percentile(sorted, 0.85)
        saturatedFraction = function.map { f in Double(x.filter(f.isSaturated).count) / n } ?? 0
        var dead = 0
        for c in 0..<values.columns where !(0..<values.rows).contains(where: { values[$0, c] > 0 }) { dead += 1 }
        deadUnitFraction = Double(dead) / Double(values.columns)
        let finite = sorted.filter(\.isFinite)
        histogram = Histogram(sorted, bins: histogramBins,
                              range: histogramRange ?? (finite.isEmpty ? 0...0 : finite[0]...finite[finite.count - 1]))
    }

    /// The p-quantile of sorted values by linear interpolation between closest ranks (numpy's default).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}

/// Counts of values in `bins` equal-width bins over `range`; values outside the range go to the end bins.
public struct Histogram: Equatable, Sendable, Codable {
    public let range: ClosedRange<Double>
    public let counts: [Int]

    public init(_ values: [Double], bins: Int, range: ClosedRange<Double>) {
        precondition(bins > 0, "Histogram: bins must be positive, got \(bins)")
        let width = range.upperBound - range.lowerBound
        var counts = [Int](repeating: 0, count: bins)
        for v in values where !v.isNaN {
            let position = width > 0 ? ((v - range.lowerBound) / width * Double(bins)).rounded(.down) : 0
            // Clamp before converting: Int(_:) traps on ±∞ (a diverged network's values) and on NaN (∞/∞ when the
            // range itself is infinite).
            counts[position >= Double(bins - 1) ? bins - 1 : position > 0 ? Int(position) : 0] += 1
        }
        self.range = range
        self.counts = counts
    }

    /// The centre of each bin.
    public var binCentres: [Double] {
        let width = (range.upperBound - range.lowerBound) / Double(counts.count)
        return counts.indices.map { range.lowerBound + (Double($0) + 0.5) * width }
    }
}

extension Activation.Function {
    /// Whether an output y lies in the flat part of the function: σ(x) < 0.03 or > 0.97, |tanh x| > 0.97 (the
    /// convention of CLAIMS.md's diagnostics). The rectifiers have no saturated region on the positive side.
    public func isSaturated(_ y: Double) -> Bool {
        switch self {
        case .sigmoid: y < 0.03 || y > 0.97
        case .tanh: abs(y) > 0.97
        case .relu, .leakyReLU, .elu: false
        }
    }
}

/// One layer's diagnostics after a forward and backward pass.
public struct LayerReport: Sendable {
    /// Position in the network (0-based).
    public let index: Int
    /// The layer as printed, e.g. "Tanh()".
    public let layer: String
    /// Statistics of this layer's output.
    public let output: ActivationStatistics
    /// ‖∂L/∂output‖ (Frobenius, over the batch).
    public let outputGradientNorm: Double
    /// ‖∂L/∂W‖ for layers with a weight named "W"; nil otherwise.
    public let weightGradientNorm: Double?
    /// log₁₀(std(η·∂L/∂W) / std(W)) for layers with a weight, when a learning rate η was given (CS231n suggests ≈ −3).
    public let updateToDataRatio: Double?
}

extension Sequential {
    /// Per-layer diagnostics from the last `forward` and `backward` (call both first).
    public func layerReports(learningRate: Double? = nil, histogramBins: Int = 50,
                             histogramRange: ClosedRange<Double>? = nil) -> [LayerReport] {
        precondition(outputs.count == layers.count && outputGradients.count == layers.count,
                     "Sequential.layerReports: run forward and backward first")
        return layers.indices.map { i in
            let function = (layers[i] as? Activation<Scalar>)?.function
            let weight = layers[i].parameters.first { $0.name == "W" }
            let ratio: Double? = weight.flatMap { w in
                learningRate.map { eta in
                    log10(eta * standardDeviation(w.gradient) / standardDeviation(w.value))
                }
            }
            return LayerReport(index: i, layer: layers[i].description,
                               output: ActivationStatistics(of: outputs[i], function: function,
                                                            histogramBins: histogramBins, histogramRange: histogramRange),
                               outputGradientNorm: outputGradients[i].norm(),
                               weightGradientNorm: weight.map { $0.gradient.norm() },
                               updateToDataRatio: ratio)
        }
    }
}

/// Population standard deviation of a tensor's entries, √(E[x²] − E[x]²) accumulated in Double.
public func standardDeviation<Scalar>(_ t: Tensor<Scalar>) -> Double {
    let m = t.mean()
    return max(0, t.squaredSum() / Double(t.count) - m * m).squareRoot()
}
