import Foundation
import NeuralEngine

/// Small seeded data sets for experiments that need a known geometry. Every draw comes from the `SeededGenerator`
/// passed in, in a documented order, so a seed fixes the data.
public enum Synthetic {
    /// CS231n's spiral (course notes "Putting it together: Minimal Neural Network Case Study"): K arms of N points
    /// each in D = 2, exactly the notes' recipe. For class j = 0..<K and i = 0..<N:
    ///
    ///     r_i = i / (N − 1)                                 (np.linspace(0, 1, N))
    ///     t_i = 4j + 4·i / (N − 1) + 0.2·ε_i,  ε_i ~ N(0, 1)  (np.linspace(4j, 4(j+1), N) + np.random.randn(N)*0.2)
    ///     x_i = (r_i sin t_i, r_i cos t_i),     label j
    ///
    /// Rows are ordered class by class (rows N·j ..< N·(j+1) are class j); the ε are drawn in that order, one
    /// `rng.normal()` per point. (N = 1 gives r = 0 and t = 4j, as numpy's linspace does.)
    public static func spiral<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, pointsPerClass n: Int, classes k: Int, angleNoise: Double = 0.2,
        using rng: inout SeededGenerator
    ) -> LabeledDataset<Scalar> {
        precondition(n >= 0 && k > 0, "Synthetic.spiral: need pointsPerClass ≥ 0 and classes > 0, got \(n) and \(k)")
        var points = [Scalar]()
        points.reserveCapacity(2 * n * k)
        var labels = [Int]()
        labels.reserveCapacity(n * k)
        for j in 0..<k {
            let radii = linspace(0, 1, n)
            let angles = linspace(Double(4 * j), Double(4 * (j + 1)), n)
            for i in 0..<n {
                let t = angles[i] + angleNoise * rng.normal()
                points.append(Scalar(radii[i] * sin(t)))
                points.append(Scalar(radii[i] * cos(t)))
                labels.append(j)
            }
        }
        return LabeledDataset(features: Tensor(rows: n * k, columns: 2, scalars: points), labels: labels,
                              classCount: k)
    }

    /// Gaussian blobs: class j's points are drawn from N(c_j, σ² I) around the given centres (K×D, row j = c_j).
    /// Rows are ordered class by class; the draws are row by row, D `rng.normal()` per point.
    public static func blobs<Scalar: EngineScalar>(
        centres: Tensor<Scalar>, pointsPerClass n: Int, standardDeviation sigma: Double,
        using rng: inout SeededGenerator
    ) -> LabeledDataset<Scalar> {
        precondition(n >= 0 && centres.rows > 0 && sigma >= 0,
                     "Synthetic.blobs: need pointsPerClass ≥ 0, at least one centre and σ ≥ 0, got \(n), "
                     + "\(centres.rows), \(sigma)")
        let (k, d) = (centres.rows, centres.columns)
        var points = [Scalar]()
        points.reserveCapacity(n * k * d)
        for j in 0..<k {
            for _ in 0..<n {
                for c in 0..<d { points.append(centres[j, c] + Scalar(sigma * rng.normal())) }
            }
        }
        return LabeledDataset(features: Tensor(rows: n * k, columns: d, scalars: points),
                              labels: (0..<k).flatMap { Array(repeating: $0, count: n) }, classCount: k)
    }

    /// Gaussian blobs with K random centres c_j ~ N(0, centreSpread² I) in D dimensions (the K·D centre coordinates
    /// are drawn first, then the points as in `blobs(centres:pointsPerClass:standardDeviation:using:)`).
    public static func blobs<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, classes k: Int, dimensions d: Int, pointsPerClass n: Int,
        centreSpread: Double, standardDeviation sigma: Double, using rng: inout SeededGenerator
    ) -> LabeledDataset<Scalar> {
        let centres = Tensor<Scalar>.normal(rows: k, columns: d, standardDeviation: centreSpread, using: &rng)
        return blobs(centres: centres, pointsPerClass: n, standardDeviation: sigma, using: &rng)
    }

    /// N×D inputs with independent U[lower, upper) entries, all non-negative by default: the inputs of CS231n's
    /// "sigmoid outputs are not zero-centred" argument (if every input x_i > 0, every ∂L/∂w_i = x_i·∂L/∂f has the
    /// sign of ∂L/∂f, so the weights of a unit all move in the same direction — the zig-zag).
    public static func allPositive<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, count n: Int, dimensions d: Int,
        lower: Double = 0, upper: Double = 1, using rng: inout SeededGenerator
    ) -> Tensor<Scalar> {
        precondition(lower >= 0 && upper > lower,
                     "Synthetic.allPositive: need 0 ≤ lower < upper, got [\(lower), \(upper))")
        return Tensor.uniform(rows: n, columns: d, lower: lower, upper: upper, using: &rng)
    }

    /// All-positive inputs (as `allPositive`) labelled by a random linear teacher, so a classifier can be trained on
    /// them: W ~ N(0, 1) (D×K, drawn after the inputs) and label_i = argmax_k ((x_i − m)·W)_k, where m is the centre of
    /// the input range, so the classes split the cube roughly evenly.
    public static func allPositiveClassification<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, count n: Int, dimensions d: Int, classes k: Int,
        lower: Double = 0, upper: Double = 1, using rng: inout SeededGenerator
    ) -> LabeledDataset<Scalar> {
        precondition(k > 0, "Synthetic.allPositiveClassification: classes must be positive, got \(k)")
        let x: Tensor<Scalar> = allPositive(count: n, dimensions: d, lower: lower, upper: upper, using: &rng)
        let teacher = (0..<d * k).map { _ in rng.normal() }
        let middle = (lower + upper) / 2
        let labels = (0..<n).map { i -> Int in
            var scores = [Double](repeating: 0, count: k)
            for c in 0..<d {
                let centred = Double(x[i, c]) - middle
                for j in 0..<k { scores[j] += centred * teacher[c * k + j] }
            }
            return scores.indices.max { scores[$0] < scores[$1] }!
        }
        return LabeledDataset(features: x, labels: labels, classCount: k)
    }

    /// numpy's `linspace(a, b, n)`: a + i·(b − a)/(n − 1) for i = 0..<n, the last value exactly b; [a] when n = 1.
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        guard n > 1 else { return n == 1 ? [a] : [] }
        let step = (b - a) / Double(n - 1)
        var values = (0..<n).map { a + Double($0) * step }
        values[n - 1] = b
        return values
    }
}
